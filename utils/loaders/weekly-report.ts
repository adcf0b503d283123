/**
 * Reads what the weekly report needs, and no more. The engine looks back from each of the 12
 * weeks it scores by the longest cadence, the 90-day give/take window and the visibility window,
 * so touches are read with an index range on `at` from that far before the first week up to the
 * end of the chosen one. A touch older than that only matters as a person's last touch. Notes
 * are not read: the engine does not use them (docs/insights.md).
 */
import {
  lastTouchesBefore,
  positiveDays,
  readTouchesBetween,
  readTrackedPeople,
} from '@/utils/db/insight-reads';
import type { AllianceDb } from '@/utils/db/schema';
import { APPRECIATION_WINDOW_DAYS } from '@/utils/insights/actions';
import { BALANCE_WINDOW_DAYS } from '@/utils/insights/people';
import { TREND_WEEKS, weeklyReport } from '@/utils/insights/report';
import type { InsightData, InsightPerson, WeeklyReport } from '@/utils/insights/types';
import { addWeeks, weekStartOf } from '@/utils/insights/weeks';
import { DAY_MS, cadenceFor, type Settings } from '@/utils/model';
import type { Translator } from '@/utils/i18n';

/** The span of dates the report of one week reads touches and notes from: [from, to). */
export interface ReportSpan {
  from: number;
  to: number;
  /** The moment the report describes (the end of the week, or now inside it). */
  asOf: number;
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
 * Everything the engine needs to report the week holding `weekOf`, read in one transaction:
 * the tracked people, the touches of the span by their date index, every tie and follow-up,
 * and the last touch before the span of anyone the span does not show (@/utils/db/insight-reads).
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
      readTrackedPeople(db),
      db.ties.toArray(),
      db.followUps.toArray(),
      readTouchesBetween(db, base.from, base.to),
    ]);
    // A tagged person's own, longer cadence reaches further back.
    const span = reportSpan(weekOf, now, settings, people);
    const earlier = span.from < base.from ? await readTouchesBetween(db, span.from, base.from) : [];
    const read = earlier.concat(fromBase);
    const before = await lastTouchesBefore(db, people, read, span.from, span.asOf);
    return { people, touches: read.concat(before), notes: [], ties, followUps, settings };
  });
}

/** The weekly report of the week holding `weekOf`, read and computed as of `now`, worded in `t`. */
export async function loadWeeklyReport(
  db: AllianceDb,
  weekOf: number,
  settings: Settings,
  now: number,
  t?: Translator,
): Promise<WeeklyReport> {
  return weeklyReport(await loadReportData(db, weekOf, now, settings), weekOf, { now, t });
}
