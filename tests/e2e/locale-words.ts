/**
 * The shipped languages' words, for the end-to-end tests that run the extension in another
 * language (languages.e2e.ts in Chromium, both/languages.e2e.ts in both browsers): a message as
 * the file has it, the translator the browser would use, and the English sentences that must not
 * be left on a page that speaks another language.
 */
import { join } from 'node:path';
import { ROOT } from './harness';
import { readLocales } from '@/build/check-locales';
import { createTranslator } from '@/utils/i18n/translator';

const LOCALES = readLocales(join(ROOT, 'public/_locales'));
const ENGLISH = LOCALES.en!;

/** The message `key` of `folder`'s file, its placeholders left as they are. */
export function message(folder: string, key: string): string {
  const text = LOCALES[folder]?.[key]?.message;
  if (text === undefined) throw new Error(`No message ${key} in ${folder}`);
  return text;
}

/**
 * The English interface's own words: each message's text between its placeholders, where it is
 * long enough to be a sentence of ours (not a name like "Alliance Map") and the other language
 * does not use it too. None may show on a page that speaks `folder`.
 */
export function englishSentences(folder: string): string[] {
  const other = Object.values(LOCALES[folder]!)
    .map((entry) => entry.message)
    .join('\n');
  return Object.entries(ENGLISH)
    .filter(([key]) => !key.startsWith('meta_'))
    .flatMap(([, { message: text }]) => text.split(/\{\w+\}/))
    .map((part) => part.trim())
    .filter((part) => part.length >= 12 && !other.includes(part));
}

/** The English sentences of ours found in `text`, shown in `folder`'s language. */
export function englishIn(text: string, folder: string): string[] {
  return englishSentences(folder).filter((sentence) => text.includes(sentence));
}

/** What the extension says in `folder`'s language, as the browser would pick it. */
export function translator(folder: string) {
  return createTranslator((key) => LOCALES[folder]?.[key]?.message);
}

/** The languages the end-to-end tests run in: one left to right, one right to left. */
export const TEST_LANGUAGES = [
  { folder: 'de', lang: 'de', dir: 'ltr' },
  { folder: 'ar', lang: 'ar', dir: 'rtl' },
] as const;
