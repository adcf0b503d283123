import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { findPersonMentions, type PersonMention } from '@/utils/linkedin/mentions';
import { loadFixture } from './load-fixture';

const LIST_URL = 'https://www.linkedin.com/mynetwork/';

function summary(mentions: PersonMention[]): Array<[string, string]> {
  return mentions.map((m) => [m.key, m.nameElement.textContent?.replace(/\s+/g, ' ').trim() ?? '']);
}

function expectChipsOnNames(mentions: PersonMention[]) {
  for (const mention of mentions) {
    expect(mention.link.contains(mention.nameElement)).toBe(true);
    expect(mention.nameElement.textContent?.trim()).not.toBe('');
  }
}

// List pages cut from the saved profiles (see make-derived-fixtures.mjs): real rails.
describe('rails cut from real pages', () => {
  it('2024-04 public "People also viewed"', () => {
    const mentions = findPersonMentions(loadFixture('list-2024-04-public-rails.html', LIST_URL));
    expect(summary(mentions)).toEqual([
      ['amalia-berglof', 'Amalia Berglöf'],
      ['roberto-andrés-noboa-gárate-1852a473', 'Roberto Andrés Noboa Gárate'],
      ['erik-dreborg-13919b17', 'Erik Dreborg'],
      ['per-harald-borgen', 'Per Borgen'],
      ['susanna-vaara-0b33b03a', 'Susanna Vaara'],
      ['swathy-s-71116548', 'Swathy S'],
      ['karolinfrennert', '👩🏼‍💻 Karolin Frennert'],
      ['pontus-liberg-14a467168', 'Pontus Liberg'],
      ['benjaminronneling', 'Benjamin Ronneling'],
      ['marioromero', 'Mario Romero'],
    ]);
    expectChipsOnNames(mentions);
  }, 30_000);

  it('2024-07 member view: one mention per card, on the visible name, not the photo', () => {
    const mentions = findPersonMentions(loadFixture('list-2024-07-member-rails.html', LIST_URL));
    expect(summary(mentions)).toEqual([
      ['erik-dreborg-13919b17', 'Erik Dreborg'],
      ['lanahaddad87', 'Lana Haddad'],
      ['ayham-alkazaz-0b55661a9', 'Ayham Alkazaz'],
      ['amalia-berglof', 'Amalia Berglöf'],
      ['elina-hulbert', 'Elina Hulbert'],
      ['david-tegmark-3a5861291', 'David Tegmark'],
      ['oscar-siberg-61969a294', 'Oscar Siberg'],
      ['carolineengberg', 'Caroline Engberg'],
      ['elin-alderin-80457328b', 'Elin Alderin'],
      ['thilde-markström-02a5192b7', 'Thilde Markström'],
    ]);
    expectChipsOnNames(mentions);
    // The name link, not the photo link before it in the same card.
    expect(mentions.every((m) => m.nameElement.closest('[aria-hidden="true"]') !== null)).toBe(
      true,
    );
  }, 30_000);

  it('2026 server-driven "People you may know" and company followers', () => {
    const mentions = findPersonMentions(
      loadFixture('list-2026-server-driven-rails.html', LIST_URL),
    );
    expect(summary(mentions)).toEqual([
      ['ritesh-jha09', 'Ritesh Jha'],
      ['naman-dhiman', 'Naman Dhiman'],
      ['mradul-gaur-734730165', 'Mradul Gaur'],
      ['manjunath-r-3a0634103', 'Manjunath R'],
      ['amogh-garg-50851a16', 'Amogh Garg'],
      ['mits12', 'Mitansha works here'],
    ]);
    expectChipsOnNames(mentions);
  }, 30_000);
});

