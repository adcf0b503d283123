/**
 * Progress of large imports. They run in a worker (utils/transfer/import-channel.ts), so
 * parsing needs no turns given back to a page; writing is cut into Dexie-only slices inside one
 * transaction (a timer awaited inside one would let IndexedDB commit it early), for progress.
 */

import type { AllianceDb } from '@/utils/db/schema';
import type { StoredPerson } from '@/utils/db/stored-person';

/** Rows between two progress reports while parsing. */
export const CHUNK_ROWS = 500;

/**
 * Records per write slice: a progress report per 250 records (25–50 ms of writes on a small
 * machine), 40 for a 10,000-person import.
 */
const WRITE_SLICE = 250;

/**
 * Slices handed to IndexedDB and not yet done. With only the next one queued, the writes of
 * 10,000 people took ~250 ms longer than with all of them queued at once (alternating imports on
 * a 2-core machine); four keep it nearly as busy (~50 ms short of that) while progress still
 * moves slice by slice.
 */
export const SLICES_AHEAD = 4;

/** Reports progress of a long job: `done` out of `total`, in the same unit. */
export type ProgressListener = (done: number, total: number) => void;

/**
 * `onProgress` at most once per `everyMs`, and always for the end of the job. Each report
 * redraws the page's progress bar, and on a small machine those redraws compete with the
 * import's writes: reporting every slice (60 times for 10,000 rows) made an import ~250 ms
 * slower than reporting none (alternating imports on 2 cores).
 */
export function throttleProgress(
  onProgress: ProgressListener,
  everyMs: number,
  now: () => number = () => performance.now(),
): ProgressListener {
  let last = -Infinity;
  return (done, total) => {
    const at = now();
    if (done < total && at - last < everyMs) return;
    last = at;
    onProgress(done, total);
  };
}

/** The listener of one part of a job, that `share` of the whole from `from` on (fractions). */
export function partOf(
  onProgress: ProgressListener | undefined,
  from: number,
  share: number,
): ProgressListener {
  return (done, total) => onProgress?.(from + share * (done / Math.max(total, 1)), 1);
}

/**
 * Writes records in slices so that progress can be reported; only Dexie is awaited. Up to
 * `SLICES_AHEAD` slices are handed over before the first of them is done, so the database always
 * has work queued while the import reports progress and prepares more.
 */
export async function bulkPutWithProgress<T>(
  put: (records: T[]) => Promise<unknown>,
  records: readonly T[],
  onSlice?: (written: number) => void,
): Promise<void> {
  const inFlight: Array<{ done: Promise<unknown>; end: number }> = [];
  let sent = 0;
  const sendNext = () => {
    const end = Math.min(sent + WRITE_SLICE, records.length);
    const done = put(records.slice(sent, end));
    // Awaited in its turn below; a failure meanwhile is not an unhandled rejection.
    done.catch(() => undefined);
    inFlight.push({ done, end });
    sent = end;
  };
  while (sent < records.length && inFlight.length < SLICES_AHEAD) sendNext();
  for (let slice = inFlight.shift(); slice; slice = inFlight.shift()) {
    await slice.done;
    if (sent < records.length) sendNext();
    onSlice?.(slice.end);
  }
}

/** People read per request by `readPeopleInPages`. */
const PEOPLE_PAGE = 2_000;

/**
 * Every person, in slug order, read a page at a time: IndexedDB hands each page over in a task
 * of its own, rather than turning 10,000 records back into objects in one. Only Dexie is
 * awaited: fit inside an import's transaction.
 */
export async function readPeopleInPages(db: AllianceDb): Promise<StoredPerson[]> {
  const people: StoredPerson[] = [];
  for (let page = await db.people.limit(PEOPLE_PAGE).toArray(); ;) {
    people.push(...page);
    if (page.length < PEOPLE_PAGE) return people;
    page = await db.people.where(':id').above(page.at(-1)!.slug).limit(PEOPLE_PAGE).toArray();
  }
}
