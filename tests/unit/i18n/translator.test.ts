/**
 * The translator every surface speaks through: plural forms by `Intl.PluralRules` (Arabic's six),
 * exact forms, placeholders, numbers and dates in the language of the words, and every message
 * of every shipped language filling without a placeholder left over.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readLocales } from '@/build/check-locales';
import { createTranslator, relativeDays, type Translator } from '@/utils/i18n/translator';
import type { MessageKey, PluralKey } from '@/utils/i18n';

const LOCALES = readLocales(join(import.meta.dirname, '../../../public/_locales'));

/** The translator the browser would give a user whose browser speaks `browserLanguage`. */
function translatorFor(folder: string, browserLanguage = folder.replace('_', '-')): Translator {
  const file = LOCALES[folder]!;
  return createTranslator(
    (key) => file[key]?.message,
    () => browserLanguage,
  );
}

const DAY = 24 * 60 * 60 * 1000;
const NOON = new Date(2025, 2, 12, 12).getTime();

describe('plural forms', () => {
  it('English: one and other, and an exact form where the language has a word for it', () => {
    const en = translatorFor('en');
    expect(en.n('count_people', 1)).toBe('1 person');
    expect(en.n('count_people', 0)).toBe('0 people');
    expect(en.n('count_people', 1234)).toBe('1,234 people');
    expect(en.n('insight_times', 1)).toBe('once');
    expect(en.n('insight_times', 2)).toBe('twice');
    expect(en.n('insight_times', 3)).toBe('3 times');
  });

  it('Arabic: zero, one, two, few, many and other, in Arabic number formatting', () => {
    const ar = translatorFor('ar');
    expect(ar.dir).toBe('rtl');
    expect(ar.n('count_people', 0)).toBe('لا أحد');
    expect(ar.n('count_people', 1)).toBe('شخص واحد');
    expect(ar.n('count_people', 2)).toBe('شخصان');
    // CLDR's Arabic digits differ between versions of ICU: the test asks ICU for them.
    const digits = new Intl.NumberFormat('ar');
    expect(ar.n('count_people', 5)).toBe(`${digits.format(5)} أشخاص`);
    expect(ar.n('count_people', 11)).toBe(`${digits.format(11)} شخصًا`);
    expect(ar.n('count_people', 100)).toBe(`${digits.format(100)} شخص`);
  });

  it('German: the number formatted as Germans write it', () => {
    const de = translatorFor('de');
    expect(de.n('count_people', 1)).toBe('1 Person');
    expect(de.n('count_people', 12345)).toBe('12.345 Personen');
    expect(de.percent(42)).toBe('42\u00a0%');
  });
});

describe('placeholders and missing messages', () => {
  it('fills named values, numbers in the language, and leaves an unknown name as it is', () => {
    const lookup = (key: string) =>
      ({ meta_locale: 'de', greeting: 'Hallo {name}, {count} neu, {other}' })[key];
    const t = createTranslator(lookup);
    expect(t.t('greeting' as MessageKey, { name: 'Ana', count: 1500 })).toBe(
      'Hallo Ana, 1.500 neu, {other}',
    );
  });

  it('fills any message as a plain replacement would, again and again (each is split once)', () => {
    const word = fc.stringMatching(/^\w{1,6}$/);
    const part = fc.oneof(
      fc.string({ maxLength: 8 }),
      word.map((name) => `{${name}}`),
    );
    fc.assert(
      fc.property(
        fc.array(part, { maxLength: 8 }).map((parts) => parts.join('')),
        fc.dictionary(
          word,
          fc.oneof(fc.string({ maxLength: 6 }), fc.integer({ min: -5000, max: 5000 })),
        ),
        (message, values) => {
          const t = createTranslator((key) => (key === 'm' ? message : undefined));
          const numbers = new Intl.NumberFormat('en');
          const expected = message.replace(/\{(\w+)\}/g, (whole, name: string) => {
            const value = values[name];
            if (value === undefined) return whole;
            return typeof value === 'number' ? numbers.format(value) : value;
          });
          for (let i = 0; i < 2; i++) expect(t.t('m' as MessageKey, values)).toBe(expected);
        },
      ),
    );
  });

  it('formats every number right past the ones it keeps', () => {
    const t = createTranslator(() => 'en');
    for (let value = 0; value < 1500; value++)
      expect(t.number(value)).toBe(value.toLocaleString('en'));
    expect(t.number(1234.5)).toBe('1,234.5');
    expect(t.number(7)).toBe('7');
  });

  it('sets a value apart from the words around it in a right-to-left language only', () => {
    expect(translatorFor('ar').t('panel_backTo', { name: 'Sam Okafor' })).toBe(
      'العودة إلى \u2068Sam Okafor\u2069',
    );
    expect(translatorFor('en').t('panel_backTo', { name: 'Sam Okafor' })).toBe(
      'Back to Sam Okafor',
    );
  });

  it('shows the id of a message it does not have rather than nothing', () => {
    const t = createTranslator(() => undefined);
    expect(t.t('report_title')).toBe('report_title');
    expect(t.n('count_people', 2)).toBe('count_people');
    expect(t.locale).toBe('en');
  });
});

