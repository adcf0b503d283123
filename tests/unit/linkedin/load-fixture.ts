/** Parses a saved LinkedIn page from tests/fixtures/linkedin/ as it is served on `url`. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { localizePage, type PageLanguage } from '../../fixtures/linkedin/localize';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'linkedin');
const cache = new Map<string, Document>();

/** The languages every saved page is tested in: as saved, and as LinkedIn shows it in each. */
export const LANGUAGES = ['en', 'de', 'ar'] as const satisfies ReadonlyArray<'en' | PageLanguage>;
export type Language = (typeof LANGUAGES)[number];

/**
 * The page as a jsdom Document whose location is `url`, in `language` (tests/fixtures/linkedin/
 * localize.ts derives the German and Arabic pages); parsed once per test file.
 */
export function loadFixture(name: string, url: string, language: Language = 'en'): Document {
  const id = `${name}@${url}@${language}`;
  const cached = cache.get(id);
  if (cached) return cached;
  const doc = new JSDOM(readFixture(name, language), { url }).window.document;
  cache.set(id, doc);
  return doc;
}

/** The raw text of a fixture, for tests that derive a page from it. */
export function readFixture(name: string, language: Language = 'en'): string {
  const html = readFileSync(join(FIXTURES, name), 'utf8');
  return language === 'en' ? html : localizePage(html, language);
}
