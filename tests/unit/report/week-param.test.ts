import { describe, expect, it } from 'vitest';
import { searchForWeek, weekFromSearch } from '@/entrypoints/report/week-param';
import { weekStartOf } from '@/utils/insights';

// Wednesday 12 March 2025, noon local; weeks start on Monday.
const NOW = new Date(2025, 2, 12, 12).getTime();
const MONDAY = 1;

describe('the week in the address', () => {
  it('is this week when none is named', () => {
    expect(weekFromSearch('', NOW, MONDAY)).toEqual({ weekOf: NOW, notice: null });
    expect(searchForWeek(NOW, NOW, MONDAY)).toBe('');
  });

  it('round-trips a past week as the date of its first day', () => {
    const search = searchForWeek(new Date(2025, 1, 20).getTime(), NOW, MONDAY);
    expect(search).toBe('?week=2025-02-17');
    const { weekOf, notice } = weekFromSearch(search, NOW, MONDAY);
    expect(notice).toBeNull();
    expect(weekStartOf(weekOf, MONDAY)).toBe(new Date(2025, 1, 17).getTime());
  });

  it('falls back to this week, saying why, for a bad or future date', () => {
    expect(weekFromSearch('?week=2025-02-30', NOW, MONDAY)).toEqual({
      weekOf: NOW,
      notice: '"2025-02-30" is not a date (YYYY-MM-DD): showing this week.',
    });
    expect(weekFromSearch('?week=<script>', NOW, MONDAY).weekOf).toBe(NOW);
    expect(weekFromSearch('?week=2025-03-17', NOW, MONDAY).notice).toBe(
      'The week of 2025-03-17 has not started yet: showing this week.',
    );
    // Later this week is still this week.
    expect(weekFromSearch('?week=2025-03-16', NOW, MONDAY).notice).toBeNull();
  });
});
