/**
 * Reads what the weekly report needs, and no more: at 10,000 people and 100,000 touches a full
 * read of the touches is the slowest part of opening the page. The engine looks back from each
 * of the 12 weeks it scores by the longest cadence, the 90-day give/take window and the
 * visibility window, so touches are read with an index range on `at` from that far before the
 * first week up to the end of the chosen one. A touch older than that only matters as a tagged
 * person's (or a champion's) last touch, read one per person who has none in the range. Notes
 * are not read: the engine does not use them (docs/insights.md).
 */
import { readPeopleColumns, readTouchColumns, withEarlierTouches } from '@/utils/db/columns';
import type { AllianceDb } from '@/utils/db/schema';
import { APPRECIATION_WINDOW_DAYS } from '@/utils/insights/actions';
import { BALANCE_WINDOW_DAYS } from '@/utils/insights/people';
import { TREND_WEEKS, weeklyReport } from '@/utils/insights/report';
import type { InsightData, InsightPerson, WeeklyReport } from '@/utils/insights/types';
import { addWeeks, weekStartOf } from '@/utils/insights/weeks';
import { DAY_MS, cadenceFor, type Settings, type Touch } from '@/utils/model';

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
function needsLastTouch(person: InsightPerson): boolean {
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
  people: readonly InsightPerson[],
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

/**
 * The latest touch before `before` of each of `slugs` that has one, one indexed read each: a few
 * records per tagged person, where reading older weeks would turn every touch of them into one.
 */
async function lastTouchesBefore(
  db: AllianceDb,
  slugs: ReadonlySet<string>,
  before: number,
): Promise<Touch[]> {
  const latest = await Promise.all(
    [...slugs].map((slug) =>
      db.touches
        .where('[personSlug+at]')
        .between([slug, -Infinity], [slug, before], true, false)
        .last(),
    ),
  );
  return latest.filter((touch) => touch !== undefined);
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
  return db.transaction('r', [db.columns, db.touches, db.ties, db.followUps], async () => {
    // The settings alone set most of the span: read those touches alongside the people.
    const base = reportSpan(weekOf, now, settings, []);
    const [people, ties, followUps, fromBase] = await Promise.all([
      readPeopleColumns(db),
      db.ties.toArray(),
      db.followUps.toArray(),
      readTouchColumns(db, base.from, base.to),
    ]);
    // A tagged person's own, longer cadence reaches further back.
    const span = reportSpan(weekOf, now, settings, people);
    const recent = await withEarlierTouches(db, span.from, base.from, fromBase);
    const touched = new Set<string>();
    for (const touch of recent) if (touch.at <= span.asOf) touched.add(touch.personSlug);
    const untouched = new Set<string>();
    for (const person of people) {
      if (needsLastTouch(person) && !touched.has(person.slug)) untouched.add(person.slug);
    }
    const earlier = await lastTouchesBefore(db, untouched, span.from);
    return { people, touches: recent.concat(earlier), notes: [], ties, followUps, settings };
  });
}

/** The weekly report of the week holding `weekOf`, read and computed as of `now`. */
export async function loadWeeklyReport(
  db: AllianceDb,
  weekOf: number,
  settings: Settings,
  now: number,
): Promise<WeeklyReport> {
  return weeklyReport(await loadReportData(db, weekOf, now, settings), weekOf, { now });
}
