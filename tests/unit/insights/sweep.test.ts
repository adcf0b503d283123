// The weekly report sweeps its 13 dates in one pass (buildStatusIndexes); these tests hold it
// to the per-date index it replaced, on random and on generated bench-sized data.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildStatusIndex, weeklyReport } from '@/utils/insights';
import { buildStatusIndexes } from '@/utils/insights/people';
import { prepare, snapshot } from '@/utils/insights/context';
import { connectivityAt, visibilityAt } from '@/utils/insights/scores';
import { DEFAULT_SETTINGS, TOUCH_KINDS, type Settings } from '@/utils/model';
import { generateDataset } from '../../support/dataset';
import { daysAgo, followUp, NOW, person, touch } from './fixtures';

const settings: Settings = {
  ...DEFAULT_SETTINGS,
  cadenceByRole: { ...DEFAULT_SETTINGS.cadenceByRole },
};

describe('buildStatusIndexes', () => {
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
          const swept = buildStatusIndexes(people, touches, items, settings, dates);
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
    const swept = buildStatusIndexes(data.people, data.touches, data.followUps, settings, dates);
    dates.forEach((asOf, i) => {
      const one = buildStatusIndex(data.people, data.touches, data.followUps, settings, asOf);
      expect([...swept[i]!.entries()]).toEqual([...one.entries()]);
    });
  });
});

describe('weeklyReport trend', () => {
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
