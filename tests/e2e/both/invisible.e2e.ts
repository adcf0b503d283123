/**
 * Invisible to LinkedIn, in Chromium and in Firefox: the page finds no URL of the extension, no
 * element it can read into, and no message or event naming it. Each probe is played from the
 * page's own world against the built extension; the DOM is compared with the same page in the
 * same browser without the extension. (Chromium's CDP-only checks: tests/e2e/invisible.e2e.ts.)
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, startSession, type Session, type Tab } from '../browsers';
import { EXTENSION_DIR, PAGES, fixtureHtml } from '../harness';
import { FIREFOX_EXTENSION_DIR } from '../firefox-harness';
import { navigateInPage, waitFor, waitForIsland } from '../tab-actions';
import { seedThroughBackup } from './seed';
import { newPerson } from '@/utils/model';

const LIST_URL = 'https://www.linkedin.com/search/results/people/';
const LIST_HTML = fixtureHtml('list-2024-07-member-rails.html');
/** Two people the list page shows, to be known (tagged) so that chips are drawn for them. */
const LISTED = [
  ...new Set([...LIST_HTML.matchAll(/linkedin\.com\/in\/([a-z0-9-]+)/g)].map((m) => m[1]!)),
].slice(0, 2);

function builtFiles(root: string, dir = root): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? builtFiles(root, path) : [relative(root, path)];
  });
}

/** Records, from the page's first script on, every message event the page can receive. */
function recordPageEvents() {
  const seen: string[] = [];
  (window as unknown as { __seen: string[] }).__seen = seen;
  for (const target of [window, document]) {
    target.addEventListener(
      'message',
      (event) => {
        const data = (event as MessageEvent).data;
        seen.push(`${event.type} ${typeof data === 'string' ? data : JSON.stringify(data)}`);
      },
      true,
    );
  }
}

/** What the page itself can see of us. */
function seenByPage(giveaways: string[]) {
  const html = document.documentElement.outerHTML;
  return {
    shadowRoots: [...document.querySelectorAll('*')].filter((el) => el.shadowRoot !== null).length,
    badgeInText: ['Open record', 'Last touch', 'Tag in Alliance Map', 'Sponsor'].filter((t) =>
      document.body.innerText.includes(t),
    ),
    giveaways: giveaways.filter((g) => html.includes(g)),
  };
}

