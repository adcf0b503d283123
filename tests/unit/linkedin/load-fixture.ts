/** Parses a saved LinkedIn page from tests/fixtures/linkedin/ as it is served on `url`. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'linkedin');
const cache = new Map<string, Document>();

/** The page as a jsdom Document whose location is `url`; parsed once per test file. */
export function loadFixture(name: string, url: string): Document {
  const id = `${name}@${url}`;
  const cached = cache.get(id);
  if (cached) return cached;
  const doc = new JSDOM(readFileSync(join(FIXTURES, name), 'utf8'), { url }).window.document;
  cache.set(id, doc);
  return doc;
}

/** The raw text of a fixture, for tests that derive a page from it. */
export function readFixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}
