/**
 * What the database's own middlewares (./columns.ts, ./connection-blocks.ts) share: the Dexie
 * zone a write runs in, how to give up a transaction, and how keys are spread over blocks.
 */
import Dexie, { cmp, type DBCoreKeyRange, type DBCoreTransaction } from 'dexie';

/** Runs `call` in a Dexie zone: Dexie's own middlewares below read the transaction from it. */
export type InZone = <T>(call: () => T) => T;

/**
 * The zone of the request being handled. Dexie keeps its current transaction in a zone that a
 * native `await` leaves, so each call down the stack after one re-enters it.
 */
export function currentZone(): InZone {
  const zones = Dexie.Promise as unknown as {
    PSD: unknown;
    usePSD<T>(zone: unknown, call: () => T): T;
  };
  const zone = zones.PSD;
  return (call) => zones.usePSD(zone, call);
}

/** Aborts the transaction, unless it has already ended (then nothing of it was committed). */
export function abort(trans: DBCoreTransaction): void {
  try {
    (trans as unknown as IDBTransaction).abort();
  } catch {
    // Already aborted (a rolled-back scope) or finished.
  }
}

/** A hash of a text key, the same on every machine and in every release (stored blocks use it). */
export function textHash(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return hash >>> 0;
}

/**
 * `textHash` with its bits mixed (MurmurHash3's finaliser), for spreading keys over a power of
 * two of blocks: the low bits of `textHash` alone follow the last characters, so slugs that differ
 * by a counter at their end crowd into some blocks and leave others empty.
 */
export function mixedTextHash(text: string): number {
  let hash = textHash(text);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

// DBCoreRangeType is a const enum, out of reach of isolated modules.
const EQUAL = 1;
const RANGE = 2;
const ANY = 3;

/** Every key: what `clear()` deletes and `toArray()` reads. */
export const ANY_RANGE: DBCoreKeyRange = {
  type: ANY,
  lower: -Infinity,
  lowerOpen: false,
  upper: [[]],
  upperOpen: false,
};

/** Whether `range` holds every key. */
export function isAnyRange(range: DBCoreKeyRange): boolean {
  return range.type === ANY;
}

/** Whether `key` is inside `range`, by IndexedDB's order of keys. */
export function inRange(key: unknown, range: DBCoreKeyRange): boolean {
  if (range.type === ANY) return true;
  if (range.type === EQUAL) return cmp(key, range.lower) === 0;
  if (range.type !== RANGE) return false;
  const { lower, upper, lowerOpen, upperOpen } = range;
  if (lower !== undefined) {
    const order = cmp(key, lower);
    if (order < 0 || (order === 0 && lowerOpen)) return false;
  }
  if (upper !== undefined) {
    const order = cmp(key, upper);
    if (order > 0 || (order === 0 && upperOpen)) return false;
  }
  return true;
}

/** The one key an `equals` range names, or undefined for any other range. */
export function onlyKeyOf(range: DBCoreKeyRange): unknown {
  return range.type === EQUAL ? range.lower : undefined;
}
