/**
 * Role chips wherever LinkedIn lists people, and the toolbar badge, in real Chromium. The list
 * pages are real LinkedIn markup (the rails cut from saved profiles, tests/fixtures/linkedin/)
 * served on the search and feed URLs, since the chips do not depend on the page's kind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  PAGES,
  closedIslands,
  fixtureHtml,
  launch,
  seedDatabase,
  spaNavigate,
  tabIdOf,
  waitForIsland,
  type Harness,
  type ShadowIsland,
} from './harness';
import { newPerson, type Person, type Role } from '@/utils/model';
import { localizePage } from '../fixtures/linkedin/localize';

const SEARCH_URL = 'https://www.linkedin.com/search/results/people/';
const FEED_URL = 'https://www.linkedin.com/feed/';
const SEARCH_HTML = fixtureHtml('list-2024-07-member-rails.html');
const FEED_HTML = fixtureHtml('list-2026-server-driven-rails.html');
// The real 2026 feed, on a feed URL of its own (FEED_URL already serves the rails page).
const REAL_FEED_URL = 'https://www.linkedin.com/feed/update/urn:li:activity:1/';
const REAL_FEED_HTML = fixtureHtml('feed-2026-server-driven.html');

const NOW = Date.now();
const person = (slug: string, name: string, roles: Role[], fields: Partial<Person> = {}) =>
  newPerson(slug, NOW, { name, roles, ...fields });

/** Known people who appear in the list pages; everyone else there is unknown. */
const KNOWN = [
  person('erik-dreborg-13919b17', 'Erik Dreborg', ['sponsor']),
  person('lanahaddad87', 'Lana Haddad', ['mentor']),
  person('carolineengberg', 'Caroline Engberg', ['ally']),
  person('thilde-markström-02a5192b7', 'Thilde Markström', ['advisor']),
  person('naman-dhiman', 'Naman Dhiman', ['ally', 'mentor']),
  // Known only by a former slug: the list's link must still find her.
  person('amalia-renamed', 'Amalia Berglöf', ['mentee'], { aliases: ['amalia-berglof'] }),
  // In the records but untagged: no chip.
  person('elina-hulbert', 'Elina Hulbert', []),
];

async function chipTexts(page: Page): Promise<string[]> {
  return (await closedIslands(page)).map((i) => i.text);
}

async function waitForChips(page: Page, count: number): Promise<string[]> {
  let texts: string[] = [];
  await expect
    .poll(async () => (texts = await chipTexts(page)).length, { timeout: 10_000 })
    .toBe(count);
  return texts;
}

describe('chips next to known people in lists', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await launch();
    h.serve(SEARCH_URL, SEARCH_HTML);
    h.serve(FEED_URL, FEED_HTML);
    h.serve(REAL_FEED_URL, REAL_FEED_HTML);
    await seedDatabase(h, { people: KNOWN });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('draws one chip per known tagged person, with their roles, and none for anyone else', async () => {
    const page = await h.context.newPage();
    await page.goto(`${SEARCH_URL}?keywords=design`, { waitUntil: 'domcontentloaded' });
    const texts = await waitForChips(page, 5);
    expect(texts.sort()).toEqual(['Advisor', 'Ally', 'Mentee', 'Mentor', 'Sponsor']);
    await page.close();
  });

  it('handles cards as they scroll in, once each', async () => {
    const page = await h.context.newPage();
    await page.goto(SEARCH_URL, { waitUntil: 'domcontentloaded' });
    await waitForChips(page, 5);
    // LinkedIn renders more cards as the user scrolls: a known person's card arrives.
    await page.evaluate(() => {
      const link = document.querySelector('a[href*="/in/lanahaddad87"]');
      const card = link?.closest('li') ?? link?.parentElement;
      if (!card) throw new Error('no card to copy');
      for (let i = 0; i < 3; i++) card.parentElement!.append(card.cloneNode(true));
    });
    await waitForChips(page, 8);
    // Our own insertions cause mutations too: nothing is drawn twice.
    await page.waitForTimeout(500);
    expect(await chipTexts(page)).toHaveLength(8);
    await page.close();
  });

  it('updates the chips when the data changes elsewhere', async () => {
    const page = await h.context.newPage();
    await page.goto(SEARCH_URL, { waitUntil: 'domcontentloaded' });
    await waitForChips(page, 5);
    await seedDatabase(h, {
      people: [person('elina-hulbert', 'Elina Hulbert', ['sponsor']), { ...KNOWN[0]!, roles: [] }],
    });
    await expect
      .poll(() => chipTexts(page).then((t) => t.filter((x) => x === 'Sponsor').length))
      .toBe(1);
    expect(await chipTexts(page)).toHaveLength(5);
    await seedDatabase(h, { people: [KNOWN[0]!, person('elina-hulbert', 'Elina Hulbert', [])] });
    await page.close();
  });

  it('draws chips on the server-driven (2026) layout too', async () => {
    const page = await h.context.newPage();
    await page.goto(FEED_URL, { waitUntil: 'domcontentloaded' });
    const texts = await waitForChips(page, 1);
    expect(texts[0]).toBe('MentorAlly');
    await page.close();
  });

  it('draws chips next to known post authors on the real 2026 feed, and none for the viewer', async () => {
    await seedDatabase(h, {
      people: [
        person('kamal-sharma-2a654a191', 'Kamal Sharma', ['sponsor']),
        // Known by a former slug: the feed's link is kept as an alias.
        person('mohit-old-slug', 'Mohit Paddhariya', ['mentor'], { aliases: ['mohit-paddhariya'] }),
        // The signed-in viewer, tagged: the feed links them four times, none gets a chip.
        person('tusharchauhan1410', 'Tushar Chauhan', ['ally']),
      ],
    });
    const page = await h.context.newPage();
    await page.goto(REAL_FEED_URL, { waitUntil: 'domcontentloaded' });
    const texts = await waitForChips(page, 2);
    expect(texts.sort()).toEqual(['Mentor', 'Sponsor']);
    await page.waitForTimeout(500);
    expect(await chipTexts(page)).toHaveLength(2);
    await page.close();
  });

  it('keeps one badge and one chip per person across ten in-page navigations', async () => {
    const page = await h.context.newPage();
    await page.goto(PAGES.eduardo.url, { waitUntil: 'domcontentloaded' });
    const profileHtml = fixtureHtml(PAGES.eduardo.file);
    // The profile's own rails name known people: the badge plus their chips.
    const onProfile = (await waitForStable(page)).length;
    expect(onProfile).toBeGreaterThan(1);
    for (let i = 0; i < 5; i++) {
      await spaNavigate(page, SEARCH_URL, SEARCH_HTML, 50);
      await waitForChips(page, 5);
      await spaNavigate(page, PAGES.eduardo.url, profileHtml, 50);
      await waitForChips(page, onProfile);
    }
    await page.close();
  });
});