describe('whole profile pages', () => {
  it('2024-07: skips the owner and the viewer, keeps member-id links as aliases', () => {
    const doc = loadFixture(
      'profile-2024-07-logged-in.html',
      'https://www.linkedin.com/in/eduardo-alvarez-nowak/',
    );
    const mentions = findPersonMentions(doc);
    const keys = mentions.map((m) => m.key);
    expect(keys).not.toContain('eduardo-alvarez-nowak');
    expect(keys).not.toContain('novare-potential-7975a4243'); // the viewer
    expect(keys).toContain('simonsinek');
    // A reposted update links its author by member id (photo) and by slug (name).
    const linda = mentions.find((m) => m.key === 'lindarydalv');
    expect(linda?.aliases).toEqual(['ACoAAAU5f0EBFYU9aWHwe0I4dWT3Km15smJbbMw']);
    expect(linda?.nameElement.textContent?.trim()).toBe('Linda Rydälv (f.d. Heikkilä)');
    // Keys are unique per card: 25 people, 25 mentions.
    expect(new Set(mentions.map((m) => m.link)).size).toBe(mentions.length);
  }, 30_000);

  it('2024-08: a button-styled "View profile" link is not a second mention', () => {
    const doc = loadFixture(
      'profile-2024-08-logged-in-sparse.html',
      'https://www.linkedin.com/in/vasileiosalevizos/',
    );
    const mentions = findPersonMentions(doc);
    expect(mentions.filter((m) => m.key === 'bharath-kumar-vaddineni')).toHaveLength(1);
    expect(summary(mentions).some(([, name]) => name === 'View profile')).toBe(false);
    expect(mentions.map((m) => m.key)).not.toContain('vasileiosalevizos');
  }, 30_000);

  it('2026: post authors and rails, never the top card, its sticky copy or self-view placeholders', () => {
    const doc = loadFixture(
      'profile-2026-server-driven.html',
      'https://www.linkedin.com/in/tusharchauhan1410/',
    );
    expect(summary(findPersonMentions(doc))).toEqual([
      ['amardeepmodi', 'Amardeep Modi'],
      ['samson-david-87175513', 'Samson David'],
      ['radovan-simic', 'Radovan Simic'],
      ['ritesh-jha09', 'Ritesh Jha'],
      ['naman-dhiman', 'Naman Dhiman'],
      ['mradul-gaur-734730165', 'Mradul Gaur'],
      ['manjunath-r-3a0634103', 'Manjunath R'],
      ['amogh-garg-50851a16', 'Amogh Garg'],
      ['mits12', 'Mitansha works here'],
    ]);
  }, 30_000);

  it('2026 seen from elsewhere: the owner’s posts count, the top card and sticky header do not', () => {
    const doc = loadFixture('profile-2026-server-driven.html', 'https://www.linkedin.com/feed/');
    const mentions = findPersonMentions(doc);
    const own = mentions.filter((m) => m.key === 'tusharchauhan1410');
    expect(own.length).toBeGreaterThan(0);
    for (const mention of own) {
      expect(mention.link.closest('[componentkey$="Topcard"]')).toBeNull();
      expect(mention.link.closest('[inert]')).toBeNull();
      expect(mention.link.getAttribute('href')).not.toContain('isSelfProfile');
      expect(mention.nameElement.textContent?.trim()).toBe('Tushar Chauhan');
    }
  }, 30_000);
});

describe('aliases', () => {
  it('does not take a named member-id link in the same card (a mutual connection) as an alias', () => {
    const source = loadFixture(
      'profile-2024-07-logged-in.html',
      'https://www.linkedin.com/in/eduardo-alvarez-nowak/',
    );
    const card = source.querySelector('a[href*="/in/lindarydalv/"]')?.closest('li');
    const doc = new JSDOM('<!DOCTYPE html><html><body><ul></ul></body></html>', { url: LIST_URL })
      .window.document;
    const copy = card ? doc.importNode(card, true) : null;
    const idLink = copy?.querySelector('a[href*="/in/ACoAA"]');
    idLink?.append(doc.createTextNode('Someone Else'));
    if (copy) doc.querySelector('ul')?.append(copy);
    const mentions = findPersonMentions(doc);
    expect(mentions.map((m) => [m.key, m.aliases])).toEqual([
      ['ACoAAAU5f0EBFYU9aWHwe0I4dWT3Km15smJbbMw', []],
      ['lindarydalv', []],
    ]);
  }, 30_000);
});

describe('robustness', () => {
  it('works on a subtree and on empty or link-free roots', () => {
    const doc = loadFixture('list-2026-server-driven-rails.html', LIST_URL);
    const firstCard = doc.querySelector('a[href*="/in/ritesh-jha09/"]')?.parentElement;
    expect(firstCard && findPersonMentions(firstCard).map((m) => m.key)).toEqual(['ritesh-jha09']);
    expect(findPersonMentions(new JSDOM('').window.document)).toEqual([]);
  });

  it('reads a link again when the page points it at someone else', () => {
    const doc = loadFixture('list-2026-server-driven-rails.html', LIST_URL);
    const keys = () => findPersonMentions(doc).map((m) => m.key);
    const before = keys();
    expect(before).toContain('ritesh-jha09');
    // LinkedIn's lists reuse their elements: the same <a> may name another person later.
    for (const link of doc.querySelectorAll('a[href*="/in/ritesh-jha09/"]'))
      link.setAttribute('href', 'https://www.linkedin.com/in/someone-else-42/');
    expect(keys()).toEqual(before.map((key) => (key === 'ritesh-jha09' ? 'someone-else-42' : key)));
  });

  it('handles a 1,000-card page in one pass', () => {
    const source = loadFixture('list-2024-07-member-rails.html', LIST_URL);
    const cards = [
      ...new Set(
        [...source.querySelectorAll('[data-view-name="profile-component-entity"] a[href*="/in/"]')]
          .map((link) => link.closest('li'))
          .filter((li): li is HTMLLIElement => li !== null),
      ),
    ];
    expect(cards.length).toBe(10);
    const doc = new JSDOM('<!DOCTYPE html><html><body><main><ul></ul></main></body></html>', {
      url: LIST_URL,
    }).window.document;
    const list = doc.querySelector('ul');
    for (let i = 0; i < 100; i++)
      for (const card of cards) list?.append(doc.importNode(card, true));
    // How fast is measured by `npm run bench` in a real browser; here only that it is complete.
    expect(findPersonMentions(doc)).toHaveLength(1000);
  }, 30_000);
});

