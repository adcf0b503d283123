/**
 * Invisible to LinkedIn: LinkedIn's scripts probe for extensions by messaging through
 * `externally_connectable`, by fetching `web_accessible_resources` at `chrome-extension://<id>/…`,
 * and by scanning the DOM. Each probe is played here from the page's main world against the
 * built extension; the DOM is compared with the same page in a Chromium without the extension.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  EXTENSION_DIR,
  PAGES,
  closedIslands,
  fixtureHtml,
  launch,
  openExtensionPage,
  seedDatabase,
  spaNavigate,
  tabIdOf,
  waitForIsland,
  type Harness,
} from './harness';
import {
  attachScriptWorld,
  domSnapshot,
  launchPlain,
  seenIdentity,
  setSettings,
  type PlainBrowser,
} from './security-support';
import { newPerson } from '@/utils/model';

const LIST_URL = 'https://www.linkedin.com/search/results/people/';
const LIST_HTML = fixtureHtml('list-2024-07-member-rails.html');
/** Two people the list page shows, to be known (tagged) so that chips are drawn for them. */
const LISTED = [
  ...new Set([...LIST_HTML.matchAll(/linkedin\.com\/in\/([a-z0-9-]+)/g)].map((m) => m[1]!)),
].slice(0, 2);

function builtFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? builtFiles(path) : [relative(EXTENSION_DIR, path)];
  });
}

/** Records, from the page's first script on, every message event and every event named with the id. */
function recordPageEvents() {
  const seen: string[] = [];
  (window as unknown as { __seen: string[] }).__seen = seen;
  const record = (where: string) => (event: Event) => {
    const data = (event as MessageEvent).data;
    seen.push(`${where} ${event.type} ${typeof data === 'string' ? data : JSON.stringify(data)}`);
  };
  window.addEventListener('message', record('window'), true);
  document.addEventListener('message', record('document'), true);
}

async function settle(h: Harness, page: Page, slug: string): Promise<void> {
  // Our script has read the page once the background remembers who is on the tab.
  const tabId = await tabIdOf(h, page);
  await expect
    .poll(async () => (await seenIdentity(h, tabId))?.slug, { timeout: 20_000 })
    .toBe(slug);
  // Long enough for a badge and chips to appear when they would (the foundation expects < 1 s).
  await page.waitForTimeout(2000);
}

async function openIn(context: { newPage(): Promise<Page> }, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(recordPageEvents);
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  return page;
}

