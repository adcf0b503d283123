/**
 * Progress of large imports. They run in a worker (components/options/import-channel.ts), so
 * parsing needs no turns given back to a page; writing is cut into Dexie-only slices inside one
 * transaction (a timer awaited inside one would let IndexedDB commit it early), for progress.
 */

import type { AllianceDb } from '@/utils/db/schema';
import type { Person } from '@/utils/model';

/** Rows between two progress reports while parsing. */
export const CHUNK_ROWS = 500;

/**
 * Records per write slice: a progress report per 250 records (25–50 ms of writes on a small
 * machine), 40 for a 10,000-person import.
 */
const WRITE_SLICE = 250;

/** Reports progress of a long job: `done` out of `total`, in the same unit. */
export type ProgressListener = (done: number, total: number) => void;

/** The listener of one part of a job, that `share` of the whole from `from` on (fractions). */
export function partOf(
  onProgress: ProgressListener | undefined,
  from: number,
  share: number,
): ProgressListener {
  return (done, total) => onProgress?.(from + share * (done / Math.max(total, 1)), 1);
}

/**
 * Writes records in slices so that progress can be reported; only Dexie is awaited. The next
 * slice is handed over before the last one is done, so the database always has work queued
 * while the import reports progress and prepares more.
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
 * of its own, rather than turning 10,000 records back into objects in one. Only Dexie is
 * awaited: fit inside an import's transaction.
 */
export async function readPeopleInPages(db: AllianceDb): Promise<Person[]> {
  const people: Person[] = [];
  for (let page = await db.people.limit(PEOPLE_PAGE).toArray(); ;) {
    people.push(...page);
    if (page.length < PEOPLE_PAGE) return people;
    page = await db.people.where(':id').above(page.at(-1)!.slug).limit(PEOPLE_PAGE).toArray();
  }
}
