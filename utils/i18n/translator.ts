/**
 * The one way every surface turns a message id into the user's language: the message (from the
 * browser's `_locales`, or from a file in tests), its `{name}` placeholders filled in, its plural
 * form picked by `Intl.PluralRules`, numbers, dates and lists formatted by `Intl` in the same
 * language as the words (docs/translating.md). Pure: the lookup is a parameter, so the insight
 * engine and the tests use it without a browser.
 */
import type { MessageKey, PluralKey } from './messages';

/** Values for a message's `{name}` placeholders; numbers are formatted in the UI language. */
export type MessageValues = Readonly<Record<string, string | number>>;

export interface Translator {
  /** The language of the words and of the formats: a BCP 47 tag such as `de`, `pt-BR`, `ar`. */
  readonly locale: string;
  /** The direction of the language: `rtl` for Arabic. */
  readonly dir: 'ltr' | 'rtl';
  /** The message `key` with its placeholders filled in. */
  t(key: MessageKey, values?: MessageValues): string;
  /** The form of the plural message `key` that `count` takes, with `{count}` filled in. */
  n(key: PluralKey, count: number, values?: MessageValues): string;
  /** A number as the language writes it (digits, separators). */
  number(value: number): string;
  /** A whole percentage, 0 to 100, as the language writes it ("42 %" in German). */
  percent(value: number): string;
  /** A day, such as "12 Mar 2025". */
  day(ms: number): string;
  /** How long ago `ms` was as of `now`: "today", "yesterday", "12 days ago", "in 2 days". */
  ago(ms: number, now: number): string;
  /** "Ana, Ben and Cy" in the language's own way. */
  list(items: readonly string[]): string;
  /** The name of a day of the week, 0 for Sunday as `Date.getDay()` counts. */
  weekday(index: number): string;
}

/** What the translator reads: a message by id (undefined when there is none). */
export type MessageLookup = (key: string) => string | undefined;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Calendar days from the local day of `from` to that of `to` (a DST day counts as one). */
function calendarDays(from: number, to: number): number {
  const midnight = (ms: number) => {
    const d = new Date(ms);
    return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  };
  return Math.round((midnight(to) - midnight(from)) / DAY_MS);
}

/**
 * How long ago `ms` was, in the unit a person would use: days up to two weeks, weeks up to two
 * months, months up to two years, then years ("yesterday" and "tomorrow" by name).
 */
export function relativeDays(format: Intl.RelativeTimeFormat, ms: number, now: number): string {
  const days = calendarDays(ms, now);
  const count = Math.abs(days);
  const sign = days > 0 ? -1 : 1;
  if (count < 14) return format.format(sign * count, 'day');
  if (count < 60) return format.format(sign * Math.round(count / 7), 'week');
  if (count < 730) return format.format(sign * Math.round(count / 30.4375), 'month');
  return format.format(sign * Math.round(count / 365.25), 'year');
}

/**
 * A translator over `lookup`. `uiLanguage` is the browser's own language tag: its regional
 * formats are kept when it is a variant of the language the messages are in (en-GB for English),
 * otherwise the messages' language formats too, so that words and dates never disagree.
 * Formatters are made on first use: making one loads the locale's data, which no page should pay
 * at load.
 */
export function createTranslator(lookup: MessageLookup, uiLanguage?: () => string): Translator {
  let resolved: { locale: string; dir: 'ltr' | 'rtl' } | undefined;
  const meta = () => {
    if (resolved) return resolved;
    const language = lookup('meta_locale') || 'en';
    const browserTag = uiLanguage?.().replace('_', '-');
    const sameLanguage =
      browserTag !== undefined &&
      browserTag.split('-')[0]?.toLowerCase() === language.split('-')[0]?.toLowerCase() &&
      // A regional tag of the same language (en-GB) formats better than the bare language,
      // but not a different region's variant of a regional translation (pt-PT for pt-BR).
      (!language.includes('-') || browserTag.toLowerCase() === language.toLowerCase());
    const locale = sameLanguage ? browserTag : language;
    resolved = { locale, dir: lookup('meta_dir') === 'rtl' ? 'rtl' : 'ltr' };
    return resolved;
  };
  let plurals: Intl.PluralRules | undefined;
  let numbers: Intl.NumberFormat | undefined;
  let percents: Intl.NumberFormat | undefined;
  let days: Intl.DateTimeFormat | undefined;
  let relative: Intl.RelativeTimeFormat | undefined;
  let lists: Intl.ListFormat | undefined;
  let weekdays: Intl.DateTimeFormat | undefined;
  // The weekly report writes thousands of sentences at 10,000 people, nearly all with the same
  // few small counts: each is formatted once. Bounded, as any number may come.
  const formatted = new Map<number, string>();
  const number = (value: number) => {
    let text = formatted.get(value);
    if (text === undefined) {
      text = (numbers ??= new Intl.NumberFormat(meta().locale)).format(value);
      if (formatted.size < 1000) formatted.set(value, text);
    }
    return text;
  };
  // In a right-to-left language a value (a name, a note, a file) is set apart as its own run of
  // text (Unicode's first-strong isolate), so that "Sam Okafor" or "notes.csv" cannot reorder the
  // Arabic around it; numbers are already in the language's own form.
  const isolate = (text: string) => (meta().dir === 'rtl' ? `\u2068${text}\u2069` : text);
  // Each message split once at its placeholders: text, name, text, name, …, text.
  const templates = new Map<string, string[]>();
  const fill = (message: string, values?: MessageValues) => {
    if (!values) return message;
    let parts = templates.get(message);
    if (!parts) templates.set(message, (parts = message.split(/\{(\w+)\}/)));
    let out = parts[0]!;
    for (let i = 1; i < parts.length; i += 2) {
      const value = values[parts[i]!];
      out +=
        value === undefined
          ? `{${parts[i]}}`
          : typeof value === 'number'
            ? number(value)
            : isolate(value);
      out += parts[i + 1]!;
    }
    return out;
  };
  const translator: Translator = {
    get locale() {
      return meta().locale;
    },
    get dir() {
      return meta().dir;
    },
    // A missing message shows its id rather than nothing: the completeness test keeps them out.
    t: (key, values) => fill(lookup(key) ?? key, values),
    n: (key, count, values) => {
      plurals ??= new Intl.PluralRules(meta().locale);
      // An exact form first ("twice" for 2 in English), then the language's plural category.
      const message =
        lookup(`${key}_${count}`) ??
        lookup(`${key}_${plurals.select(count)}`) ??
        lookup(`${key}_other`) ??
        key;
      return fill(message, { count, ...values });
    },
    number,
    percent: (value) =>
      (percents ??= new Intl.NumberFormat(meta().locale, { style: 'percent' })).format(value / 100),
    day: (ms) =>
      (days ??= new Intl.DateTimeFormat(meta().locale, {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
      })).format(ms),
    ago: (ms, now) =>
      relativeDays(
        (relative ??= new Intl.RelativeTimeFormat(meta().locale, { numeric: 'auto' })),
        ms,
        now,
      ),
    list: (items) =>
      (lists ??= new Intl.ListFormat(meta().locale, { type: 'conjunction' })).format(items),
    // 1 January 2023 was a Sunday.
    weekday: (index) =>
      (weekdays ??= new Intl.DateTimeFormat(meta().locale, { weekday: 'long' })).format(
        new Date(2023, 0, 1 + index, 12),
      ),
  };
  return translator;
}
