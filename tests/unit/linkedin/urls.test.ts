import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isLinkedInUrl,
  isMemberId,
  isProfileRootHref,
  pageKind,
  personKeyFromHref,
  profileSlugFromUrl,
  profileUrlForSlug,
  type PageKind,
} from '@/utils/linkedin/urls';

// Real member ids from the saved pages (2024-07 rails, 2026 top card).
const MEMBER_ID = 'ACoAACEW86UB-5Nt6tXEUs3WPWmRRFXYsBfz-Qs';
const OTHER_MEMBER_ID = 'ACoAAAU5f0EBFYU9aWHwe0I4dWT3Km15smJbbMw';

describe('profileSlugFromUrl', () => {
  const matches: Array<[string, string]> = [
    ['https://www.linkedin.com/in/eduardo-alvarez-nowak/', 'eduardo-alvarez-nowak'],
    ['https://www.linkedin.com/in/eduardo-alvarez-nowak', 'eduardo-alvarez-nowak'],
    ['https://se.linkedin.com/in/eduardo-alvarez-nowak', 'eduardo-alvarez-nowak'],
    ['https://www.linkedin.com/in/Eduardo-Alvarez-Nowak/', 'eduardo-alvarez-nowak'],
    ['https://www.linkedin.com/in/tusharchauhan1410/?isSelfProfile=true', 'tusharchauhan1410'],
    ['https://www.linkedin.com/in/tusharchauhan1410/details/experience/', 'tusharchauhan1410'],
    ['https://www.linkedin.com/in/tusharchauhan1410/recent-activity/all/', 'tusharchauhan1410'],
    ['https://www.linkedin.com/in/tusharchauhan1410/overlay/contact-info/', 'tusharchauhan1410'],
    ['https://www.linkedin.com/in/williamhgates/de/', 'williamhgates'],
    ['https://www.linkedin.com/in/williamhgates?locale=de_DE', 'williamhgates'],
    ['https://www.linkedin.com/in/vasileiosalevizos/#experience', 'vasileiosalevizos'],
    ['https://www.linkedin.com/in/thilde-markstr%C3%B6m-02a5192b7', 'thilde-markström-02a5192b7'],
    [
      'https://www.linkedin.com/in/roberto-andr%C3%A9s-noboa-g%C3%A1rate-1852a473',
      'roberto-andrés-noboa-gárate-1852a473',
    ],
    ['https://www.linkedin.com/mwlite/in/eduardo-alvarez-nowak', 'eduardo-alvarez-nowak'],
    ['http://linkedin.com/in/eduardo-alvarez-nowak/', 'eduardo-alvarez-nowak'],
    // As a spreadsheet or an older export may keep it, without its scheme.
    ['www.linkedin.com/in/eduardo-alvarez-nowak', 'eduardo-alvarez-nowak'],
    ['linkedin.com/in/eduardo-alvarez-nowak/', 'eduardo-alvarez-nowak'],
  ];
  it.each(matches)('%s → %s', (url, slug) => {
    expect(profileSlugFromUrl(url)).toBe(slug);
  });

  const nonMatches = [
    `https://www.linkedin.com/in/${MEMBER_ID}`,
    `https://www.linkedin.com/in/${OTHER_MEMBER_ID}/`,
    'https://www.linkedin.com/feed/',
    'https://www.linkedin.com/in/',
    'https://www.linkedin.com/company/paypayindia/',
    'https://www.linkedin.com/search/results/people/?keywords=eduardo',
    'https://www.linkedin.com/mynetwork/invite-connect/connections/',
    'https://www.linkedin.com/pub/dir/Eduardo/Nowak',
    'https://example.com/in/eduardo-alvarez-nowak/',
    'https://linkedin.com.evil.example/in/eduardo-alvarez-nowak/',
    'notlinkedin.com/in/eduardo-alvarez-nowak/',
    'evil.example/linkedin.com/in/eduardo-alvarez-nowak/',
    '/in/eduardo-alvarez-nowak/',
    'javascript:alert(1)//www.linkedin.com/in/x',
    '',
    'not a url',
  ];
  it.each(nonMatches)('%s → null', (url) => {
    expect(profileSlugFromUrl(url)).toBeNull();
  });
});