describe.each(BROWSERS)('invisible to LinkedIn in %s', (browser) => {
  let session: Session;
  let plain: Session;
  const extensionDir = browser === 'chromium' ? EXTENSION_DIR : FIREFOX_EXTENSION_DIR;

  /** Our script has read the page once the background remembers who is on the tab. */
  const settle = async (tab: Tab, slug: string | null) => {
    if (slug) {
      const tabId = await session.tabIdOf(tab);
      await waitFor(`the extension to read ${slug}`, () =>
        session.inExtension(async (key) => {
          const stored = await chrome.storage.session.get(key);
          return (stored[key] as { slug?: string } | undefined)?.slug;
        }, `tab:${tabId}`),
      );
    }
    // Long enough for a badge and chips to appear when they would (the foundation expects < 1 s).
    await new Promise((resolve) => setTimeout(resolve, 2000));
  };

  beforeAll(async () => {
    session = await startSession(browser);
    plain = await startSession(browser, { plain: true });
    for (const s of [session, plain]) s.serve(LIST_URL, LIST_HTML);
    const now = Date.now();
    await seedThroughBackup(session, {
      people: [
        newPerson('eduardo-alvarez-nowak', now, {
          roles: ['mentor'],
          name: 'Eduardo Alvarez Nowak',
        }),
        newPerson('vasileiosalevizos', now, { roles: ['ally'] }),
        ...LISTED.map((slug) => newPerson(slug, now, { roles: ['sponsor'] })),
      ],
    });
  });
  afterAll(async () => {
    await session?.close();
    await plain?.close();
  });

  it('declares nothing a page can reach: no externally_connectable, no web-accessible resources', () => {
    const manifest = JSON.parse(
      readFileSync(join(extensionDir, 'manifest.json'), 'utf8'),
    ) as Record<string, unknown>;
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(LISTED).toHaveLength(2);
  });

  it('answers no message sent from the page', async () => {
    const tab = await session.openTab(PAGES.eduardo.url);
    await settle(tab, 'eduardo-alvarez-nowak');
    const id = session.giveaways.at(-1)!;
    const probe = await tab.evaluate(async (id) => {
      const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome
        ?.runtime;
      if (typeof runtime?.sendMessage !== 'function') return { reachable: false, answer: null };
      const send = runtime.sendMessage as (id: string, message: unknown) => Promise<unknown>;
      const answer = await Promise.race([
        send(id, { type: 'profile/summary', identity: { slug: 'eduardo-alvarez-nowak' } }).catch(
          (e: Error) => `error: ${e.message}`,
        ),
        new Promise((resolve) => setTimeout(() => resolve('timeout'), 3000)),
      ]);
      return { reachable: true, answer };
    }, id);
    // Either the page sees no runtime at all, or asking our id gets no answer.
    if (probe.reachable) expect(String(probe.answer)).toMatch(/^(error|timeout)/);
    else expect(probe.answer).toBeNull();
    await tab.close();
  });

  it("lets the page load none of the extension's files by their URL", async () => {
    const files = builtFiles(extensionDir);
    expect(files).toContain('linkedin.js');
    const load = async (tab: Tab) =>
      tab.evaluate(
        async ({ origin, files }) => {
          const fetched = await Promise.all(
            files.map((f) =>
              fetch(`${origin}/${f}`).then(
                (r) => (r.ok ? f : null),
                () => null,
              ),
            ),
          );
          const image = await new Promise<string | null>((resolve) => {
            const img = new Image();
            img.onload = () => resolve('icon/16.png as an image');
            img.onerror = () => resolve(null);
            img.src = `${origin}/icon/16.png`;
          });
          return [...fetched, image].filter((x) => x !== null);
        },
        { origin: session.origin, files },
      );
    // From the extension's own page the same URLs load: the files are there to be found.
    const own = await session.openExtensionPage('popup.html');
    expect(await load(own)).toHaveLength(files.length + 1);
    await own.close();
    const page = await session.openTab(PAGES.eduardo.url);
    expect(await load(page)).toEqual([]);
    await page.close();
  });

  it('adds only one bare host per badge or chip, with a closed shadow root, and nothing else', async () => {
    for (const [url, slug] of [
      [PAGES.eduardo.url, 'eduardo-alvarez-nowak'],
      [LIST_URL, null],
    ] as const) {
      const ours = await session.openTab(url);
      if (slug) await waitForIsland(ours, (i) => i.text.includes('Open record'));
      await expect
        .poll(async () => (await ours.islands()).filter((i) => i.text.includes('Sponsor')).length, {
          timeout: 20_000,
        })
        .toBe(LISTED.length);
      await settle(ours, null);
      const islands = await ours.islands();
      const control = await plain.openTab(url);
      const [withUs, without] = [await ours.domSnapshot(), await control.domSnapshot()];
      // Take our hosts out and nothing else differs: no class, id or attribute of ours anywhere.
      expect(withUs.hosts).toBe(islands.length);
      expect(islands.filter((i) => i.text.includes('Open record'))).toHaveLength(slug ? 1 : 0);
      expect(withUs.lines).toEqual(without.lines);
      // Not even inside our own shadow roots is there an extension URL or id.
      for (const giveaway of session.giveaways) expect(withUs.full).not.toContain(giveaway);
      // The page itself sees plain spans, no shadow root and none of the badge's text.
      expect(await ours.evaluate(seenByPage, session.giveaways)).toEqual({
        shadowRoots: 0,
        badgeInText: [],
        giveaways: [],
      });
      await ours.close();
      await control.close();
    }
  });

  it('posts no message and names no event the page can hear, across in-page navigation', async () => {
    const bundle = readFileSync(join(extensionDir, 'linkedin.js'), 'utf8');
    expect(bundle).not.toContain('postMessage');
    expect(bundle).not.toMatch(/wxt:(content-script-started|locationchange)/);
    const tab = await session.openTab(PAGES.eduardo.url, { beforePageScripts: recordPageEvents });
    await settle(tab, 'eduardo-alvarez-nowak');
    await navigateInPage(tab, PAGES.vasileios.url, fixtureHtml(PAGES.vasileios.file));
    await waitForIsland(tab, (i) => i.text.includes('Ally'));
    const seen = await tab.evaluate(
      () => (window as unknown as { __seen?: string[] }).__seen,
      null,
    );
    expect(seen).toEqual([]);
    await tab.close();
  });

  it('with stealth on, leaves the DOM exactly as it is without the extension', async () => {
    const setStealth = (stealth: boolean) =>
      session.inExtension(async (stealth) => {
        const { settings } = await chrome.storage.local.get('settings');
        await chrome.storage.local.set({ settings: { ...(settings as object), stealth } });
      }, stealth);
    await setStealth(true);
    try {
      for (const [url, slug] of [
        [PAGES.eduardo.url, 'eduardo-alvarez-nowak'],
        [LIST_URL, null],
      ] as const) {
        const ours = await session.openTab(url);
        await settle(ours, slug);
        const control = await plain.openTab(url);
        const [withUs, without] = [await ours.domSnapshot(), await control.domSnapshot()];
        expect(withUs.hosts).toBe(0);
        expect(withUs.full).toBe(without.full);
        await ours.close();
        await control.close();
      }
    } finally {
      await setStealth(false);
    }
  });
});
