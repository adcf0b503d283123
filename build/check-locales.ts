/**
 * Every language complete and consistent with English before anything is built: the same
 * messages, every plural form its language needs (by `Intl.PluralRules`), the same placeholders,
 * and nothing Chrome's `_locales` format would misread. Run by the build (wxt.config.ts) and by
 * tests/unit/i18n/locales.test.ts; docs/translating.md says what each problem means.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A `_locales/<folder>/messages.json` file. */
export type MessagesFile = Record<string, { message: string; description?: string }>;

const PLURAL = /^(.*)_(zero|one|two|few|many|other)$/;
const EXACT = /^(.*)_(\d+)$/;
const PLACEHOLDER = /\{(\w+)\}/g;

/** The message files of `dir` (a `_locales` folder), by folder name. */
export function readLocales(dir: string): Record<string, MessagesFile> {
  return Object.fromEntries(
    readdirSync(dir).map((folder) => [
      folder,
      JSON.parse(readFileSync(join(dir, folder, 'messages.json'), 'utf8')) as MessagesFile,
    ]),
  );
}

function placeholders(message: string): Set<string> {
  return new Set([...message.matchAll(PLACEHOLDER)].map((match) => match[1]!));
}

/** The stem a key is asked for by: `people` for `people_one` or `people_2`, else the key. */
function stemOf(key: string, stems: ReadonlySet<string>): string {
  const plural = PLURAL.exec(key) ?? EXACT.exec(key);
  return plural && stems.has(plural[1]!) ? plural[1]! : key;
}

/** Counts the product shows stay below this (people, touches, days). */
const LARGEST_COUNT = 100_000;

/**
 * The plural forms a count up to LARGEST_COUNT takes in `locale`: Arabic's six, English's two,
 * and not the form French, Spanish and Portuguese keep for round millions (which may be given).
 */
export function categoriesInUse(locale: string): string[] {
  const rules = new Intl.PluralRules(locale);
  const found = new Set<string>();
  for (let count = 0; count <= LARGEST_COUNT; count++) found.add(rules.select(count));
  return rules.resolvedOptions().pluralCategories.filter((category) => found.has(category));
}

/** Every problem of every language, one line each; empty when all are complete. */
export function localeProblems(files: Record<string, MessagesFile>, reference = 'en'): string[] {
  const problems: string[] = [];
  const english = files[reference];
  if (!english) return [`No ${reference} messages.`];
  const stems = new Set(
    Object.keys(english).flatMap((key) => {
      const match = PLURAL.exec(key);
      return match?.[2] === 'other' ? [match[1]!] : [];
    }),
  );
  // What each message (or plural stem) takes in English: the union over its forms.
  const expected = new Map<string, Set<string>>();
  for (const [key, { message }] of Object.entries(english)) {
    const stem = stemOf(key, stems);
    const set = expected.get(stem) ?? new Set<string>();
    for (const name of placeholders(message)) set.add(name);
    expected.set(stem, set);
  }

  for (const [folder, messages] of Object.entries(files)) {
    const say = (text: string) => problems.push(`${folder}: ${text}`);
    const locale = messages.meta_locale?.message ?? '';
    let categories: string[] = [];
    let known: readonly string[] = [];
    try {
      if (locale.replace('-', '_') !== folder)
        say(`meta_locale "${locale}" does not name the folder`);
      categories = categoriesInUse(locale);
      known = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    } catch {
      say(`meta_locale "${locale}" is not a language tag`);
    }
    if (!['ltr', 'rtl'].includes(messages.meta_dir?.message ?? ''))
      say('meta_dir must be ltr or rtl');

    const lowerCase = new Map<string, string>();
    for (const [key, entry] of Object.entries(messages)) {
      if (!/^[A-Za-z0-9_]+$/.test(key)) say(`"${key}" has a character a message id cannot have`);
      const clash = lowerCase.get(key.toLowerCase());
      if (clash) say(`"${key}" and "${clash}" differ only in case, which the browser ignores`);
      lowerCase.set(key.toLowerCase(), key);
      const message = entry?.message;
      if (typeof message !== 'string' || !message.trim()) {
        say(`"${key}" has no message`);
        continue;
      }
      if (message.includes('$'))
        say(`"${key}" has a "$", which the browser reads as a substitution`);
      const stem = stemOf(key, stems);
      const wanted = expected.get(stem);
      if (!wanted) {
        say(`"${key}" is not an English message`);
        continue;
      }
      const found = placeholders(message);
      for (const name of found)
        if (!wanted.has(name)) say(`"${key}" has {${name}}, which English does not`);
      // A plural form may leave out its number ("one", "two" in Arabic say it in words).
      for (const name of wanted)
        if (!found.has(name) && !(stem !== key && name === 'count'))
          say(`"${key}" lacks {${name}}`);
    }

    for (const key of Object.keys(english)) {
      if (stemOf(key, stems) !== key) continue;
      if (!(key in messages)) say(`"${key}" is missing`);
    }
    for (const stem of stems) {
      for (const category of categories) {
        if (!(`${stem}_${category}` in messages)) say(`"${stem}_${category}" is missing`);
      }
      for (const key of Object.keys(messages)) {
        const match = PLURAL.exec(key);
        if (match?.[1] === stem && !known.includes(match[2]!))
          say(`"${key}" is a plural form ${locale} does not use`);
      }
    }
  }
  return problems;
}