describe('personKeyFromHref', () => {
  const matches: Array<[string, string]> = [
    ['/in/eduardo-alvarez-nowak/overlay/about-this-profile/', 'eduardo-alvarez-nowak'],
    ['/in/lindarydalv/', 'lindarydalv'],
    [`https://www.linkedin.com/in/${OTHER_MEMBER_ID}`, OTHER_MEMBER_ID],
    [`/in/${MEMBER_ID}/`, MEMBER_ID],
    [
      'https://www.linkedin.com/in/erik-dreborg-13919b17?miniProfileUrn=urn%3Ali%3Afs_miniProfile%3AACoAAA',
      'erik-dreborg-13919b17',
    ],
    [
      'https://se.linkedin.com/in/amalia-berglof?trk=public_profile_browsemap-profile',
      'amalia-berglof',
    ],
    ['https://www.linkedin.com/in/Ritesh-Jha09/#about', 'ritesh-jha09'],
    ['in/relative-slug/', 'relative-slug'],
  ];
  it.each(matches)('%s → %s', (href, key) => {
    expect(personKeyFromHref(href)).toBe(key);
  });

  it('resolves against the given base', () => {
    expect(personKeyFromHref('../in/abc/', 'https://www.linkedin.com/feed/')).toBe('abc');
    expect(personKeyFromHref('/in/abc/', 'https://example.com/')).toBeNull();
  });

  const nonMatches = [
    'https://www.linkedin.com/company/paypayindia/',
    'https://www.linkedin.com/feed/update/urn:li:activity:7506635060129734657/',
    'https://www.linkedin.com/search/results/all/?keywords=%23mcp',
    'https://lnkd.in/gKEzv4_7',
    'https://www.linkedin.com/safety/go/?url=https%3A%2F%2Flnkd%2Ein%2FgKEzv4_7',
    'mailto:someone@example.com',
    '#',
    '',
  ];
  it.each(nonMatches)('%s → null', (href) => {
    expect(personKeyFromHref(href)).toBeNull();
  });
});

describe('isProfileRootHref', () => {
  it.each([
    ['/in/lindarydalv/', true],
    ['https://www.linkedin.com/in/ritesh-jha09/', true],
    ['https://www.linkedin.com/in/erik-dreborg-13919b17?miniProfileUrn=x', true],
    ['https://www.linkedin.com/in/williamhgates/de/', true],
    ['/in/eduardo-alvarez-nowak/overlay/contact-info/', false],
    ['https://www.linkedin.com/in/eduardo-alvarez-nowak/details/experience?profileUrn=x', false],
    ['https://www.linkedin.com/in/tusharchauhan1410/edit/intro/', false],
    ['https://www.linkedin.com/in/tusharchauhan1410/recent-activity/all/', false],
    ['https://www.linkedin.com/company/linkedin/', false],
  ] as const)('%s → %s', (href, expected) => {
    expect(isProfileRootHref(href)).toBe(expected);
  });
});

describe('isMemberId', () => {
  it.each([MEMBER_ID, OTHER_MEMBER_ID, 'ACoAAAJfRq0BMj0rAP-Mikkam0Ycp746G5t1ju0'])(
    '%s is a member id',
    (id) => {
      expect(isMemberId(id)).toBe(true);
    },
  );
  it.each([
    'eduardo-alvarez-nowak',
    'acoaacew86ub-5nt6txeus3wpwmrrfxysbfz-qs',
    'ACoAA',
    'ACoAAshort',
    '',
  ])('%s is not', (key) => {
    expect(isMemberId(key)).toBe(false);
  });
});

describe('pageKind', () => {
  const table: Array<[string, PageKind]> = [
    ['https://www.linkedin.com/in/eduardo-alvarez-nowak/', 'profile'],
    [`https://www.linkedin.com/in/${MEMBER_ID}/`, 'profile'],
    ['https://www.linkedin.com/in/tusharchauhan1410/details/experience/', 'profile'],
    ['https://www.linkedin.com/search/results/people/?keywords=alliance', 'search-people'],
    [
      'https://www.linkedin.com/search/results/all/?keywords=%23mcp&origin=HASH_TAG_FROM_FEED',
      'search',
    ],
    ['https://www.linkedin.com/feed/', 'feed'],
    ['https://www.linkedin.com/feed/update/urn:li:activity:7506635060129734657/', 'feed'],
    ['https://www.linkedin.com/mynetwork/', 'mynetwork'],
    ['https://www.linkedin.com/mynetwork/invite-connect/connections/', 'mynetwork'],
    ['https://www.linkedin.com/company/paypayindia/', 'other'],
    ['https://www.linkedin.com/feedback/', 'other'],
    ['https://www.linkedin.com/', 'other'],
    ['https://example.com/feed/', 'other'],
    ['garbage', 'other'],
  ];
  it.each(table)('%s → %s', (url, kind) => {
    expect(pageKind(url)).toBe(kind);
  });
});