/** A page of `body` markup, served on `url`. */
function pageOf(body: string, url = LIST_URL): Document {
  return new JSDOM(`<!DOCTYPE html><html><body>${body}</body></html>`, { url }).window.document;
}

const ADA_ID = 'ACoAABS9BdoBSJFfAvbRCM0dr7lB5Eggww93Ld0';

describe('one person per card, whatever links they have in it', () => {
  it('2025 feed: the repost header’s photo and name, and the author’s, are one mention per post', () => {
    const mentions = findPersonMentions(
      loadFixture('feed-2025-ember.html', 'https://www.linkedin.com/feed/'),
    );
    expect(summary(mentions)).toEqual([
      ['tusharchauhan1410', 'Tushar Chauhan'], // "Tushar Chauhan reposted this": photo + name
      ['tusharchauhan1410', 'Tushar Chauhan'], // the next post, his own: photo + name
    ]);
    expectChipsOnNames(mentions);
    // Both links carry his member id in their query: it is kept as an alias.
    expect(mentions[0]?.aliases).toEqual(['ACoAACEW86UB-5Nt6tXEUs3WPWmRRFXYsBfz-Qs']);
  }, 30_000);

  it('2025 activity page: the owner’s own posts name nobody else', () => {
    const url = 'https://www.linkedin.com/in/tusharchauhan1410/recent-activity/all/';
    expect(findPersonMentions(loadFixture('activity-2025-ember-posts.html', url))).toEqual([]);
  }, 30_000);

  it('2025 post page: the author once, the reactors’ bare photos never', () => {
    const url = 'https://www.linkedin.com/feed/update/urn:li:activity:1234567890/';
    const doc = loadFixture('post-2025-ember-it.html', url);
    expect(doc.querySelectorAll('a[href*="/in/"]')).toHaveLength(4);
    expect(summary(findPersonMentions(doc))).toEqual([['mario-rossi-0000', 'Mario Rossi']]);
  }, 30_000);

  it.each([
    'connections-2026-server-driven-it.html',
    'connections-2026-server-driven-nested-link.html',
    'followers-2026-server-driven-it.html',
  ])(
    '2026 My Network (%s): the photo link, the name link and the parser’s copies are one',
    (file) => {
      const doc = loadFixture(
        file,
        'https://www.linkedin.com/mynetwork/invite-connect/connections/',
      );
      const mentions = findPersonMentions(doc);
      expect(summary(mentions)).toEqual([
        ['anna-bianchi', 'Anna Bianchi'],
        ['paolo-neri', 'Paolo Neri'],
        ['gina-blu', 'Gina Blu'],
      ]);
      expectChipsOnNames(mentions);
      for (const mention of mentions)
        expect(mention.card.getAttribute('componentkey')).toMatch(/^ConnectionCard_/);
    },
    30_000,
  );

  it('a person named in a post by member id and by slug is one mention', () => {
    const doc = pageOf(
      `<div role="article" data-urn="urn:li:activity:1">
        <a href="/in/someone-else/">Someone Else</a> reposted this
        <p>Thanks <a href="https://www.linkedin.com/in/${ADA_ID}">Ada Lovelace</a>!</p>
        <p>Say hi to <a href="https://www.linkedin.com/in/ada-lovelace/">Ada  Lovelace</a>.</p>
      </div>`,
    );
    expect(findPersonMentions(doc).map((m) => [m.key, m.aliases])).toEqual([
      ['someone-else', []],
      ['ada-lovelace', [ADA_ID]],
    ]);
  });

  it('a slug link that carries the member id in its query ties a differently named id link to it', () => {
    const doc = pageOf(
      `<li><a href="/in/ada-lovelace/?miniProfileUrn=urn%3Ali%3Afsd_profile%3A${ADA_ID}">Ada Lovelace</a>
        <a href="/in/${ADA_ID}/">Ada</a>
        <a href="/in/someone-else/">Someone Else</a></li>`,
    );
    expect(findPersonMentions(doc).map((m) => [m.key, m.aliases])).toEqual([
      ['ada-lovelace', [ADA_ID]],
      ['someone-else', []],
    ]);
  });

  it('cards no selector knows are bounded by the other people’s links', () => {
    const card = (slug: string, name: string) =>
      `<div><a href="/in/${slug}/"><figure><img alt=""></figure></a><div><a href="/in/${slug}/"><p>${name}</p></a></div></div>`;
    const doc = pageOf(
      `<main>${card('ada', 'Ada')}${card('grace', 'Grace')}${card('ada', 'Ada')}</main>`,
    );
    const mentions = findPersonMentions(doc);
    expect(summary(mentions)).toEqual([
      ['ada', 'Ada'],
      ['grace', 'Grace'],
      ['ada', 'Ada'],
    ]);
    expect(new Set(mentions.map((m) => m.card)).size).toBe(3);
  });
});
