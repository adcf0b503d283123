/**
 * Calendar weeks in the user's local time. Weeks are built from local calendar fields
 * (year, month, day) rather than by adding 7 × 24 h, because a week that crosses a daylight
 * saving change is 167 or 169 hours long.
 */

/** Local midnight that starts the week holding `date`; `weekStart` is 0 = Sunday … 6 = Saturday. */
export function weekStartOf(date: number, weekStart: number): number {
  const day = new Date(date);
  const startDay = ((Math.trunc(weekStart) % 7) + 7) % 7;
  const back = (day.getDay() - startDay + 7) % 7;
  // The Date constructor normalises day overflow and picks the local midnight of that date
  // (or the first instant of the day where midnight itself is skipped by a DST change).
  return new Date(day.getFullYear(), day.getMonth(), day.getDate() - back).getTime();
}

/** The start of the week `count` weeks after (or before, when negative) the week starting at `start`. */
export function addWeeks(start: number, count: number, weekStart: number): number {
  const day = new Date(start);
  const moved = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 7 * count).getTime();
  return weekStartOf(moved, weekStart);
}

/** A local date as YYYY-MM-DD, for reports people read. */
export function formatLocalDate(date: number): string {
  const day = new Date(date);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}
