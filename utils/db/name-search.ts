/**
 * Finding people by the name the user types (a tie, a merge, someone to map) or by the name a
 * profile shows (who an old export's person may be), through the name words' index
 * (./stored-person.ts).
 */
import type { AllianceDb } from './schema';
import type { StoredPerson } from './stored-person';
import { foldForSearch, nameWordsOf } from '@/utils/search-text';
import { compareNames } from '@/utils/format';
import { isNoProfileKey } from '@/utils/model';

/**
 * People known without a profile (from an old export) whose name is `name`, accents and case
 * aside: who the profile the user has open may be.
 */
export async function findNoProfileNamesakes(
  db: AllianceDb,
  name: string,
): Promise<StoredPerson[]> {
  const words = nameWordsOf(name);
  if (!words.length) return [];
  const folded = words.join(' ');
  const candidates = await db.people.where('nameWords').equals(words[0]!).toArray();
  return candidates.filter(
    (person) => isNoProfileKey(person.slug) && person.nameWords.join(' ') === folded,
  );
}

/** People whose name words the picker reads before ranking them: a short prefix matches many. */
const NAME_CANDIDATES = 2_000;

/**
 * Known people with a word of their name starting with each word of `text` (accents and case
 * aside): those whose whole name starts with the text first, each group alphabetical; when they
 * are fewer than `limit`, tracked people whose company holds the text. For picking a tie, a
 * merge or someone to map, among thousands of imported connections: the name words' index
 * finds them (./stored-person.ts).
 */
export async function findPeopleByName(
  db: AllianceDb,
  text: string,
  limit: number,
  excludeSlug?: string,
): Promise<StoredPerson[]> {
  const words = nameWordsOf(text);
  if (!words.length) return [];
  const folded = words.join(' ');
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
  const startsWithText = (person: StoredPerson) =>
    person.nameWords.join(' ').startsWith(folded) ? 0 : 1;
  return db.transaction('r', db.people, async () => {
    const candidates = await db.people
      .where('nameWords')
      .startsWith(longest)
      .distinct()
      .limit(NAME_CANDIDATES)
      .toArray();
    const named = candidates
      .filter(
        (person) =>
          person.slug !== excludeSlug &&
          words.every((word) => person.nameWords.some((part) => part.startsWith(word))),
      )
      .sort((a, b) => startsWithText(a) - startsWithText(b) || compareNames(a.name, b.name))
      .slice(0, limit);
    if (named.length >= limit) return named;
    const seen = new Set(named.map((person) => person.slug));
    const byCompany = await db.people
      .where('tracked')
      .equals(1)
      .filter(
        (person) =>
          person.slug !== excludeSlug &&
          !seen.has(person.slug) &&
          foldForSearch(person.company).includes(folded),
      )
      .limit(limit - named.length)
      .toArray();
    return [...named, ...byCompany];
  });
}
