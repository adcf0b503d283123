// @vitest-environment jsdom
/**
 * The list-chips feature against a real list page: one batched lookup per batch of new cards,
 * never one per card, nothing asked twice, and everything stopped when its signal aborts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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
const { findPersonMentions } = await import('@/utils/linkedin/mentions');
const { DATA_CHANGED_KEY } = await import('@/utils/storage-keys');
const { fakeBrowser } = await import('wxt/testing/fake-browser');

const PAGE = readFileSync(
  join(import.meta.dirname, '../../fixtures/linkedin/list-2024-07-member-rails.html'),
  'utf8',
);

/** Every element given a shadow root (closed roots cannot be found from the DOM). */
let shadowHosts: Element[] = [];
const originalAttach = Element.prototype.attachShadow;
const hosts = () => shadowHosts.filter((host) => host.isConnected);

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('list chips', () => {
  let controller: AbortController;

  beforeEach(() => {
    const parsed = new DOMParser().parseFromString(PAGE, 'text/html');
    document.documentElement.replaceWith(document.importNode(parsed.documentElement, true));
    shadowHosts = [];
    Element.prototype.attachShadow = function (init) {
      shadowHosts.push(this);
      return originalAttach.call(this, init);
    };
    ask.mockReset();
    ask.mockImplementation(async (_type: string, { keys }: { keys: string[] }) =>
      Object.fromEntries(
        keys
          .filter((k) => k === 'lanahaddad87')
          .map((k) => [k, { roles: ['mentor'], due: false, overdueFollowUps: 0 }]),
      ),
    );
    controller = new AbortController();
  });
  afterEach(() => {
    controller.abort();
    Element.prototype.attachShadow = originalAttach;
  });

  const start = () =>
    listChips.init(controller.signal, {
      url: new URL('https://www.linkedin.com/search/results/people/'),
      settings: DEFAULT_SETTINGS,
    });

  it('asks once for the whole screenful and draws chips for known people only', async () => {
    void start();
    await settle();
    expect(ask).toHaveBeenCalledTimes(1);
    const [type, { keys }] = ask.mock.calls[0] as [string, { keys: string[] }];
    expect(type).toBe('lists/lookup');
    // Ten people, each by slug and by the member id their links carry.
    expect(keys).toHaveLength(20);
    expect(keys.filter((key) => key.startsWith('ACoAA'))).toHaveLength(10);
    expect(hosts()).toHaveLength(1);
  });

  it('finds a person known by member id through the id their card’s links carry', async () => {
    ask.mockImplementation(async () => ({
      ACoAAAkgojgBtkkVZh18AKnm0Gyu_zLIIXOKFdg: {
        roles: ['sponsor'],
        due: false,
        overdueFollowUps: 0,
      },
    }));
    void start();
    await settle();
    expect(hosts()).toHaveLength(1);
    expect(hosts()[0]!.closest('a')?.getAttribute('href')).toContain('/in/lanahaddad87');
  });

  it('asks only about people it has not asked about, and draws every card that scrolled in', async () => {
    void start();
    await settle();
    const card = document.querySelector('a[href*="/in/lanahaddad87"]')!.closest('li')!;
    for (let i = 0; i < 5; i++) card.parentElement!.append(card.cloneNode(true));
    await settle();
    expect(ask).toHaveBeenCalledTimes(1);
    expect(hosts()).toHaveLength(6);

    const stranger = card.cloneNode(true) as HTMLElement;
    for (const link of stranger.querySelectorAll('a[href*="/in/lanahaddad87"]'))
      link.setAttribute('href', 'https://www.linkedin.com/in/someone-new/');
    card.parentElement!.append(stranger);
    await settle();
    expect(ask).toHaveBeenCalledTimes(2);
    expect((ask.mock.calls[1] as [string, { keys: string[] }])[1].keys).toEqual(['someone-new']);
    expect(hosts()).toHaveLength(6);
  });

  it('while the page is parsed, draws a card once the parser is past it', async () => {
    // The known person's card is the last thing parsed so far: more of it may be coming.
    const { card } = findPersonMentions(document).find((m) => m.key === 'lanahaddad87')!;
    const list = document.createElement('ul');
    document.body.append(list);
    list.append(card);
    Object.defineProperty(document, 'readyState', { value: 'loading', configurable: true });
    try {
      void start();
      card.append(document.createElement('span')); // the parser adds more of the card
      await settle();
      expect(ask).toHaveBeenCalledTimes(1);
      expect((ask.mock.calls[0] as [string, { keys: string[] }])[1].keys).toHaveLength(18);
      expect(hosts()).toHaveLength(0);
      document.body.append(document.createElement('footer')); // the parser moves past it
      await settle();
      expect(hosts()).toHaveLength(1);
      document.dispatchEvent(new Event('DOMContentLoaded'));
      await settle();
      expect(hosts()).toHaveLength(1);
      expect(ask).toHaveBeenCalledTimes(2);
      expect((ask.mock.calls[1] as [string, { keys: string[] }])[1].keys).toEqual([
        'lanahaddad87',
        'ACoAAAkgojgBtkkVZh18AKnm0Gyu_zLIIXOKFdg',
      ]);
    } finally {
      delete (document as { readyState?: string }).readyState;
    }
  });

  it('stops observing and removes its chips when aborted', async () => {
    void start();
    await settle();
    controller.abort();
    expect(hosts()).toHaveLength(0);
    const card = document.querySelector('a[href*="/in/lanahaddad87"]')!.closest('li')!;
    card.parentElement!.append(card.cloneNode(true));
    await settle();
    expect(ask).toHaveBeenCalledTimes(1);
  });

  it('draws the answers to the latest change, even when an older change’s come back last', async () => {
    const roots: ShadowRoot[] = [];
    Element.prototype.attachShadow = function (init) {
      const root = originalAttach.call(this, init);
      roots.push(root);
      return root;
    };
    // Everyone on the page is known, each in the role the answer gives.
    const answers: ((role: string) => void)[] = [];
    ask.mockImplementation(
      (_type: string, { keys }: { keys: string[] }) =>
        new Promise((resolve) =>
          answers.push((role) =>
            resolve(
              Object.fromEntries(
                keys.map((k) => [k, { roles: [role], due: false, overdueFollowUps: 0 }]),
              ),
            ),
          ),
        ),
    );
    void start();
    await settle();
    answers[0]!('mentor');
    await settle();
    const chipTexts = () => roots.filter((r) => r.host.isConnected).map((r) => r.textContent);
    expect(chipTexts()).toHaveLength(10);
    expect(chipTexts().every((text) => text?.includes('Mentor'))).toBe(true);

    await fakeBrowser.storage.local.set({ [DATA_CHANGED_KEY]: 1 });
    await fakeBrowser.storage.local.set({ [DATA_CHANGED_KEY]: 2 });
    await settle();
    expect(answers).toHaveLength(3);
    answers[2]!('sponsor');
    await settle();
    answers[1]!('mentor'); // the older answer, from before the second change
    await settle();
    expect(chipTexts()).toHaveLength(10);
    expect(chipTexts().filter((text) => !text?.includes('Sponsor'))).toEqual([]);
  });
});
