/**
 * The German and Arabic pages derived from the saved ones (tests/fixtures/linkedin/localize.ts):
 * LinkedIn's labels translated, the markup left alone, the language and direction set. The
 * identity and chip tests run on them; this checks that they are what they claim to be.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { untranslatedLabels } from '../../fixtures/linkedin/localize';
import { readFixture } from './load-fixture';

const PAGES = [
  'profile-2024-04-public-logged-out.html',
  'profile-2024-07-logged-in.html',
  'profile-2024-08-logged-in-sparse.html',
  'profile-2025-hashed-h1.html',
  'profile-2026-server-driven.html',
  'feed-2026-server-driven.html',
  'feed-2025-ember.html',
  'list-2024-07-member-rails.html',
  'list-2026-server-driven-rails.html',
  'connections-2026-server-driven-it.html',
];

const LABEL_ATTRIBUTES = new Set(['aria-label', 'alt', 'title', 'placeholder', 'aria-placeholder']);

/** Every element with its attributes, labels and the page's language and direction aside. */
function skeleton(html: string): string[] {
  const doc = new JSDOM(html).window.document;
  return [...doc.querySelectorAll('*')].map((element) => {
    const root = element === doc.documentElement || element === doc.body;
    const attributes = [...element.attributes]
      .filter(
        (a) => !LABEL_ATTRIBUTES.has(a.name) && !(root && (a.name === 'lang' || a.name === 'dir')),
      )
      .map((a) => `${a.name}=${a.value}`);
    return `${element.tagName} ${attributes.join(' ')}`;
  });
}

describe.each(PAGES)('%s', (page) => {
  const english = readFixture(page);

  it.each(['de', 'ar'] as const)(
    'in %s: every label translated, the markup unchanged',
    (language) => {
      const localized = readFixture(page, language);
      expect(untranslatedLabels(english).length).toBeGreaterThan(0);
      expect(untranslatedLabels(localized)).toEqual([]);
      expect(skeleton(localized)).toEqual(skeleton(english));
    },
    60_000,
  );

  it('in Arabic: right to left, in Arabic, where LinkedIn says so', () => {
    const doc = new JSDOM(readFixture(page, 'ar')).window.document;
    expect(doc.documentElement.lang).toBe('ar');
    const dir = doc.body.getAttribute('dir') ?? doc.documentElement.getAttribute('dir');
    expect(dir).toBe('rtl');
  }, 60_000);
});
