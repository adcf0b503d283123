/** The people of the database as a spreadsheet file, with the date each was last touched. */
import type { AllianceDb } from '@/utils/db/schema';
import { readLastTouches } from '@/utils/db/people-list';
import { compareNames } from '@/utils/format';
import { peopleToCsv } from '@/utils/transfer/csv';

/**
 * The CSV text of every person, sorted by name, read in one transaction. It starts with a
 * byte-order mark so that Excel reads names such as "Zoë" as UTF-8.
 */
export async function exportPeopleCsv(db: AllianceDb): Promise<string> {
  const [people, lastTouches] = await db.transaction('r', db.people, db.touches, () =>
    Promise.all([db.people.toArray(), readLastTouches(db)]),
  );
  people.sort((a, b) => compareNames(a.name, b.name));
  return `\uFEFF${peopleToCsv(people, lastTouches)}`;
}
