import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import {
  extractProfileIdentity,
  findNameAnchor,
  topCardMatches,
  type ProfileIdentity,
} from '@/utils/linkedin/identity';
import { LANGUAGES, loadFixture } from './load-fixture';

interface Case {
  fixture: string;
  url: string;
  expected: ProfileIdentity;
  heading: 'H1' | 'H2';
  /** The viewer's own member id when the page carries it: it must never be taken. */
  viewerMemberId?: string;
}

// Every saved page, with what a person reading it sees. See tests/fixtures/linkedin/README.md.
const CASES: Case[] = [
  {
    fixture: 'profile-2024-04-public-logged-out.html',
    url: 'https://se.linkedin.com/in/eduardo-alvarez-nowak',
    heading: 'H1',
    expected: {
      slug: 'eduardo-alvarez-nowak',
      profileUrl: 'https://www.linkedin.com/in/eduardo-alvarez-nowak/',
      name: 'Eduardo Alvarez Nowak',
      headline: 'Tech Education Lead, Tech Expert & Frontend Dev at Novare Potential',
      company: 'Novare Potential',
      title: 'Tech Education Lead, Tech Expert & Frontend Dev',
    },
  },
  {
    fixture: 'profile-2024-07-logged-in.html',
    url: 'https://www.linkedin.com/in/eduardo-alvarez-nowak/',
    heading: 'H1',
    viewerMemberId: 'ACoAADxr9WMBZUQn2wCbSSTWwY5si5p8lxqP_rw',
    expected: {
      slug: 'eduardo-alvarez-nowak',
      profileUrl: 'https://www.linkedin.com/in/eduardo-alvarez-nowak/',
      name: 'Eduardo Alvarez Nowak',
      headline: 'Tech Education Lead, Tech Expert & Frontend Dev at Novare Potential',
      company: 'Novare Potential',
      title: 'Tech Education Lead, Tech Expert & Frontend Dev',
      memberId: 'ACoAABS9BdoBSJFfAvbRCM0dr7lB5Eggww93Ld0',
    },
  },
  {
    fixture: 'profile-2024-08-logged-in-sparse.html',
    url: 'https://www.linkedin.com/in/vasileiosalevizos/',
    heading: 'H1',
    // Eduardo is the viewer here: his id is in the page, before Vasileios's.
    viewerMemberId: 'ACoAABS9BdoBSJFfAvbRCM0dr7lB5Eggww93Ld0',
    expected: {
      slug: 'vasileiosalevizos',
      profileUrl: 'https://www.linkedin.com/in/vasileiosalevizos/',
      name: 'Vasileios Alevizos',
      headline: 'Researcher.',
      memberId: 'ACoAADgY1ZMB6tbuwm5xv-MQF627vpTk11b30cg',
    },
  },
  {
    fixture: 'profile-2025-hashed-h1.html',
    url: 'https://www.linkedin.com/in/eduardo-alvarez-nowak/',
    heading: 'H1',
    viewerMemberId: 'ACoAADxr9WMBZUQn2wCbSSTWwY5si5p8lxqP_rw',
    expected: {
      slug: 'eduardo-alvarez-nowak',
      profileUrl: 'https://www.linkedin.com/in/eduardo-alvarez-nowak/',
      name: 'Eduardo Alvarez Nowak',
      headline: 'Tech Education Lead, Tech Expert & Frontend Dev at Novare Potential',
      company: 'Novare Potential',
      title: 'Tech Education Lead, Tech Expert & Frontend Dev',
      memberId: 'ACoAABS9BdoBSJFfAvbRCM0dr7lB5Eggww93Ld0',
    },
  },
  {
    fixture: 'profile-2026-server-driven.html',
    url: 'https://www.linkedin.com/in/tusharchauhan1410/',
    heading: 'H2',
    expected: {
      slug: 'tusharchauhan1410',
      profileUrl: 'https://www.linkedin.com/in/tusharchauhan1410/',
      name: 'Tushar Chauhan',
      headline:
        'Backend Engineer | Context Engineering | High-Performance Backend & Data Systems | GenAI | RAG Systems | Python, Kotlin, Redis, FastAPI, Spring | Airflow | Data Structures & Algorithms | Ex-Soroco',
      company: 'PayPay India',
      memberId: 'ACoAACEW86UB-5Nt6tXEUs3WPWmRRFXYsBfz-Qs',
    },
  },
];

// Each page as saved and as LinkedIn shows it in German and Arabic (right to left): who it
// shows and where the badge goes never depend on the words of LinkedIn's labels.
const LOCALIZED = CASES.flatMap((c) => LANGUAGES.map((language) => ({ ...c, language })));

