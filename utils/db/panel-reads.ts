/**
 * The reads behind the side panel: everyone for the people list, and one person's timeline,
 * ties and follow-ups. They call only Dexie, so they can run as live queries; what depends on
 * the settings or the date is computed from their answer (@/utils/people-rows).
 */
import Dexie from 'dexie';
import type { AllianceDb } from './schema';
import type { StoredPerson } from './stored-person';
import { compareNames } from '@/utils/format';
import type { FollowUp, Tie } from '@/utils/model';
import { mergeTimeline, orderFollowUps, type TimelineEntry } from '@/utils/people-rows';

/** Everything the people list needs, read in one transaction. */
export interface PeopleListData {
  people: StoredPerson[];
  /** All note text per person slug, for search. */
  noteText: Map<string, string>;
  /** Open follow-ups (done ones never make a person overdue). */
  openFollowUps: Pick<FollowUp, 'personSlug' | 'due'>[];
}

/**
 * Reads everyone and the text of every note (each person's last touch is on their record).
 * Runs as a live query: every write anywhere refreshes the list.
 */
export async function loadPeopleListData(db: AllianceDb): Promise<PeopleListData> {
  return db.transaction('r', [db.people, db.notes, db.followUps], async () => {
    const [people, notes, openFollowUps] = await Promise.all([
      db.people.toArray(),
      db.notes.toArray(),
      db.followUps
        .where('[status+due]')
        .between(['open', Dexie.minKey], ['open', Dexie.maxKey])
        .toArray(),
    ]);
    const noteText = new Map<string, string>();
    for (const note of notes) {
      const before = noteText.get(note.personSlug);
      noteText.set(note.personSlug, before === undefined ? note.text : `${before}\n${note.text}`);
    }
    return {
      people,
      noteText,
      openFollowUps: openFollowUps.map(({ personSlug, due }) => ({ personSlug, due })),
    };
  });
}

/** The timeline of one person. */
export async function loadTimeline(db: AllianceDb, slug: string): Promise<TimelineEntry[]> {
  const range = [
    [slug, Dexie.minKey],
    [slug, Dexie.maxKey],
  ] as const;
  const [notes, touches] = await Promise.all([
    db.notes
      .where('[personSlug+at]')
      .between(...range)
      .toArray(),
    db.touches
      .where('[personSlug+at]')
      .between(...range)
      .toArray(),
  ]);
  return mergeTimeline(notes, touches);
}

/** A tie seen from one person: the other end's name, when they are still known. */
export interface TieView {
  tie: Tie;
  otherSlug: string;
  otherName: string;
}

/** The people a person is tied to, by name. */
export async function loadTies(db: AllianceDb, slug: string): Promise<TieView[]> {
  const ties = await db.ties.where('a').equals(slug).or('b').equals(slug).toArray();
  const others = ties.map((tie) => (tie.a === slug ? tie.b : tie.a));
  const people = await db.people.bulkGet(others);
  return ties
    .map((tie, i) => ({ tie, otherSlug: others[i]!, otherName: people[i]?.name || others[i]! }))
    .sort((x, y) => compareNames(x.otherName, y.otherName));
}

/** A person's follow-ups, in the order the record shows them. */
export async function loadFollowUps(db: AllianceDb, slug: string): Promise<FollowUp[]> {
  return orderFollowUps(await db.followUps.where('personSlug').equals(slug).toArray());
}
