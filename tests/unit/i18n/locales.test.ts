/**
 * The message files: every language the extension ships is complete (the build runs the same
 * check and refuses an incomplete one), and the check names each kind of mistake a translator
 * can make.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  categoriesInUse,
  localeProblems,
  readLocales,
  type MessagesFile,
} from '@/build/check-locales';

const LOCALES = readLocales(join(import.meta.dirname, '../../../public/_locales'));

const english: MessagesFile = {
  meta_locale: { message: 'en' },
  meta_dir: { message: 'ltr' },
  greeting: { message: 'Hello {name}' },
  people_one: { message: '{count} person' },
  people_other: { message: '{count} people' },
};

/** A German file that is complete against `english`, changed by `patch`. */
function german(patch: Record<string, { message: string } | undefined> = {}): MessagesFile {
  const file: Record<string, { message: string } | undefined> = {
    meta_locale: { message: 'de' },
    meta_dir: { message: 'ltr' },
    greeting: { message: 'Hallo {name}' },
    people_one: { message: '{count} Person' },
    people_other: { message: '{count} Personen' },
    ...patch,
  };
  return Object.fromEntries(
    Object.entries(file).filter((entry): entry is [string, { message: string }] => !!entry[1]),
  );
}

describe('the shipped languages', () => {
  it('are English, German, French, Spanish, Brazilian Portuguese and Arabic', () => {
    expect(Object.keys(LOCALES).sort()).toEqual(['ar', 'de', 'en', 'es', 'fr', 'pt_BR']);
  });

  it('are complete, with every plural form their language uses', () => {
    expect(localeProblems(LOCALES)).toEqual([]);
  });

  it('say their own direction: Arabic right to left, the others left to right', () => {
    for (const [folder, file] of Object.entries(LOCALES))
      expect(file.meta_dir?.message, folder).toBe(folder === 'ar' ? 'rtl' : 'ltr');
  });
});

describe('the completeness check', () => {
  it('accepts a complete language', () => {
    expect(localeProblems({ en: english, de: german() })).toEqual([]);
  });

  it('names a missing message and a missing plural form', () => {
    expect(
      localeProblems({ en: english, de: german({ greeting: undefined, people_one: undefined }) }),
    ).toEqual(['de: "greeting" is missing', 'de: "people_one" is missing']);
  });

  it('asks Arabic for all six plural forms, and nobody for a form their language lacks', () => {
    const arabic: MessagesFile = {
      meta_locale: { message: 'ar' },
      meta_dir: { message: 'rtl' },
      greeting: { message: 'مرحبًا {name}' },
      people_one: { message: 'شخص واحد' },
      people_other: { message: '{count} شخص' },
    };
    expect(localeProblems({ en: english, ar: arabic }).sort()).toEqual([
      'ar: "people_few" is missing',
      'ar: "people_many" is missing',
      'ar: "people_two" is missing',
      'ar: "people_zero" is missing',
    ]);
    expect(
      localeProblems({ en: english, de: german({ people_few: { message: '{count} P' } }) }),
    ).toEqual(['de: "people_few" is a plural form de does not use']);
  });

  it('does not ask French for the form it keeps for round millions', () => {
    expect(new Intl.PluralRules('fr').resolvedOptions().pluralCategories).toContain('many');
    expect(categoriesInUse('fr')).toEqual(['one', 'other']);
    expect(categoriesInUse('ar')).toHaveLength(6);
  });

  it('names placeholders lost, added or misspelt', () => {
    expect(
      localeProblems({
        en: english,
        de: german({ greeting: { message: 'Hallo {nmae}' } }),
      }),
    ).toEqual(['de: "greeting" has {nmae}, which English does not', 'de: "greeting" lacks {name}']);
  });

  it('lets a plural form say its number in words, but no other message drop a value', () => {
    expect(
      localeProblems({ en: english, de: german({ people_one: { message: 'eine Person' } }) }),
    ).toEqual([]);
  });

  it('refuses what the browser would misread: "$", empty messages, unknown ids, bad tags', () => {
    expect(
      localeProblems({
        en: english,
        de: german({
          greeting: { message: 'Hallo $name$ {name}' },
          people_other: { message: ' ' },
          farewell: { message: 'Tschüss' },
          meta_locale: { message: 'de-AT' },
          meta_dir: { message: 'left' },
        }),
      }),
    ).toEqual([
      'de: meta_locale "de-AT" does not name the folder',
      'de: meta_dir must be ltr or rtl',
      'de: "greeting" has a "$", which the browser reads as a substitution',
      'de: "people_other" has no message',
      'de: "farewell" is not an English message',
    ]);
  });
});
