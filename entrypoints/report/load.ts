/**
 * Reads what the weekly report needs, and no more: at 10,000 people and 100,000 touches a full
 * read of the touches is the slowest part of opening the page. The engine looks back from each
 * of the 12 weeks it scores by the longest cadence, the 90-day give/take window and the
 * visibility window, so touches are read with an index range on `at` from that far before the
 * first week up to the end of the chosen one. A touch older than that only matters as a tagged
 * person's (or a champion's) last touch, read one per person who has none in the range. Notes
 * are not read: the engine does not use them (docs/insights.md).
 */
import Dexie from 'dexie';
import type { AllianceDb } from '@/utils/db/schema';
import { APPRECIATION_WINDOW_DAYS } from '@/utils/insights/actions';
import { BALANCE_WINDOW_DAYS } from '@/utils/insights/people';
import { TREND_WEEKS } from '@/utils/insights/report';
import type { InsightData } from '@/utils/insights/types';
import { addWeeks, weekStartOf } from '@/utils/insights/weeks';
import { DAY_MS, cadenceFor, type Person, type Settings, type Touch } from '@/utils/model';

/** The span of dates the report of one week reads touches and notes from: [from, to). */
export interface ReportSpan {
  from: number;
  to: number;
  /** The moment the report describes (the end of the week, or now inside it). */
  asOf: number;
}

function positiveDays(value: number): number {
  return Number.isFinite(value) && value > 0 ? value : 0;
}

/** People whose last touch the report shows or ranks by, however old it is. */
function needsLastTouch(person: Person): boolean {
  return person.roles.length > 0 || person.stance === 'champion';
}

/**
 * The dates the report of the week holding `weekOf` depends on. Tagged people's cadences set
 * how far back a touch still counts as "within cadence" at the first of the 12 weeks.
 */
export function reportSpan(
  weekOf: number,
  now: number,
  settings: Settings,
  people: readonly Person[],
): ReportSpan {
  const weekStart = weekStartOf(weekOf, settings.weekStart);
  const to = addWeeks(weekStart, 1, settings.weekStart);
  const firstWeek = addWeeks(weekStart, -(TREND_WEEKS - 1), settings.weekStart);
  // The engine falls back to 30 days when the settings hold no usable cadence.
  let lookBackDays = Math.max(
    30,
    BALANCE_WINDOW_DAYS,
    APPRECIATION_WINDOW_DAYS,
    positiveDays(settings.visibilityWindowDays),
    positiveDays(settings.defaultCadenceDays),
    ...Object.values(settings.cadenceByRole).map(positiveDays),
  );
  for (const person of people) {
    if (person.roles.length > 0)
      lookBackDays = Math.max(lookBackDays, positiveDays(cadenceFor(person, settings)));
  }
  const asOf = now >= weekStart && now < to ? now : to - 1;
  // One more day than needed: a local day around a DST change is 23 or 25 hours long.
  return { from: firstWeek - (lookBackDays + 1) * DAY_MS, to, asOf };
}

/** The latest touch of `slug` before `before`, through the [personSlug+at] index. */
function lastTouchBefore(db: AllianceDb, slug: string, before: number): Promise<Touch | undefined> {
  return db.touches
    .where('[personSlug+at]')
    .between([slug, Dexie.minKey], [slug, before], true, false)
    .last();
}

function touchesBetween(db: AllianceDb, from: number, to: number): Promise<Touch[]> {
  return db.touches.where('at').between(from, to, true, false).toArray();
}

/**
 * Everything the engine needs to report the week holding `weekOf`, read in one transaction.
 * Calls only Dexie, so it can run inside a live query.
 */
export async function loadReportData(
  db: AllianceDb,
  weekOf: number,
  now: number,
  settings: Settings,
): Promise<InsightData> {
  return db.transaction('r', [db.people, db.touches, db.ties, db.followUps], async () => {
    // The settings alone set most of the span: read those touches alongside the people.
    const base = reportSpan(weekOf, now, settings, []);
    const [people, ties, followUps, fromBase] = await Promise.all([
      db.people.toArray(),
      db.ties.toArray(),
      db.followUps.toArray(),
      touchesBetween(db, base.from, base.to),
    ]);
    // A tagged person's own, longer cadence reaches further back.
    const span = reportSpan(weekOf, now, settings, people);
    const recent =
      span.from < base.from
        ? (await touchesBetween(db, span.from, base.from)).concat(fromBase)
        : fromBase;
    const touched = new Set<string>();
    for (const touch of recent) if (touch.at <= span.asOf) touched.add(touch.personSlug);
    const earlier = await Promise.all(
      people
        .filter((person) => needsLastTouch(person) && !touched.has(person.slug))
        .map((person) => lastTouchBefore(db, person.slug, span.from)),
    );
    const touches = recent.concat(earlier.filter((touch): touch is Touch => touch !== undefined));
    return { people, touches, notes: [], ties, followUps, settings };
  });
}
