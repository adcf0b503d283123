// The weekly report sweeps its 13 dates in one pass (sweepDates) and scores the trend from the
// swept totals (snapshotAndTrend); these tests hold both to a snapshot built and scored per date,
// on random and on generated data.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildStatusIndex, weeklyReport } from '@/utils/insights';
import { statusIndexOf, sweepDates, type PersonStatus } from '@/utils/insights/people';
import { prepare, snapshot } from '@/utils/insights/context';
import { snapshotAndTrend } from '@/utils/insights/trend';
import { connectivityAt, visibilityAt } from '@/utils/insights/scores';
import {
  DEFAULT_SETTINGS,
  INFLUENCES,
  LEVELS,
  ROLES,
  STANCES,
  TOUCH_KINDS,
  type FollowUp,
  type Settings,
} from '@/utils/model';
import type { InsightPerson } from '@/utils/insights/types';
import { generateDataset } from '../../support/dataset';
import { daysAgo, followUp, NOW, person, tie, touch } from './fixtures';

const settings: Settings = {
  ...DEFAULT_SETTINGS,
  cadenceByRole: { ...DEFAULT_SETTINGS.cadenceByRole },
};

/** Every status at each date, from one sweep, as the report builds its chosen date's. */
function sweptIndexes(
  people: readonly InsightPerson[],
  touches: Parameters<typeof sweepDates>[1],
  followUps: readonly FollowUp[],
  dates: readonly number[],
): Map<string, PersonStatus>[] {
  const result: Map<string, PersonStatus>[] = [];
  sweepDates(people, touches, settings, dates, (i, asOf, running) => {
    result[i] = statusIndexOf(running, followUps, asOf);
  });
  return result;
}

describe('sweepDates', () => {
  it('equals buildStatusIndex at every date, in any order, with duplicates and odd dates', () => {
    const slugs = ['a', 'b', 'c', 'a'];
    const arbitraryTouch = fc.record({
      slug: fc.constantFrom('a', 'b', 'c', 'unknown'),
      kind: fc.constantFrom(...TOUCH_KINDS),
      direction: fc.constantFrom('gave' as const, 'received' as const, 'both' as const),
      days: fc.oneof(fc.integer({ min: -20, max: 400 }), fc.constant(Number.NaN)),
    });
    const arbitraryDate = fc.oneof(
      fc.integer({ min: -10, max: 300 }).map((days) => daysAgo(days)),
      fc.constantFrom(Number.NaN, Infinity, -Infinity),
    );
    fc.assert(
      fc.property(
        fc.array(arbitraryTouch, { maxLength: 60 }),
        fc.array(fc.record({ due: fc.integer({ min: -10, max: 60 }), done: fc.boolean() }), {
          maxLength: 6,
        }),
        fc.array(arbitraryDate, { minLength: 1, maxLength: 8 }),
        (raw, dues, dates) => {
          const people = slugs.map((slug, i) =>
            person(slug, { roles: i % 2 ? ['mentor'] : [], createdAt: daysAgo(100 * i) }),
          );
          const touches = raw.map((t) =>
            touch(t.slug, t.kind, daysAgo(t.days), { direction: t.direction }),
          );
          const items = dues.map(({ due, done }, i) =>
            followUp(slugs[i % slugs.length] ?? 'a', 'x', daysAgo(due), {
              status: done ? 'done' : 'open',
              doneAt: done ? daysAgo(i * 7) : null,
              createdAt: daysAgo(50),
            }),
          );
          const swept = sweptIndexes(people, touches, items, dates);
          dates.forEach((asOf, i) => {
            const one = buildStatusIndex(people, touches, items, settings, asOf);
            expect([...swept[i]!.entries()]).toEqual([...one.entries()]);
          });
        },
      ),
    );
  });

  it('equals buildStatusIndex on a generated 2,000-person record at the report dates', () => {
    const data = generateDataset(
      { people: 2_000, touches: 20_000, notes: 0, followUps: 400 },
      NOW,
      7,
    );
    const dates = Array.from({ length: 13 }, (_, i) => NOW - i * 7 * 86_400_000);
    const swept = sweptIndexes(data.people, data.touches, data.followUps, dates);
    dates.forEach((asOf, i) => {
      const one = buildStatusIndex(data.people, data.touches, data.followUps, settings, asOf);
      expect([...swept[i]!.entries()]).toEqual([...one.entries()]);
    });
  });
});

