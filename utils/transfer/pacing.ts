/**
 * Keeping a page responsive during large imports: parsing gives the page a turn (a macrotask)
 * every few tens of milliseconds, OUTSIDE any transaction (a timer awaited inside one lets
 * IndexedDB commit it early); writing is cut into Dexie-only slices inside one transaction, for
 * progress.
 */

import type { AllianceDb } from '@/utils/db/schema';
import type { Person } from '@/utils/model';

/** Rows between two progress reports while parsing. */
export const CHUNK_ROWS = 500;

/**
 * Records per write slice. Handing a slice to IndexedDB is one task of the page (~100 µs a
 * record on a small machine, more under load): 500 made tasks of up to 400 ms.
 */
const WRITE_SLICE = 250;

/** Reports progress of a long job: `done` out of `total`, in the same unit. */
export type ProgressListener = (done: number, total: number) => void;

/**
 * Lets the page render and handle input before the next chunk. Not `setTimeout(0)`: browsers
 * clamp nested timers to 4 ms, which adds up over an import of many chunks.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?(): Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** The longest stretch of parsing between two turns given back to the page. */
const TURN_MS = 40;

/**
 * Gives the page a turn once the work since the last turn has run for `TURN_MS`. Parsing a
 * chunk of rows takes a few milliseconds; a turn after each one costs the page a render every
 * time (a third of a 10,000-row parse), while a turn per 40 ms keeps every task short.
 */
export function pageTurns(turnMs = TURN_MS): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < turnMs) return;
    await yieldToPage();
    since = performance.now();
  };
}

/**
 * Writes records in slices so that progress can be reported; only Dexie is awaited. The next
 * slice is handed over before the last one is done, so the database always has work queued
 * while the page reports progress and prepares more.
 */
export async function bulkPutWithProgress<T>(
  put: (records: T[]) => Promise<unknown>,
  records: readonly T[],
  onSlice?: (written: number) => void,
): Promise<void> {
  let inFlight: { done: Promise<unknown>; end: number } | undefined;
  for (let start = 0; start < records.length || inFlight; start += WRITE_SLICE) {
    const end = Math.min(start + WRITE_SLICE, records.length);
    const next = start < records.length ? { done: put(records.slice(start, end)), end } : undefined;
    // Awaited in its turn below; a failure meanwhile is not an unhandled rejection.
    next?.done.catch(() => undefined);
    if (inFlight) {
      await inFlight.done;
      onSlice?.(inFlight.end);
    }
    inFlight = next;
  }
}

/** People read per request by `readPeopleInPages`. */
const PEOPLE_PAGE = 2_000;

/**
 * Every person, in slug order, read a page at a time: IndexedDB hands each page over in a task
 * of its own, so the page is not frozen while 10,000 records are turned back into objects at
 * once. Only Dexie is awaited: fit inside an import's transaction.
 */
export async function readPeopleInPages(db: AllianceDb): Promise<Person[]> {
  const people: Person[] = [];
  for (let page = await db.people.limit(PEOPLE_PAGE).toArray(); ;) {
    people.push(...page);
    if (page.length < PEOPLE_PAGE) return people;
    page = await db.people.where(':id').above(page.at(-1)!.slug).limit(PEOPLE_PAGE).toArray();
  }
}
