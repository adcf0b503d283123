/**
 * The side panel's people list as rows the user filters and sorts, and a person's timeline and
 * follow-ups in the order the record shows them: pure functions over what the database read
 * (@/utils/db/panel-reads), computed once per change of the data, the settings or the day.
 */
import type { PeopleListData } from '@/utils/db/panel-reads';
import { foldForSearch } from './search-text';
import { compareNames } from '@/utils/format';
import {
  dueAtFor,
  type FollowUp,
  type Level,
  type Note,
  type Role,
  type Settings,
  type Stance,
  type Touch,
} from '@/utils/model';

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

/** Open follow-ups by due date, then done ones, most recently done first. */
export function orderFollowUps(followUps: readonly FollowUp[]): FollowUp[] {
  const open = followUps.filter((f) => f.status === 'open').sort((a, b) => a.due - b.due);
  const done = followUps
    .filter((f) => f.status === 'done')
    .sort((a, b) => (b.doneAt ?? 0) - (a.doneAt ?? 0));
  return [...open, ...done];
}