describe('the language of formats', () => {
  it("keeps the browser's region when it speaks the messages' language", () => {
    expect(translatorFor('en', 'en-GB').locale).toBe('en-GB');
    expect(translatorFor('en', 'en-GB').day(NOON)).toBe('12 Mar 2025');
    expect(translatorFor('en', 'en-US').day(NOON)).toBe('Mar 12, 2025');
  });

  it('formats in the language of the words when the browser speaks another', () => {
    // A Czech browser gets English words (no Czech file): its dates are English too.
    expect(translatorFor('en', 'cs').locale).toBe('en');
    // Brazilian words stay Brazilian for a Portuguese browser.
    expect(translatorFor('pt_BR', 'pt-PT').locale).toBe('pt-BR');
    // Chromium reports en-US with --lang=de when it has no German interface of its own.
    expect(translatorFor('de', 'en-US').locale).toBe('de');
    expect(translatorFor('de', 'en-US').day(NOON)).toBe('12. März 2025');
  });

  it('says how long ago in days, weeks, months, then years, with yesterday by name', () => {
    const en = translatorFor('en');
    expect(en.ago(NOON, NOON)).toBe('today');
    expect(en.ago(NOON - DAY, NOON)).toBe('yesterday');
    expect(en.ago(NOON - 5 * DAY, NOON)).toBe('5 days ago');
    expect(en.ago(NOON - 21 * DAY, NOON)).toBe('3 weeks ago');
    expect(en.ago(NOON + 2 * DAY, NOON)).toBe('in 2 days');
    expect(translatorFor('de').ago(NOON - DAY, NOON)).toBe('gestern');
    expect(translatorFor('ar').ago(NOON - 3 * DAY, NOON)).toMatch(/^قبل (3|٣) أيام$/);
  });

  it('never says a longer unit for a nearer day (any gap up to 30 years)', () => {
    const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
    const rank = (text: string) =>
      ['day', 'week', 'month', 'year'].findIndex((unit) => text.includes(unit));
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 11_000 }), fc.integer({ min: 1, max: 60 }), (d, e) => {
        const near = relativeDays(format, NOON - d * DAY, NOON);
        const far = relativeDays(format, NOON - (d + e) * DAY, NOON);
        expect(rank(near)).toBeLessThanOrEqual(rank(far));
      }),
    );
  });

  it('lists and weekdays in the language', () => {
    expect(translatorFor('de').list(['Ana', 'Ben', 'Cy'])).toBe('Ana, Ben und Cy');
    expect(translatorFor('en').weekday(1)).toBe('Monday');
    expect(translatorFor('fr').weekday(0)).toBe('dimanche');
  });
});

describe('every shipped message', () => {
  const english = LOCALES.en!;
  const keys = Object.keys(english).filter((key) => !key.startsWith('meta_'));
  const stems = new Set(
    keys.filter((key) => key.endsWith('_other')).map((key) => key.slice(0, -'_other'.length)),
  );
  const values = {
    name: 'Ana',
    count: 3,
    when: 'x',
    date: 'x',
    detail: 'x',
    file: 'f',
    role: 'r',
    who: 'w',
  };

  for (const folder of Object.keys(LOCALES)) {
    it(`${folder}: fills without a placeholder left, for any count`, () => {
      const t = translatorFor(folder);
      const filled = (message: string) => {
        const names = [...(english[message]?.message.matchAll(/\{(\w+)\}/g) ?? [])].map(
          (m) => m[1]!,
        );
        return Object.fromEntries(
          names.map((name) => [name, (values as Record<string, string | number>)[name] ?? name]),
        );
      };
      for (const key of keys) {
        const stem = key.replace(/_(zero|one|two|few|many|other|\d+)$/, '');
        if (stems.has(stem)) continue;
        expect(t.t(key as MessageKey, filled(key)), key).not.toMatch(/[{}]/);
      }
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 100_000 }), (count) => {
          for (const stem of stems) {
            const text = t.n(stem as PluralKey, count, filled(`${stem}_other`));
            expect(text, `${stem} ${count}`).not.toMatch(/[{}]|_other|_one/);
          }
        }),
        { numRuns: 60 },
      );
    });
  }
});
