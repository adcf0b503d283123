/** The people of the database as a spreadsheet file, with the date each was last touched. */
import type { AllianceDb } from '@/utils/db/schema';
import type { Touch } from '@/utils/model';
import { compareNames } from '@/utils/format';
import { peopleToCsv } from '@/utils/transfer/csv';

/** The latest touch date of each person who has any. */
export function lastTouchBySlug(touches: Iterable<Pick<Touch, 'personSlug' | 'at'>>) {
  const latest = new Map<string, number>();
  for (const { personSlug, at } of touches) {
    if (at > (latest.get(personSlug) ?? -Infinity)) latest.set(personSlug, at);
  }
  return latest;
}

/**
 * The CSV text of every person, sorted by name, read in one transaction. It starts with a
 * byte-order mark so that Excel reads names such as "Zoë" as UTF-8.
 */
export async function exportPeopleCsv(db: AllianceDb): Promise<string> {
  const [people, touches] = await db.transaction('r', db.people, db.touches, () =>
    Promise.all([db.people.toArray(), db.touches.toArray()]),
  );
  people.sort((a, b) => compareNames(a.name, b.name));
  return `\uFEFF${peopleToCsv(people, lastTouchBySlug(touches))}`;
}
