// @vitest-environment jsdom
/**
 * Chips counted per person and card on every kind of list LinkedIn draws, as saved, in German
 * and in Arabic: with half of the people tagged, each tagged person named in a card gets exactly
 * one chip there, after the name, and nobody else gets any. The cards are told by each page's own
 * markup (the oracle below), not by the code under test.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const ask = vi.fn();
vi.mock('@/utils/messaging/protocol', () => ({ ask: (...args: unknown[]) => ask(...args) }));
// `wxt/browser`, as WXT's Vitest plugin resolves it, loads esbuild, which jsdom's TextEncoder
// breaks: the fake browser stands in.
vi.mock('wxt/browser', async () => ({
  browser: (await import('wxt/testing/fake-browser')).fakeBrowser,
}));

const { listChips } = await import('@/entrypoints/linkedin/features/list-chips');
const { DEFAULT_SETTINGS } = await import('@/utils/model');
const { personKeyFromHref } = await import('@/utils/linkedin/urls');
const { LANGUAGES, readFixture } = await import('../linkedin/load-fixture');

/** A saved page of one kind of list, and what a card is on it. */
interface ListPage {
  kind: string;
  file: string;
  url: string;
  card: string;
}

// tests/fixtures/linkedin/README.md says which are saved and which derived.
const PAGES: ListPage[] = [
  {
    kind: 'feed, 2025 (posts and reposts)',
    file: 'feed-2025-ember.html',
    url: 'https://www.linkedin.com/feed/',
    card: '[role="article"][data-urn]',
  },
  {
    kind: 'a post with its reactors, 2025',
    file: 'post-2025-ember-it.html',
    url: 'https://www.linkedin.com/feed/update/urn:li:activity:1234567890/',
    card: '[role="article"][data-urn]',
  },
  {
    kind: 'feed, 2026 (posts, reactions, comments)',
    file: 'feed-2026-server-driven.html',
    url: 'https://www.linkedin.com/feed/',
    card: '[role="listitem"]',
  },
  {
    kind: 'My Network connections, 2026',
    file: 'connections-2026-server-driven-it.html',
    url: 'https://www.linkedin.com/mynetwork/invite-connect/connections/',
    card: '[componentkey^="ConnectionCard_"]',
  },
  {
    kind: 'connections whose card is also a link around the others, 2026',
    file: 'connections-2026-server-driven-nested-link.html',
    url: 'https://www.linkedin.com/mynetwork/invite-connect/connections/',
    card: '[componentkey^="ConnectionCard_"]',
  },
  {
    kind: 'followers, 2026',
    file: 'followers-2026-server-driven-it.html',
    url: 'https://www.linkedin.com/mynetwork/network-manager/people-follow/followers/',
    card: '[componentkey^="ConnectionCard_"]',
  },
  {
    kind: 'people search, 2024',
    file: 'search-2024-ember.html',
    url: 'https://www.linkedin.com/search/results/people/?keywords=novare',
    card: '[data-chameleon-result-urn]',
  },
  {
    kind: 'a company’s People tab, 2024',
    file: 'company-people-2024-ember.html',
    url: 'https://www.linkedin.com/company/novare-potential/people/',
    card: '.org-people-profile-card__profile-card-spacing',
  },
  {
    kind: 'profile rails, 2024',
    file: 'list-2024-07-member-rails.html',
    url: 'https://www.linkedin.com/search/results/people/',
    card: '[data-view-name="profile-component-entity"]',
  },
];

const PERSON_LINK = 'a[href*="/in/"]';
const HIDDEN = 'svg, figure, style, script, .visually-hidden';

function keyOf(link: Element | null | undefined): string | null {
  return link ? personKeyFromHref(link.getAttribute('href') ?? '') : null;
}

/** Whether a reader sees a name in the link (not only a photo, not only screen-reader text). */
function showsName(link: Element): boolean {
  const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.textContent?.trim() && !node.parentElement?.closest(HIDDEN)) return true;
  }
  return false;
}

/** The people a card names with a visible name. */
function namedIn(card: Element): Set<string> {
  const keys = new Set<string>();
  for (const link of card.querySelectorAll(PERSON_LINK)) {
    const key = keyOf(link);
    if (key && showsName(link)) keys.add(key);
  }
  return keys;
}

/** Whose name a chip follows: the link it sits in, or the link it was put after. */
function chipPerson(host: Element): string | null {
  return keyOf(host.closest(PERSON_LINK) ?? host.previousElementSibling?.closest(PERSON_LINK));
}

let shadowHosts: Element[] = [];
const originalAttach = Element.prototype.attachShadow;
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

const CASES = PAGES.flatMap((page) => LANGUAGES.map((language) => ({ ...page, language })));

describe.each(CASES)('$kind ($language)', ({ file, url, card, language }) => {
  let controller: AbortController;
  let tagged: Set<string>;

  beforeEach(async () => {
    const parsed = new DOMParser().parseFromString(readFixture(file, language), 'text/html');
    document.documentElement.replaceWith(document.importNode(parsed.documentElement, true));
    shadowHosts = [];
    Element.prototype.attachShadow = function (init) {
      shadowHosts.push(this);
      return originalAttach.call(this, init);
    };
    // Half of the people, every other one in the order the page names them.
    const people = [
      ...new Set([...document.querySelectorAll(card)].flatMap((c) => [...namedIn(c)])),
    ];
    tagged = new Set(people.filter((_, i) => i % 2 === 0));
    ask.mockReset();
    ask.mockImplementation(async (_type: string, { keys }: { keys: string[] }) =>
      Object.fromEntries(
        keys
          .filter((k) => tagged.has(k))
          .map((k) => [k, { roles: ['ally'], due: false, overdueFollowUps: 0 }]),
      ),
    );
    controller = new AbortController();
    void listChips.init(controller.signal, { url: new URL(url), settings: DEFAULT_SETTINGS });
    await settle();
  }, 60_000);
  afterEach(() => {
    controller.abort();
    Element.prototype.attachShadow = originalAttach;
  });

  it('draws exactly one chip per tagged person per card, after the name, and none for others', () => {
    const cards = [...document.querySelectorAll(card)];
    expect(cards.length).toBeGreaterThan(0);
    expect(tagged.size).toBeGreaterThan(0);
    const hosts = shadowHosts.filter((host) => host.isConnected);
    let expected = 0;
    for (const element of cards) {
      const inCard = hosts.filter((host) => element.contains(host));
      const counts = new Map<string | null, number>();
      for (const host of inCard)
        counts.set(chipPerson(host), (counts.get(chipPerson(host)) ?? 0) + 1);
      const want = [...namedIn(element)].filter((key) => tagged.has(key));
      expected += want.length;
      expect(Object.fromEntries(counts)).toEqual(Object.fromEntries(want.map((key) => [key, 1])));
    }
    // Every chip is in a card, and none follows a photo.
    expect(hosts).toHaveLength(expected);
    for (const host of hosts) {
      const name = host.previousElementSibling;
      expect(name?.textContent?.trim()).not.toBe('');
      expect(name?.querySelector('img, figure, svg')).toBeNull();
    }
  });
});
