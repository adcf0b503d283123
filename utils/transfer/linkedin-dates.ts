/**
 * Dates as LinkedIn's data exports have written them over the years, to epoch milliseconds.
 * Day-only and zone-less dates are read in the user's local time (they were written for the
 * user's calendar); dates marked UTC are read as UTC.
 */
import { LIMITS } from '@/utils/model';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** `03 Apr 2024` (current Connections.csv). */
const DAY_MONTH_YEAR = /^(\d{1,2}) ([a-z]{3,9})\.? (\d{4})$/i;
/** `1/8/18, 6:14 PM` (older Connections.csv), `01/22/2024`, US month first. */
const US_DATE =
  /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?)?$/i;
/** `2024-04-03 14:22:10 UTC` (messages.csv) and ISO dates. */
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(utc|z|gmt)?$/i;

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  utc: boolean;
}

function toEpoch(parts: Parts): number | null {
  const { year, month, day, hour, minute, second, utc } = parts;
  if (month < 0 || month > 11 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) {
    return null;
  }
  const date = utc
    ? new Date(Date.UTC(year, month, day, hour, minute, second))
    : new Date(year, month, day, hour, minute, second);
  // 31 Feb rolls over into March: reject instead of guessing.
  const dayOfMonth = utc ? date.getUTCDate() : date.getDate();
  if (dayOfMonth !== day) return null;
  const time = date.getTime();
  return time >= LIMITS.minDate && time <= LIMITS.maxDate ? time : null;
}

function hour12(hour: number, meridiem: string | undefined): number {
  if (!meridiem) return hour;
  const pm = meridiem.toLowerCase().startsWith('p');
  return (hour % 12) + (pm ? 12 : 0);
}

/** Epoch ms of a date in any format LinkedIn exports have used, or null when it is not one. */
export function parseLinkedInDate(raw: string): number | null {
  const text = raw.trim().replace(/\s+/g, ' ');
  const none = { hour: 0, minute: 0, second: 0, utc: false };

  const named = DAY_MONTH_YEAR.exec(text);
  if (named) {
    const month = MONTHS.indexOf(named[2]!.slice(0, 3).toLowerCase());
    if (month === -1) return null;
    return toEpoch({ ...none, year: Number(named[3]), month, day: Number(named[1]) });
  }

  const us = US_DATE.exec(text);
  if (us) {
    const shortYear = us[3]!.length === 2;
    const hour = hour12(Number(us[4] ?? 0), us[7]);
    if (us[7] && Number(us[4]) > 12) return null;
    return toEpoch({
      year: Number(us[3]) + (shortYear ? 2000 : 0),
      month: Number(us[1]) - 1,
      day: Number(us[2]),
      hour,
      minute: Number(us[5] ?? 0),
      second: Number(us[6] ?? 0),
      utc: false,
    });
  }

  const iso = ISO_DATE.exec(text);
  if (iso) {
    return toEpoch({
      year: Number(iso[1]),
      month: Number(iso[2]) - 1,
      day: Number(iso[3]),
      hour: Number(iso[4] ?? 0),
      minute: Number(iso[5] ?? 0),
      second: Number(iso[6] ?? 0),
      utc: iso[7] !== undefined,
    });
  }
  return null;
}

/**
 * `parseLinkedInDate` for one file that repeats its dates (a Connections.csv holds many
 * connections a day): each distinct text is read once, a local date costing a time-zone lookup.
 */
export function linkedInDateReader(): (raw: string) => number | null {
  const read = new Map<string, number | null>();
  return (raw) => {
    let at = read.get(raw);
    if (at === undefined) {
      at = parseLinkedInDate(raw);
      read.set(raw, at);
    }
    return at;
  };
}
