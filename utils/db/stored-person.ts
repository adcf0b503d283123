/**
 * What the people table keeps on each person besides what the user and LinkedIn said: four
 * fields its readers look people up by, so that the popup, the report, the badge and the
 * pickers read a few records through an index instead of every person or every touch. Pure:
 * every writer of a person (utils/db/records.ts, the imports, a restore, the schema's upgrade)
 * builds the record with these functions inside the transaction that writes it, and
 * `personOf` takes the fields off again for a backup.
 */
import type { Person } from '@/utils/model';
import { nameWordsOf } from '@/utils/search-text';

/** A person as the people table stores them. */
export interface StoredPerson extends Person {
  /** The date of their latest touch; absent when they have none. */
  lastTouchAt?: number;
  /**
   * 1 when the user keeps anything about them (`isTracked`); absent for a connection an import
   * or a profile visit brought in, so that the 30,000 of those have no entry in its index.
   */
  tracked?: 1;
  /**
   * 1 when the user marked the person themselves (`hasOwnMarks`): everyone the map shows is
   * marked, so the map reads them through this index rather than every tracked person, most of
   * whom are there for a touch or a note alone.
   */
  marked?: 1;
  /** Each word of their name, folded (`foldForSearch`), for finding people by any of them. */
  nameWords: string[];
}

/** What a person's other records say about them: their latest touch, and whether any exist. */
export interface PersonHistory {
  lastTouchAt?: number;
  /** A note, touch, follow-up or tie names them. */
  hasRecords: boolean;
}

export const NO_HISTORY: PersonHistory = { hasRecords: false };

/** The user said something about the person themselves: a role, a level, a stance, a motive… */
export function hasOwnMarks(person: Person): boolean {
  return (
    person.roles.length > 0 ||
    person.level !== 'unknown' ||
    person.influence !== 'unknown' ||
    person.stance !== 'unknown' ||
    person.basis !== 'unknown' ||
    person.decisionMaker ||
    person.motivations !== '' ||
    person.influencedBy !== '' ||
    person.cadenceDays !== null
  );
}

/**
 * Part of the user's alliance record: they marked the person or keep a note, touch, follow-up or
 * tie about them. Everyone the insight engine can say anything about is tracked; the popup and
 * the report read only them.
 */
export function isTracked(person: Person, history: PersonHistory): boolean {
  return history.hasRecords || hasOwnMarks(person);
}

/** The person without what the store keeps beside them (a backup holds only what they are). */
export function personOf(stored: Person | StoredPerson): Person {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { lastTouchAt, tracked, marked, nameWords, ...person } = stored as StoredPerson;
  return person;
}

/** The record to store for `person`, whose other records are summed up by `history`. */
export function storedPerson(person: Person | StoredPerson, history: PersonHistory): StoredPerson {
  const stored: StoredPerson = { ...personOf(person), nameWords: nameWordsOf(person.name) };
  if (history.lastTouchAt !== undefined) stored.lastTouchAt = history.lastTouchAt;
  if (isTracked(person, history)) stored.tracked = 1;
  if (hasOwnMarks(person)) stored.marked = 1;
  return stored;
}

/**
 * The history a stored person's record implies, for a write that takes none of their marks or
 * records away (an import refreshing their company, a profile visit learning their member id):
 * whether they are tracked then depends on nothing else.
 */
export function keptHistory(person: Person | StoredPerson | undefined): PersonHistory {
  const { lastTouchAt, tracked } = (person ?? {}) as Partial<StoredPerson>;
  return { ...(lastTouchAt !== undefined ? { lastTouchAt } : {}), hasRecords: tracked === 1 };
}

/** Two histories of one person as one: the later last touch, records if either has them. */
export function joinHistories(a: PersonHistory, b: PersonHistory): PersonHistory {
  const lastTouchAt = Math.max(a.lastTouchAt ?? -Infinity, b.lastTouchAt ?? -Infinity);
  return {
    ...(Number.isFinite(lastTouchAt) ? { lastTouchAt } : {}),
    hasRecords: a.hasRecords || b.hasRecords,
  };
}

/** The records that name people, as a backup or a whole database holds them. */
export interface PeopleRecords {
  notes: readonly { personSlug: string }[];
  touches: readonly { personSlug: string; at: number }[];
  followUps: readonly { personSlug: string }[];
  ties: readonly { a: string; b: string }[];
}

/** Every person's history, from all of their records at once (a restore, an upgrade). */
export function historiesOf(records: PeopleRecords): Map<string, PersonHistory> {
  const histories = new Map<string, PersonHistory>();
  const named = (slug: string) => {
    let history = histories.get(slug);
    if (!history) histories.set(slug, (history = { hasRecords: true }));
    return history;
  };
  for (const touch of records.touches) {
    const history = named(touch.personSlug);
    if (history.lastTouchAt === undefined || touch.at > history.lastTouchAt)
      history.lastTouchAt = touch.at;
  }
  for (const { personSlug } of [...records.notes, ...records.followUps]) named(personSlug);
  for (const { a, b } of records.ties) {
    named(a);
    named(b);
  }
  return histories;
}

/** The records to store for `people`, given every record that names them. */
export function storedPeople(
  people: readonly (Person | StoredPerson)[],
  records: PeopleRecords,
): StoredPerson[] {
  const histories = historiesOf(records);
  return people.map((person) => storedPerson(person, histories.get(person.slug) ?? NO_HISTORY));
}