describe('weeklyReport trend', () => {
  it('scores any record at any dates as a snapshot scored in full would', () => {
    const slugs = ['a', 'b', 'c', 'd', 'e'];
    const arbitraryPerson = fc.record({
      slug: fc.constantFrom(...slugs),
      level: fc.constantFrom(...LEVELS),
      influence: fc.constantFrom(...INFLUENCES),
      stance: fc.constantFrom(...STANCES),
      roles: fc.subarray([...ROLES], { maxLength: 2 }),
      decisionMaker: fc.boolean(),
      cadenceDays: fc.option(fc.integer({ min: 1, max: 40 }), { nil: null }),
      createdDaysAgo: fc.integer({ min: 0, max: 400 }),
    });
    const arbitraryTouch = fc.record({
      slug: fc.constantFrom(...slugs, 'unknown'),
      kind: fc.constantFrom(...TOUCH_KINDS),
      direction: fc.constantFrom('gave' as const, 'received' as const, 'both' as const),
      // Few whole days, so that touches fall on due dates and window edges.
      days: fc.oneof(fc.integer({ min: -5, max: 120 }), fc.constant(Number.NaN)),
    });
    const arbitraryDate = fc.oneof(
      fc.integer({ min: -5, max: 90 }).map((days) => daysAgo(days)),
      fc.constant(Number.NaN),
    );
    fc.assert(
      fc.property(
        fc.array(arbitraryPerson, { maxLength: 8 }),
        fc.array(arbitraryTouch, { maxLength: 50 }),
        fc.array(fc.tuple(fc.constantFrom(...slugs), fc.constantFrom(...slugs)), { maxLength: 8 }),
        fc.integer({ min: 1, max: 60 }),
        fc.array(arbitraryDate, { minLength: 2, maxLength: 6 }),
        (rawPeople, rawTouches, rawTies, visibilityWindowDays, [asOf, ...past]) => {
          const people = rawPeople.map(({ slug, createdDaysAgo, ...fields }) =>
            person(slug, { ...fields, createdAt: daysAgo(createdDaysAgo) }),
          );
          const touches = rawTouches.map((t) =>
            touch(t.slug, t.kind, daysAgo(t.days), { direction: t.direction }),
          );
          const ties = rawTies.map(([x, y]) => tie(x, y));
          const prepared = prepare({
            people,
            touches,
            notes: [],
            ties,
            followUps: [],
            settings: { ...settings, visibilityWindowDays },
          });
          const { snap, past: scores } = snapshotAndTrend(prepared, asOf!, past);
          expect([...snap.status.entries()]).toEqual([
            ...snapshot(prepared, asOf!).status.entries(),
          ]);
          past.forEach((date, i) => {
            const full = snapshot(prepared, date);
            expect(scores[i]).toEqual({
              visibility: visibilityAt(full).score,
              connectivity: connectivityAt(full).score,
            });
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('agrees with the full scoring on the edges: due exactly now, shared exactly a window ago', () => {
    const date = daysAgo(20);
    const window = settings.visibilityWindowDays;
    const people = [
      person('due-now', { roles: ['mentor'], cadenceDays: 7 }),
      person('due-later', { roles: ['ally'], cadenceDays: 8 }),
      person('edge-holder', { level: 'plus2', influence: 'high' }),
      person('inside-holder', { level: 'plus3', influence: 'medium' }),
      person('promoter', { roles: ['sponsor'] }),
    ];
    const touches = [
      touch('due-now', 'meeting', date - 7 * 86_400_000),
      touch('due-later', 'meeting', date - 7 * 86_400_000),
      touch('edge-holder', 'shared-work', date - window * 86_400_000),
      touch('inside-holder', 'shared-work', date - window * 86_400_000 + 1),
      touch('promoter', 'they-promoted-me', date - window * 86_400_000),
    ];
    const ties = [tie('promoter', 'edge-holder')];
    const prepared = prepare({ people, touches, notes: [], ties, followUps: [], settings });
    const { past } = snapshotAndTrend(prepared, NOW, [date]);
    const full = snapshot(prepared, date);
    expect(full.status.get('due-now')?.isDue).toBe(true);
    expect(past[0]).toEqual({
      visibility: visibilityAt(full).score,
      connectivity: connectivityAt(full).score,
    });
  });

  it('scores each past week as a snapshot at its end would', () => {
    const generated = generateDataset(
      { people: 1_500, touches: 15_000, notes: 0, followUps: 300 },
      NOW,
      11,
    );
    const data = { ...generated, notes: [], settings };
    const report = weeklyReport(data, NOW, { now: NOW });
    const prepared = prepare(data);
    const expected = report.trend.map((point, i) => {
      const next = report.trend[i + 1];
      const snap = snapshot(prepared, next ? next.weekStart - 1 : report.asOf);
      return {
        weekStart: point.weekStart,
        visibility: visibilityAt(snap).score,
        connectivity: connectivityAt(snap).score,
      };
    });
    expect(report.trend).toEqual(expected);
    const { score, parts, reason } = visibilityAt(snapshot(prepared, report.asOf));
    expect(report.visibility).toEqual({ score, parts, reason });
  });
});