/** The names of the people of KNOWN tagged in the 2024 rail cards (search, company People). */
const TAGGED_IN_RAILS = [
  'Amalia Berglöf',
  'Caroline Engberg',
  'Erik Dreborg',
  'Lana Haddad',
  'Thilde Markström',
];

/** Each kind of list LinkedIn draws, with half of its people tagged (README of the fixtures). */
const LIST_KINDS: Array<{ kind: string; file: string; url: string; chipsAfter: string[] }> = [
  {
    kind: 'the 2025 feed: a repost header and an author, photo and name each',
    file: 'feed-2025-ember.html',
    url: 'https://www.linkedin.com/feed/',
    chipsAfter: ['Tushar Chauhan', 'Tushar Chauhan'],
  },
  {
    kind: 'a 2025 post: its author, never its reactors’ photos',
    file: 'post-2025-ember-it.html',
    url: 'https://www.linkedin.com/feed/update/urn:li:activity:1234567890/',
    chipsAfter: ['Mario Rossi'],
  },
  {
    kind: 'My Network connections, 2026',
    file: 'connections-2026-server-driven-it.html',
    url: 'https://www.linkedin.com/mynetwork/invite-connect/connections/',
    chipsAfter: ['Anna Bianchi', 'Gina Blu'],
  },
  {
    kind: 'connection cards that are also a link around the others, 2026',
    file: 'connections-2026-server-driven-nested-link.html',
    url: 'https://www.linkedin.com/mynetwork/invite-connect/connections/?sort=nested',
    chipsAfter: ['Anna Bianchi', 'Gina Blu'],
  },
  {
    kind: 'followers, 2026',
    file: 'followers-2026-server-driven-it.html',
    url: 'https://www.linkedin.com/mynetwork/network-manager/people-follow/followers/',
    chipsAfter: ['Anna Bianchi', 'Gina Blu'],
  },
  {
    kind: 'people search, 2024',
    file: 'search-2024-ember.html',
    url: 'https://www.linkedin.com/search/results/people/?keywords=novare',
    chipsAfter: TAGGED_IN_RAILS,
  },
  {
    kind: 'a company’s People tab, 2024',
    file: 'company-people-2024-ember.html',
    url: 'https://www.linkedin.com/company/novare-potential/people/',
    chipsAfter: TAGGED_IN_RAILS,
  },
];

const LANGUAGES = ['en', 'de', 'ar'] as const;

