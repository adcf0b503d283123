import { DAY_MS } from '@/utils/model';

let dayFormat: Intl.DateTimeFormat | undefined;
let nameOrder: Intl.Collator | undefined;

/** Names in the user's alphabetical order, case and accents aside (collator made on first use). */
export function compareNames(a: string, b: string): number {
  nameOrder ??= new Intl.Collator(undefined, { sensitivity: 'base' });
  return nameOrder.compare(a, b);
}

/**
 * Dates as a person reads them, in their own locale. The formatter is made on first use: making
 * one loads the locale's data (20–35 ms on a small machine), which no page should pay at load.
 */
export function formatDay(ms: number): string {
  dayFormat ??= new Intl.DateTimeFormat(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  return dayFormat.format(ms);
}

/** Calendar days from the local day of `from` to that of `to` (a DST day counts as one). */
function calendarDays(from: number, to: number): number {
  const midnight = (ms: number) => {
    const d = new Date(ms);
    return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  };
  return Math.round((midnight(to) - midnight(from)) / DAY_MS);
}

/**
 * How long ago `ms` was, as of `now`, in words ("today", "yesterday", "12 days ago", "3 weeks
 * ago", "5 months ago", "2 years ago"; "in 2 days" ahead). No locale data, so that the badge on
 * LinkedIn can say it without loading any (see `formatDay`).
 */
export function daysAgo(ms: number, now: number): string {
  const days = calendarDays(ms, now);
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days === -1) return 'tomorrow';
  const count = Math.abs(days);
  const [amount, unit] =
    count < 14
      ? [count, 'day']
      : count < 60
        ? [Math.round(count / 7), 'week']
        : count < 730
          ? [Math.round(count / 30.4375), 'month']
          : [Math.round(count / 365.25), 'year'];
  const span = plural(amount, unit);
  return days > 0 ? `${span} ago` : `in ${span}`;
}

/** `YYYY-MM-DD` in local time, for `<input type="date">`. */
export function toDateInput(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Local noon of a `YYYY-MM-DD` date input (noon survives DST shifts); NaN when invalid. */
export function fromDateInput(value: string): number {
  const match = /^(\d{4,5})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return Number.NaN;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(y, m - 1, d, 12);
  return date.getMonth() === m - 1 ? date.getTime() : Number.NaN;
}

/** "3 notes", "1 note". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
