// @vitest-environment jsdom
/**
 * The profile badge against a real profile page: it follows changes made elsewhere, and draws
 * the answer to the latest question even when an older answer comes back after it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PersonSummary } from '@/utils/db/lookups';
import type { Role } from '@/utils/model';

const ask = vi.fn();
vi.mock('@/utils/messaging/protocol', () => ({ ask: (...args: unknown[]) => ask(...args) }));
// As in list-chips.test.ts: the fake browser stands in for `wxt/browser` under jsdom.
vi.mock('wxt/browser', async () => ({
  browser: (await import('wxt/testing/fake-browser')).fakeBrowser,
}));

const { profileBadge } = await import('@/entrypoints/linkedin/features/profile-badge');
const { DEFAULT_SETTINGS } = await import('@/utils/model');
const { DATA_CHANGED_KEY } = await import('@/utils/storage-keys');
const { fakeBrowser } = await import('wxt/testing/fake-browser');

const PAGE = readFileSync(
  join(import.meta.dirname, '../../fixtures/linkedin/profile-2024-07-logged-in.html'),
  'utf8',
);
const URL_OF_PAGE = new URL('https://www.linkedin.com/in/eduardo-alvarez-nowak/');

const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

const summary = (roles: Role[]): PersonSummary => ({
  slug: 'eduardo-alvarez-nowak',
  name: 'Eduardo Alvarez Nowak',
  roles,
  noteCount: 0,
  lastTouchAt: null,
  dueAt: null,
  overdueFollowUps: 0,
});

describe('profile badge', () => {
  let controller: AbortController;
  let roots: ShadowRoot[];
  const originalAttach = Element.prototype.attachShadow;
  const badgeText = () =>
    roots
      .filter((root) => root.host.isConnected)
      .map((root) => root.textContent)
      .join('|');

  beforeEach(() => {
    const parsed = new DOMParser().parseFromString(PAGE, 'text/html');
    document.documentElement.replaceWith(document.importNode(parsed.documentElement, true));
    roots = [];
    Element.prototype.attachShadow = function (init) {
      const root = originalAttach.call(this, init);
      roots.push(root);
      return root;
    };
    // jsdom has no idle callbacks; the badge reads the whole top card in one.
    vi.stubGlobal('requestIdleCallback', (callback: () => void) => setTimeout(callback, 0));
    vi.stubGlobal('cancelIdleCallback', (handle: number) => clearTimeout(handle));
    controller = new AbortController();
  });
  afterEach(() => {
    controller.abort();
    Element.prototype.attachShadow = originalAttach;
    vi.unstubAllGlobals();
    ask.mockReset();
  });

  it('draws the answer to the latest change, even when an older answer comes back last', async () => {
    // Each question about the person is answered when the test says, in the role it says.
    const answers: ((roles: Role[]) => void)[] = [];
    ask.mockImplementation(
      (type: string) =>
        new Promise((resolve) => {
          if (type === 'profile/summary') answers.push((roles) => resolve(summary(roles)));
        }),
    );
    void profileBadge.init(controller.signal, { url: URL_OF_PAGE, settings: DEFAULT_SETTINGS });
    answers[0]!([]);
    await settle();
    expect(badgeText()).not.toContain('Ally');
    const asked = answers.length; // the first answer, and the idle read of the whole top card

    await fakeBrowser.storage.local.set({ [DATA_CHANGED_KEY]: 1 });
    await fakeBrowser.storage.local.set({ [DATA_CHANGED_KEY]: 2 });
    await settle();
    expect(answers).toHaveLength(asked + 2);
    answers[asked + 1]!(['ally']);
    await settle();
    expect(badgeText()).toContain('Ally');
    answers[asked]!([]); // the older answer, from before the second change
    await settle();
    expect(badgeText()).toContain('Ally');
  });
});
