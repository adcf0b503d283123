// Small builders for insight tests: plain records, dated relative to a fixed "now".
import {
  DAY_MS,
  DEFAULT_DIRECTION,
  DEFAULT_SETTINGS,
  INFLUENCES,
  LEVELS,
  newPerson,
  ROLES,
  STANCES,
  TOUCH_KINDS,
  type Direction,
  type FollowUp,
  type Person,
  type Tie,
  type Touch,
  type TouchKind,
} from '@/utils/model';
import type { InsightData } from '@/utils/insights';

/** Wednesday 2025-03-12, noon local time: a fixed "now" for scenarios. */
export const NOW = new Date(2025, 2, 12, 12).getTime();
/** Created long before any scenario date, so no one is due merely for being new. */
export const LONG_AGO = new Date(2023, 0, 1).getTime();

export function daysAgo(days: number, from = NOW): number {
  return from - days * DAY_MS;
}

export function person(slug: string, fields: Partial<Person> = {}): Person {
  const name = slug.charAt(0).toUpperCase() + slug.slice(1);
  return newPerson(slug, LONG_AGO, { name, ...fields });
}

let counter = 0;
function id(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

export function touch(
  personSlug: string,
  kind: TouchKind,
  at: number,
  fields: Partial<Touch> = {},
): Touch {
  const direction: Direction = DEFAULT_DIRECTION[kind];
  return { id: id('t'), personSlug, at, kind, direction, note: '', createdAt: at, ...fields };
}

export function tie(x: string, y: string, label = ''): Tie {
  const [a, b] = x < y ? [x, y] : [y, x];
  return { id: id('tie'), a, b, label, createdAt: LONG_AGO };
}

export function followUp(
  personSlug: string,
  text: string,
  due: number,
  fields: Partial<FollowUp> = {},
): FollowUp {
  return {
    id: id('f'),
    personSlug,
    text,
    due,
    status: 'open',
    doneAt: null,
    createdAt: LONG_AGO,
    ...fields,
  };
}

export function data(fields: Partial<InsightData> = {}): InsightData {
  return {
    people: [],
    touches: [],
    notes: [],
    ties: [],
    followUps: [],
    settings: DEFAULT_SETTINGS,
    ...fields,
  };
}

/** A deterministic pseudo-random source (mulberry32), so large data sets are the same every run. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A large record: `peopleCount` people with random fields, `touchCount` touches over a year, ties and follow-ups. */
export function generated(peopleCount: number, touchCount: number, seed = 1): InsightData {
  const random = seeded(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const people = Array.from({ length: peopleCount }, (_, i) =>
    person(`p${i}`, {
      level: pick(LEVELS),
      influence: pick(INFLUENCES),
      stance: pick(STANCES),
      roles: random() < 0.3 ? [pick(ROLES)] : [],
      decisionMaker: random() < 0.01,
    }),
  );
  const slug = () => `p${Math.floor(random() * peopleCount)}`;
  const touches = Array.from({ length: touchCount }, () => {
    const kind = pick(TOUCH_KINDS);
    return touch(slug(), kind, NOW - Math.floor(random() * 365 * DAY_MS), {
      direction: pick(['gave', 'received', 'both'] as const),
    });
  });
  const ties = Array.from({ length: peopleCount }, () => tie(slug(), slug()));
  const followUps = Array.from({ length: Math.floor(peopleCount / 5) }, () =>
    followUp(
      slug(),
      'Send the deck',
      NOW - Math.floor((random() - 0.5) * 60 * DAY_MS),
      random() < 0.5 ? { status: 'done', doneAt: daysAgo(1) } : {},
    ),
  );
  return data({ people, touches, ties, followUps });
}
