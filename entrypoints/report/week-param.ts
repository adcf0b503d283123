/**
 * The week in the page's address (`?week=YYYY-MM-DD`, any day of it), so that a past week can be
 * linked to, bookmarked and reloaded. Bad or future dates fall back to this week with a notice.
 */
import { formatLocalDate, weekStartOf } from '@/utils/insights/weeks';
import { fromDateInput } from '@/utils/format';
import { ui } from '@/utils/i18n';

/** The week to show, and why it is not the one asked for when it is not. */
export interface WeekChoice {
  weekOf: number;
  notice: string | null;
}

/** Reads the week from a query string; `now` picks this week when none (or a bad one) is named. */
export function weekFromSearch(search: string, now: number, weekStart: number): WeekChoice {
  const value = new URLSearchParams(search).get('week');
  if (value === null || value === '') return { weekOf: now, notice: null };
  const date = fromDateInput(value);
  if (Number.isNaN(date)) {
    return { weekOf: now, notice: ui.t('week_notADate', { value }) };
  }
  if (weekStartOf(date, weekStart) > weekStartOf(now, weekStart)) {
    return { weekOf: now, notice: ui.t('week_future', { value }) };
  }
  return { weekOf: date, notice: null };
}

/** The query string naming a week: empty for this week, so the plain page always shows the latest. */
export function searchForWeek(weekOf: number, now: number, weekStart: number): string {
  const start = weekStartOf(weekOf, weekStart);
  return start === weekStartOf(now, weekStart) ? '' : `?week=${formatLocalDate(start)}`;
}