describe('isLinkedInUrl', () => {
  it.each([
    ['https://www.linkedin.com/in/eduardo-alvarez-nowak/', true],
    ['https://de.linkedin.com/feed/', true],
    ['http://www.linkedin.com/', true],
    ['https://www.linkedin.com.example.com/in/x/', false],
    ['https://example.com/?next=https://www.linkedin.com/', false],
    ['www.linkedin.com/in/x/', false],
    ['chrome://newtab/', false],
    ['', false],
    [undefined, false],
  ])('%s → %s', (url, expected) => {
    expect(isLinkedInUrl(url)).toBe(expected);
  });
});

describe('properties', () => {
  // Slugs as LinkedIn allows them, plus unicode letters (real slugs carry å, ö, é…).
  const slugChar = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-_äöåéñøüçłßй李');
  const slug = fc
    .array(slugChar, { minLength: 1, maxLength: 40 })
    .map((chars) => chars.join(''))
    .filter((s) => !isMemberId(s));

  it('round-trips any slug through its percent-encoded profile URL, with any suffix', () => {
    const suffix = fc.constantFrom(
      '',
      '/',
      '/details/experience/',
      '/recent-activity/all/',
      '/de/',
      '?trk=x',
      '#about',
    );
    fc.assert(
      fc.property(slug, suffix, fc.boolean(), (s, tail, upper) => {
        const written = upper ? s.toUpperCase() : s;
        const url = `https://www.linkedin.com/in/${encodeURIComponent(written)}${tail}`;
        expect(profileSlugFromUrl(url)).toBe(written.toLowerCase());
        expect(personKeyFromHref(url)).toBe(written.toLowerCase());
        expect(pageKind(url)).toBe('profile');
      }),
    );
  });

  it('reads an export’s plain profile URLs as the URL parser does', () => {
    // profileSlugFromUrl reads the plain form itself; personKeyFromHref always parses.
    const part = fc.constantFrom(
      'a',
      'Z',
      '0',
      '-',
      '_',
      '.',
      '..',
      '%2e',
      '%',
      '/',
      '?',
      '#',
      ' ',
    );
    const tail = fc.array(part, { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(tail, (text) => {
        const url = `https://www.linkedin.com/in/${text}`;
        const parsed = personKeyFromHref(url);
        expect(profileSlugFromUrl(url)).toBe(parsed === null || isMemberId(parsed) ? null : parsed);
      }),
    );
  });

  it('profileUrlForSlug is read back as the same slug', () => {
    fc.assert(
      fc.property(slug, (s) => {
        expect(profileSlugFromUrl(profileUrlForSlug(s))).toBe(s.toLowerCase());
      }),
    );
  });

  it('keeps the case of member ids and never calls them slugs', () => {
    const idChar = fc.constantFrom(
      ...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
    );
    const id = fc.array(idChar, { minLength: 20, maxLength: 40 }).map((c) => `ACoAA${c.join('')}`);
    fc.assert(
      fc.property(id, (memberId) => {
        const url = `https://www.linkedin.com/in/${memberId}/`;
        expect(personKeyFromHref(url)).toBe(memberId);
        expect(profileSlugFromUrl(url)).toBeNull();
      }),
    );
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (text, base) => {
        profileSlugFromUrl(text);
        personKeyFromHref(text);
        personKeyFromHref(text, base);
        isProfileRootHref(text);
        isMemberId(text);
        isLinkedInUrl(text);
        expect(typeof pageKind(text)).toBe('string');
      }),
    );
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        profileSlugFromUrl(url);
        expect(typeof pageKind(url)).toBe('string');
      }),
    );
  });
});
