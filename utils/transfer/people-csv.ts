/** The people of the database as a spreadsheet file, with the date each was last touched. */
import type { AllianceDb } from '@/utils/db/schema';
import { compareNames } from '@/utils/format';
import { peopleToCsv } from '@/utils/transfer/csv';

/**
 * The CSV text of every person, sorted by name, each with their last touch as stored on them. It starts with a
 * byte-order mark so that Excel reads names such as "Zoë" as UTF-8.
 */
export async function exportPeopleCsv(db: AllianceDb): Promise<string> {
  const people = await db.people.toArray();
  people.sort((a, b) => compareNames(a.name, b.name));
  return `\uFEFF${peopleToCsv(people)}`;
}
