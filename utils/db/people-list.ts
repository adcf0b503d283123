/**
 * The reads behind the side panel: the people list (with a search index built once per data
 * change, so that a keystroke only scans prepared strings), a person's timeline, ties and
 * follow-ups, and finding people by name. Queries call only Dexie, so they can run as live
 * queries; everything that depends on settings or the date is a pure function over their answer.
 */
import Dexie from 'dexie';
import type { AllianceDb } from './schema';
import { foldForSearch, nameWordsOf, type StoredPerson } from './stored-person';
import { compareNames } from '@/utils/format';
import {
  dueAtFor,
  isNoProfileKey,
  type FollowUp,
  type Level,
  type Note,
  type Role,
  type Settings,
  type Stance,
  type Tie,
  type Touch,
} from '@/utils/model';

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

/** One line of the people list, with what its filters and sorts need precomputed. */
export interface PersonRow {
  slug: string;
  name: string;
  company: string;
  headline: string;
  profileUrl: string;
  roles: Role[];
  level: Level;
  stance: Stance;
  lastTouchAt: number | null;
  /** When the next touch is due; null for untagged people never touched (as in `summarize`). */
  dueAt: number | null;
  isDue: boolean;
  overdueFollowUps: number;
  /** Name, company, headline and notes, folded for search once per data change. */
  haystack: string;
}

/** The people list's rows, computed once per change of the data, the settings or the day. */
export function buildPersonRows(
  data: PeopleListData,
  settings: Settings,
  now: number,
): PersonRow[] {
  const overdue = new Map<string, number>();
  for (const f of data.openFollowUps) {
    if (f.due < now) overdue.set(f.personSlug, (overdue.get(f.personSlug) ?? 0) + 1);
  }
  return data.people.map((person) => {
    const lastTouchAt = person.lastTouchAt ?? null;
    const dueAt = dueAtFor(person, lastTouchAt, settings);
    return {
      slug: person.slug,
      name: person.name,
      company: person.company,
      headline: person.headline,
      profileUrl: person.profileUrl,
      roles: person.roles,
      level: person.level,
      stance: person.stance,
      lastTouchAt,
      dueAt,
      isDue: dueAt !== null && dueAt < now,
      overdueFollowUps: overdue.get(person.slug) ?? 0,
      haystack: foldForSearch(
        [
          person.name,
          person.company,
          person.headline,
          person.slug,
          data.noteText.get(person.slug) ?? '',
        ].join('\n'),
      ),
    };
  });
}

/** What the user narrowed the list to. Empty strings mean "any". */
export interface PeopleFilter {
  query: string;
  role: Role | '';
  stance: Stance | '';
  level: Level | '';
  dueOnly: boolean;
  overdueOnly: boolean;
}

export const NO_FILTER: PeopleFilter = {
  query: '',
  role: '',
  stance: '',
  level: '',
  dueOnly: false,
  overdueOnly: false,
};

/** Rows matching every filter; each word of the query must appear somewhere. Keeps the order. */
export function filterRows(rows: readonly PersonRow[], filter: PeopleFilter): PersonRow[] {
  const words = foldForSearch(filter.query).split(/\s+/).filter(Boolean);
  return rows.filter(
    (row) =>
      (!filter.role || row.roles.includes(filter.role)) &&
      (!filter.stance || row.stance === filter.stance) &&
      (!filter.level || row.level === filter.level) &&
      (!filter.dueOnly || row.isDue) &&
      (!filter.overdueOnly || row.overdueFollowUps > 0) &&
      words.every((word) => row.haystack.includes(word)),
  );
}

export const PEOPLE_SORTS = ['recent', 'stale', 'name'] as const;
/** Last touch newest first, last touch oldest first (never touched first), or by name. */
export type PeopleSort = (typeof PEOPLE_SORTS)[number];

export const SORT_LABELS: Record<PeopleSort, string> = {
  recent: 'Last touch, newest first',
  stale: 'Last touch, oldest first',
  name: 'Name',
};

function nameOf(row: PersonRow): string {
  return row.name || row.slug;
}

/** A sorted copy; ties in the date order fall back to the name so the order is stable. */
export function sortRows(rows: readonly PersonRow[], sort: PeopleSort): PersonRow[] {
  const names = (a: PersonRow, b: PersonRow) => compareNames(nameOf(a), nameOf(b));
  const touched = (row: PersonRow) => row.lastTouchAt ?? -Infinity;
  const compare =
    sort === 'name'
      ? names
      : sort === 'recent'
        ? (a: PersonRow, b: PersonRow) => touched(b) - touched(a) || names(a, b)
        : (a: PersonRow, b: PersonRow) => touched(a) - touched(b) || names(a, b);
  return [...rows].sort(compare);
}

/** A note or a touch, as the timeline shows them together. */
export type TimelineEntry = ({ type: 'note' } & Note) | ({ type: 'touch' } & Touch);

/** Notes and touches in one list, newest first (a note before a touch at the same moment). */
export function mergeTimeline(notes: readonly Note[], touches: readonly Touch[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...notes.map((note) => ({ type: 'note' as const, ...note })),
    ...touches.map((touch) => ({ type: 'touch' as const, ...touch })),
  ];
  return entries.sort(
    (a, b) =>
      b.at - a.at || (a.type === b.type ? b.createdAt - a.createdAt : a.type === 'note' ? -1 : 1),
  );
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

/** Open follow-ups by due date, then done ones, most recently done first. */
export function orderFollowUps(followUps: readonly FollowUp[]): FollowUp[] {
  const open = followUps.filter((f) => f.status === 'open').sort((a, b) => a.due - b.due);
  const done = followUps
    .filter((f) => f.status === 'done')
    .sort((a, b) => (b.doneAt ?? 0) - (a.doneAt ?? 0));
  return [...open, ...done];
}

/** A person's follow-ups, in the order the record shows them. */
export async function loadFollowUps(db: AllianceDb, slug: string): Promise<FollowUp[]> {
  return orderFollowUps(await db.followUps.where('personSlug').equals(slug).toArray());
}

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
