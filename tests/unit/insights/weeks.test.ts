import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { addWeeks, formatLocalDate, weekStartOf } from '@/utils/insights';

// Zones with DST at midnight (Santiago, old São Paulo), at 02:00 (New York), half-hour shifts
// (Lord Howe), none (Kolkata, UTC). Node re-reads process.env.TZ when it is assigned.
const ZONES = [
  'UTC',
  'America/New_York',
  'Europe/Berlin',
  'America/Santiago',
  'America/Sao_Paulo',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
];
const originalTz = process.env.TZ;
afterAll(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

const dates = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) });
const weekDays = fc.integer({ min: 0, max: 6 });

describe.each(ZONES)('weekStartOf in %s', (zone) => {
  it('starts on the chosen weekday, at the first instant of that local date, within a week before', () => {
    process.env.TZ = zone;
    fc.assert(
      fc.property(dates, weekDays, (date, weekStart) => {
        const start = weekStartOf(date, weekStart);
        const startDate = new Date(start);
        expect(startDate.getDay()).toBe(weekStart);
        expect(start).toBeLessThanOrEqual(date);
        // The start is the earliest instant of its local date: one millisecond earlier is the day before.
        expect(new Date(start - 1).getDate()).not.toBe(startDate.getDate());
        // At most 7 local days before, allowing an hour of DST.
        expect(date - start).toBeLessThan(7 * 86_400_000 + 3_600_000);
        expect(weekStartOf(start, weekStart)).toBe(start);
      }),
      { numRuns: 500 },
    );
  });

  it('steps week by week with no gap and no overlap', () => {
    process.env.TZ = zone;
    fc.assert(
      fc.property(dates, weekDays, (date, weekStart) => {
        const start = weekStartOf(date, weekStart);
        const next = addWeeks(start, 1, weekStart);
        expect(weekStartOf(next - 1, weekStart)).toBe(start);
        expect(weekStartOf(next, weekStart)).toBe(next);
        expect(addWeeks(next, -1, weekStart)).toBe(start);
        // 7 calendar days apart, however long the week is in hours.
        const a = new Date(start);
        const b = new Date(next);
        expect(
          Date.UTC(b.getFullYear(), b.getMonth(), b.getDate()) -
            Date.UTC(a.getFullYear(), a.getMonth(), a.getDate()),
        ).toBe(7 * 86_400_000);
      }),
      { numRuns: 500 },
    );
  });
});

describe('weekStartOf around a DST change', () => {
  it('gives a 167-hour week when the clocks go forward (New York, 2024-03-10)', () => {
    process.env.TZ = 'America/New_York';
    const start = weekStartOf(new Date(2024, 2, 12, 9).getTime(), 0);
    expect(formatLocalDate(start)).toBe('2024-03-10');
    expect(new Date(start).getHours()).toBe(0);
    expect((addWeeks(start, 1, 0) - start) / 3_600_000).toBe(167);
  });

  it('counts a Monday week that ends on the change day', () => {
    process.env.TZ = 'Europe/Berlin';
    // Sunday 2024-10-27 03:00 becomes 02:00; Monday weeks end that night.
    const start = weekStartOf(new Date(2024, 9, 27, 23).getTime(), 1);
    expect(formatLocalDate(start)).toBe('2024-10-21');
    expect((addWeeks(start, 1, 1) - start) / 3_600_000).toBe(169);
  });

  it('treats an out-of-range weekday modulo 7', () => {
    process.env.TZ = 'UTC';
    const date = Date.UTC(2025, 2, 12);
    expect(weekStartOf(date, 8)).toBe(weekStartOf(date, 1));
    expect(weekStartOf(date, -1)).toBe(weekStartOf(date, 6));
  });
});
