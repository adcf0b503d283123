import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { english } from '@/utils/i18n/english';

/** How long ago, in English words, as every surface says it. */
const daysAgo = (ms: number, now: number) => english.ago(ms, now);

const NOW = new Date(2026, 5, 15, 9, 30).getTime();
/** `days` local calendar days before NOW, at `hour`. */
const before = (days: number, hour = 12) => new Date(2026, 5, 15 - days, hour).getTime();

describe('daysAgo', () => {
  it('names days, then weeks, months and years', () => {
    expect(daysAgo(NOW, NOW)).toBe('today');
    expect(daysAgo(before(0, 0), NOW)).toBe('today');
    expect(daysAgo(before(1, 23), NOW)).toBe('yesterday');
    expect(daysAgo(before(2), NOW)).toBe('2 days ago');
    expect(daysAgo(before(13), NOW)).toBe('13 days ago');
    expect(daysAgo(before(14), NOW)).toBe('2 weeks ago');
    expect(daysAgo(before(59), NOW)).toBe('8 weeks ago');
    expect(daysAgo(before(60), NOW)).toBe('2 months ago');
    expect(daysAgo(before(729), NOW)).toBe('24 months ago');
    expect(daysAgo(before(730), NOW)).toBe('2 years ago');
    expect(daysAgo(before(-1), NOW)).toBe('tomorrow');
    expect(daysAgo(before(-3), NOW)).toBe('in 3 days');
    expect(daysAgo(before(-70), NOW)).toBe('in 2 months');
  });

  it('never says a longer time for a later date', () => {
    const UNITS = ['today', 'yesterday', 'day', 'week', 'month', 'year'];
    const rank = (text: string) => {
      const match = /^(\d+) (day|week|month|year)s? ago$/.exec(text);
      if (!match) return [UNITS.indexOf(text), 0] as const;
      return [UNITS.indexOf(match[2]!), Number(match[1])] as const;
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 0, max: 23 }),
        (a, b, hour) => {
          const [newer, older] = a <= b ? [a, b] : [b, a];
          const [u1, n1] = rank(daysAgo(before(newer, hour), NOW));
          const [u2, n2] = rank(daysAgo(before(older, hour), NOW));
          expect(u1).toBeGreaterThanOrEqual(0);
          expect(u1 < u2 || (u1 === u2 && n1 <= n2)).toBe(true);
        },
      ),
    );
  });
});