describe('invisible to LinkedIn', () => {
  let h: Harness;
  let plain: PlainBrowser;

  beforeAll(async () => {
    h = await launch();
    h.serve(LIST_URL, LIST_HTML);
    plain = await launchPlain();
    plain.serve(LIST_URL, LIST_HTML);
    await seedDatabase(h, {
      people: [
        newPerson('eduardo-alvarez-nowak', Date.now(), {
          roles: ['mentor'],
          name: 'Eduardo Alvarez Nowak',
        }),
        newPerson('vasileiosalevizos', Date.now(), { roles: ['ally'] }),
        ...LISTED.map((slug) => newPerson(slug, Date.now(), { roles: ['sponsor'] })),
      ],
    });
  });
  afterAll(async () => {
    await h?.close();
    await plain?.close();
  });

  it('declares nothing a page can reach: no externally_connectable, no web-accessible resources', () => {
    const manifest = JSON.parse(
      readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'),
    ) as Record<string, unknown>;
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(LISTED).toHaveLength(2);
  });

  it('(1) answers no message sent from the page through externally_connectable', async () => {
    const page = await openIn(h.context, PAGES.eduardo.url);
    await settle(h, page, 'eduardo-alvarez-nowak');
    const probe = await page.evaluate(async (id) => {
      const runtime = (
        globalThis as { chrome?: { runtime?: { sendMessage?: unknown; connect?: unknown } } }
      ).chrome?.runtime;
      if (typeof runtime?.sendMessage !== 'function') return { reachable: false, answer: null };
      const send = runtime.sendMessage as (id: string, message: unknown) => Promise<unknown>;
      const answer = await Promise.race([
        send(id, { type: 'profile/summary', identity: { slug: 'eduardo-alvarez-nowak' } }).catch(
          (e: Error) => `error: ${e.message}`,
        ),
        new Promise((resolve) => setTimeout(() => resolve('timeout'), 3000)),
      ]);
      return { reachable: true, answer };
    }, h.extensionId);
    // Either the page sees no chrome.runtime at all, or asking our id gets no answer.
    if (probe.reachable) expect(String(probe.answer)).toMatch(/^(error|timeout)/);
    else expect(probe.answer).toBeNull();
    await page.close();
  });

  it('(2) lets the page fetch none of the built files at chrome-extension://<id>/…', async () => {
    const files = builtFiles(EXTENSION_DIR);
    expect(files).toContain('linkedin.js');
    // The same fetches from the extension's own page succeed: the files are there to be found.
    const own = await openExtensionPage(h, 'popup.html');
    const fromExtension = await own.evaluate(
      async ({ id, files }) =>
        Promise.all(
          files.map((f) =>
            fetch(`chrome-extension://${id}/${f}`).then(
              (r) => r.ok,
              () => false,
            ),
          ),
        ),
      { id: h.extensionId, files },
    );
    expect(fromExtension.every(Boolean)).toBe(true);
    await own.close();

    const page = await openIn(h.context, PAGES.eduardo.url);
    const fromPage = await page.evaluate(
      async ({ id, files }) => {
        const viaFetch = await Promise.all(
          files.map((f) =>
            fetch(`chrome-extension://${id}/${f}`).then(
              () => `${f}: fetched`,
              () => null,
            ),
          ),
        );
        const viaImage = await new Promise<string | null>((resolve) => {
          const img = new Image();
          img.onload = () => resolve('icon loaded');
          img.onerror = () => resolve(null);
          img.src = `chrome-extension://${id}/icon/16.png`;
        });
        return [...viaFetch, viaImage].filter((x) => x !== null);
      },
      { id: h.extensionId, files },
    );
    expect(fromPage).toEqual([]);
    await page.close();
  });

  it('(3) with stealth on, leaves the DOM exactly as it is without the extension', async () => {
    await setSettings(h, { stealth: true });
    try {
      for (const [url, slug] of [
        [PAGES.eduardo.url, 'eduardo-alvarez-nowak'],
        [LIST_URL, null],
      ] as const) {
        const ours = await openIn(h.context, url);
        if (slug) await settle(h, ours, slug);
        else await ours.waitForTimeout(3000);
        const control = await openIn(plain.context, url);
        await control.waitForTimeout(500);
        const [withUs, without] = [await domSnapshot(ours), await domSnapshot(control)];
        expect(withUs.hosts).toBe(0);
        expect(withUs.full).toBe(without.full);
        await ours.close();
        await control.close();
      }
    } finally {
      await setSettings(h, { stealth: false });
    }
  });

  it('(3) with stealth off, adds only one bare host per badge or chip, with a closed shadow root', async () => {
    for (const [url, slug] of [
      [PAGES.eduardo.url, 'eduardo-alvarez-nowak'],
      [LIST_URL, null],
    ] as const) {
      const ours = await openIn(h.context, url);
      if (slug) await waitForIsland(ours, (i) => i.text.includes('Open record'));
      await expect
        .poll(
          async () => (await closedIslands(ours)).filter((i) => i.text.includes('Sponsor')).length,
          {
            timeout: 20_000,
          },
        )
        .toBe(LISTED.length);
      await ours.waitForTimeout(1000);
      const islands = await closedIslands(ours);
      const control = await openIn(plain.context, url);
      await control.waitForTimeout(500);
      const [withUs, without] = [await domSnapshot(ours), await domSnapshot(control)];
      // Take our hosts out and nothing else differs: no class, id or attribute of ours anywhere.
      expect(withUs.hosts).toBe(islands.length);
      expect(islands.filter((i) => i.text.includes('Open record'))).toHaveLength(slug ? 1 : 0);
      expect(withUs.lines).toEqual(without.lines);
      // Not even inside our own shadow roots is there an extension URL or our id.
      expect(withUs.full).not.toContain('chrome-extension://');
      expect(withUs.full).not.toContain(h.extensionId);
      // The page itself sees plain spans and no shadow root at all.
      const seenByPage = await ours.evaluate(() => ({
        shadowRoots: [...document.querySelectorAll('*')].filter((el) => el.shadowRoot !== null)
          .length,
        html: document.documentElement.outerHTML.includes('chrome-extension://'),
      }));
      expect(seenByPage).toEqual({ shadowRoots: 0, html: false });
      await ours.close();
      await control.close();
    }
  });

  it('posts no window message and names no DOM event with the extension id', async () => {
    const bundle = readFileSync(join(EXTENSION_DIR, 'linkedin.js'), 'utf8');
    expect(bundle).not.toContain('postMessage');
    expect(bundle).not.toMatch(/wxt:(content-script-started|locationchange)/);

    const page = await openIn(h.context, PAGES.eduardo.url);
    await settle(h, page, 'eduardo-alvarez-nowak');
    await spaNavigate(page, PAGES.vasileios.url, fixtureHtml(PAGES.vasileios.file));
    await waitForIsland(page, (i) => i.text.includes('Ally'));
    const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
    expect(seen.filter((s) => s.includes(h.extensionId) || s.includes('wxt'))).toEqual([]);
    expect(seen).toEqual([]);
    await page.close();
  });

  it('leaves no listener, observer or badge behind after ten round trips between two profiles', async () => {
    const page = await h.context.newPage();
    const world = await attachScriptWorld(page, h.extensionId);
    await page.goto(PAGES.eduardo.url, { waitUntil: 'domcontentloaded' });
    await waitForIsland(page, (i) => i.text.includes('Mentor'));
    // Settled: the badge and a chip for each known person in the profile's rails.
    await expect
      .poll(async () => (await closedIslands(page)).length, { timeout: 20_000 })
      .toBe(1 + LISTED.length);
    const before = {
      listeners: await world.listenerCounts(),
      hosts: (await domSnapshot(page)).hosts,
    };
    expect(before.hosts).toBeGreaterThan(0);

    for (let round = 0; round < 10; round++) {
      await spaNavigate(page, PAGES.vasileios.url, fixtureHtml(PAGES.vasileios.file), 50);
      await waitForIsland(page, (i) => i.text.includes('Ally'));
      await spaNavigate(page, PAGES.eduardo.url, fixtureHtml(PAGES.eduardo.file), 50);
      await waitForIsland(page, (i) => i.text.includes('Mentor'));
    }
    await expect
      .poll(async () => (await closedIslands(page)).length, { timeout: 20_000 })
      .toBe(1 + LISTED.length);
    await page.waitForTimeout(1000);
    const after = {
      listeners: await world.listenerCounts(),
      hosts: (await domSnapshot(page)).hosts,
    };
    expect(after).toEqual(before);
    expect(world.errors).toEqual([]);
    await world.detach();
    await page.close();
  });
});