describe('one chip per tagged person per card, on every kind of list, in every language', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await launch();
    await seedDatabase(h, {
      people: [
        ...KNOWN,
        person('tusharchauhan1410', 'Tushar Chauhan', ['ally']),
        person('mario-rossi-0000', 'Mario Rossi', ['mentor']),
        // A reactor shown only by a photo: tagged, but a chip never follows a photo.
        person('anna-bianchi-0001', 'Sergio Gerosa', ['sponsor']),
        person('anna-bianchi', 'Anna Bianchi', ['sponsor']),
        person('gina-blu', 'Gina Blu', ['advisor']),
        person('paolo-neri', 'Paolo Neri', []),
      ],
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  describe.each(LANGUAGES)('%s', (language) => {
    it.each(LIST_KINDS)('$kind', async ({ file, url, chipsAfter }) => {
      const html = fixtureHtml(file);
      // Pages are served by URL without the query: each test serves its own language there.
      h.serve(url.split('?')[0]!, language === 'en' ? html : localizePage(html, language));
      const page = await h.context.newPage();
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      await waitForChips(page, chipsAfter.length);
      // Nothing more comes: our own insertions and late mutations draw no second chip.
      const islands = await waitForStable(page);
      expect(islands.map((i) => i.follows).sort()).toEqual([...chipsAfter].sort());
      await page.close();
    });
  });

  it('draws nothing on a member’s own activity for the member, the same posts drew two on the feed', async () => {
    const url = 'https://www.linkedin.com/in/tusharchauhan1410/recent-activity/all/';
    h.serve(url, fixtureHtml('activity-2025-ember-posts.html'));
    const page = await h.context.newPage();
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.waitForTimeout(1500);
    expect(await closedIslands(page)).toEqual([]);
    await page.close();
  });
});

/** The islands once they stop changing for a moment. */
async function waitForStable(page: Page): Promise<ShadowIsland[]> {
  let previous = -1;
  let islands: ShadowIsland[] = [];
  for (let i = 0; i < 40; i++) {
    islands = await closedIslands(page);
    if (islands.length > 0 && islands.length === previous) return islands;
    previous = islands.length;
    await page.waitForTimeout(250);
  }
  return islands;
}

describe('the toolbar badge', () => {
  let h: Harness;
  const SEEDED = [
    person('eduardo-alvarez-nowak', 'Eduardo Alvarez Nowak', ['ally', 'sponsor']),
    person('tusharchauhan1410', 'Tushar Chauhan', ['mentor']),
  ];

  beforeAll(async () => {
    h = await launch();
    await seedDatabase(h, { people: SEEDED });
  });
  afterAll(async () => {
    await h?.close();
  });

  async function badgeText(page: Page): Promise<string> {
    const tabId = await tabIdOf(h, page);
    return h.serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
  }

  it("shows the main role of the tab's person, and nothing for an unknown one", async () => {
    const page = await h.context.newPage();
    await page.goto(PAGES.eduardo.url, { waitUntil: 'domcontentloaded' });
    await expect.poll(() => badgeText(page)).toBe('SP');
    await page.goto(PAGES.vasileios.url, { waitUntil: 'domcontentloaded' });
    await expect.poll(() => badgeText(page)).toBe('');
    await page.close();
  });

  /** The company the extension recorded for `slug`, read from its database. */
  async function recordedCompany(slug: string): Promise<unknown> {
    return h.serviceWorker.evaluate(async (key) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('alliance-map');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const person = await new Promise<{ company?: string } | undefined>((resolve, reject) => {
        const request = db.transaction('people').objectStore('people').get(key);
        request.onsuccess = () => resolve(request.result as { company?: string } | undefined);
        request.onerror = () => reject(request.error);
      });
      db.close();
      return person?.company;
    }, slug);
  }

  const TUSHAR = {
    url: 'https://www.linkedin.com/in/tusharchauhan1410/',
    file: 'profile-2026-server-driven.html',
  };
  it.each([
    {
      language: 'de',
      page: PAGES.eduardo,
      name: 'Eduardo Alvarez Nowak',
      badge: 'SP',
      company: 'Novare Potential',
    },
    {
      language: 'ar',
      page: PAGES.eduardo,
      name: 'Eduardo Alvarez Nowak',
      badge: 'SP',
      company: 'Novare Potential',
    },
    { language: 'de', page: TUSHAR, name: 'Tushar Chauhan', badge: 'MEN', company: 'PayPay India' },
    { language: 'ar', page: TUSHAR, name: 'Tushar Chauhan', badge: 'MEN', company: 'PayPay India' },
  ] as const)(
    'in $language: reads $name, puts the badge after the name and records the company',
    async ({ language, page: { url, file }, name, badge, company }) => {
      // As seeded, with no company: only this page can tell it.
      const slug = url.split('/in/')[1]!.replace('/', '');
      await seedDatabase(h, { people: [SEEDED.find((p) => p.slug === slug)!] });
      expect(await recordedCompany(slug)).toBe('');
      h.serve(url, localizePage(fixtureHtml(file), language));
      const page = await h.context.newPage();
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      await expect.poll(() => badgeText(page)).toBe(badge);
      const island = await waitForIsland(page, (i) => i.follows === name);
      expect(island.buttons.length).toBeGreaterThan(0);
      await expect.poll(() => recordedCompany(slug)).toBe(company);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
      await page.close();
      h.serve(url, fixtureHtml(file));
    },
  );

  it('follows in-page navigation and works in stealth mode', async () => {
    await h.serviceWorker.evaluate(async () => {
      const { settings } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: { ...(settings ?? {}), stealth: true } });
    });
    const page = await h.context.newPage();
    await page.goto(PAGES.vasileios.url, { waitUntil: 'domcontentloaded' });
    await expect.poll(() => badgeText(page)).toBe('');
    await spaNavigate(page, PAGES.eduardo.url, fixtureHtml(PAGES.eduardo.file));
    await expect.poll(() => badgeText(page)).toBe('SP');
    expect(await closedIslands(page)).toHaveLength(0);
    await page.close();
  });
});
