/**
 * A batch's keys seen as one span of a table. A first sync's batches hold nearly every key
 * between their least and their greatest (everyone is noted, and notes are read in key order),
 * and one range read of that span costs far less than a read per key, each a round trip.
 */
import type { Collection, Table } from 'dexie';
import { byCodeUnit } from '@/utils/model';

export interface KeySpan<T, I> {
  first: string;
  last: string;
  /** The rows from `first` to `last`, by primary key. */
  range: Collection<T, string, I>;
  /** How many rows the range holds. */
  count: number;
  /** The keys are at least half of those rows: read the range rather than each key. */
  dense: boolean;
}

/** The span of `table` from the least of `keys` (at least one) to the greatest. */
export async function keySpan<T, I>(
  table: Table<T, string, I>,
  keys: readonly string[],
): Promise<KeySpan<T, I>> {
  const sorted = [...keys].sort(byCodeUnit);
  const [first, last] = [sorted[0]!, sorted.at(-1)!];
  const range = table.where(':id').between(first, last, true, true);
  const count = await range.count();
  return { first, last, range, count, dense: keys.length * 2 >= count };
}