describe.each(LOCALIZED)('$fixture ($language)', (c) => {
  const { fixture, url, expected, heading, viewerMemberId, language } = c;
  const doc = () => loadFixture(fixture, url, language);

  it('extracts who the page shows', () => {
    expect(extractProfileIdentity(url, doc())).toEqual(expected);
  }, 30_000);

  it('names the same person from a sub-page or locale URL of the profile', () => {
    const subPage = `https://www.linkedin.com/in/${expected.slug}/details/experience/?locale=de_DE`;
    expect(extractProfileIdentity(subPage, doc())?.slug).toBe(expected.slug);
  });

  it('never takes the viewer’s own member id', () => {
    const id = extractProfileIdentity(url, doc())?.memberId;
    if (viewerMemberId) {
      expect(doc().documentElement.textContent ?? '').toContain(viewerMemberId);
      expect(id).not.toBe(viewerMemberId);
    }
  });

  it('finds the name heading to draw the badge next to', () => {
    const anchor = findNameAnchor(doc());
    expect(anchor?.tagName).toBe(heading);
    expect(anchor?.textContent?.trim()).toBe(expected.name);
  });

  it('knows the top card belongs to this person, and not to someone else', () => {
    expect(topCardMatches(doc(), expected.slug)).toBe(true);
    expect(topCardMatches(doc(), 'someone-else')).toBe(false);
  });
});

function blank(html = '<html><body><main></main></body></html>'): Document {
  return new JSDOM(html).window.document;
}

describe('when nothing on the page is recognisable', () => {
  it('still identifies the person by the URL alone', () => {
    expect(extractProfileIdentity('https://www.linkedin.com/in/Ada-Lovelace/de/', blank())).toEqual(
      {
        slug: 'ada-lovelace',
        profileUrl: 'https://www.linkedin.com/in/ada-lovelace/',
      },
    );
    expect(findNameAnchor(blank())).toBeNull();
    expect(topCardMatches(blank(), 'ada-lovelace')).toBe(false);
  });

  it('takes the name from the title when there is no heading', () => {
    const doc = blank(
      '<html><head><title>(3) Ada Lovelace | LinkedIn</title></head><body></body></html>',
    );
    expect(extractProfileIdentity('https://www.linkedin.com/in/ada/', doc)?.name).toBe(
      'Ada Lovelace',
    );
  });

  it('returns null for pages that are not profiles', () => {
    expect(extractProfileIdentity('https://www.linkedin.com/feed/', blank())).toBeNull();
    expect(extractProfileIdentity('https://example.com/in/ada/', blank())).toBeNull();
  });

  it('does not throw on broken embedded JSON or odd markup', () => {
    const doc = blank(
      '<html><body><section data-member-id="1"><h1></h1></section><code>{"publicIdentifier":"ada",</code></body></html>',
    );
    expect(extractProfileIdentity('https://www.linkedin.com/in/ada/', doc)).toEqual({
      slug: 'ada',
      profileUrl: 'https://www.linkedin.com/in/ada/',
    });
  });
});

describe('a profile opened by member id', () => {
  it('reads the slug from the page', () => {
    const url = 'https://www.linkedin.com/in/ACoAACEW86UB-5Nt6tXEUs3WPWmRRFXYsBfz-Qs/';
    const doc = loadFixture('profile-2026-server-driven.html', url);
    expect(extractProfileIdentity(url, doc)?.slug).toBe('tusharchauhan1410');
  });
});

describe('after in-page navigation', () => {
  it('reports a lingering top card of the previous person as not matching', () => {
    const doc = loadFixture(
      'profile-2024-08-logged-in-sparse.html',
      'https://www.linkedin.com/in/vasileiosalevizos/',
    );
    // The URL already says Eduardo; the DOM still shows Vasileios.
    expect(topCardMatches(doc, 'eduardo-alvarez-nowak')).toBe(false);
    expect(topCardMatches(doc, 'vasileiosalevizos')).toBe(true);
  });
});

describe('in any language', () => {
  const publicCard = (name: string, headline: string, company: string) =>
    blank(
      `<html><body><section class="top-card-layout"><h1>${name}</h1>` +
        `<h2 class="top-card-layout__headline">${headline}</h2>` +
        `<div data-section="currentPositionsDetails">${company}</div></section></body></html>`,
    );
  const url = 'https://www.linkedin.com/in/ada/';

  it('reads the title from a headline in the language the member wrote it in', () => {
    expect(
      extractProfileIdentity(url, publicCard('Ada', 'Ingenieurin bei Acme', 'Acme'))?.title,
    ).toBe('Ingenieurin');
    expect(
      extractProfileIdentity(url, publicCard('Ada', 'مهندسة برمجيات في Acme', 'Acme'))?.title,
    ).toBe('مهندسة برمجيات');
    expect(
      extractProfileIdentity(url, publicCard('Ada', 'Ingénieure chez Acme', 'Acme'))?.title,
    ).toBe('Ingénieure');
    // A headline that only names the company says nothing of a title.
    expect(
      extractProfileIdentity(url, publicCard('Ada', 'Building the future of Acme', 'Acme'))?.title,
    ).toBeUndefined();
  });

  it('drops the direction marks right-to-left pages put around names', () => {
    const identity = extractProfileIdentity(
      url,
      publicCard('\u200fأدا لوفليس\u200f', '\u202bمهندسة\u202c', 'Acme'),
    );
    expect(identity?.name).toBe('أدا لوفليس');
    expect(identity?.headline).toBe('مهندسة');
  });
});
