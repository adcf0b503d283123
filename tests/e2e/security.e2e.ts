/**
 * Trusted with private notes (SECURITY.md): nothing leaves the machine during a full tour,
 * hostile text stored as notes, names and labels renders as inert text everywhere and never
 * reaches LinkedIn's DOM, and the extension pages run under a strict script policy.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import {
  EXTENSION_DIR,
  PAGES,
  ROOT,
  clickIslandButton,
  fixtureHtml,
  launch,
  openExtensionPage,
  seedDatabase,
  tabIdOf,
  waitForIsland,
  type Harness,
} from './harness';
import { HUGE_MARKUP, HUGE_WORD, MARKED, MARKER, PAYLOADS } from './payloads';
import { attachScriptWorld, domSnapshot, type ScriptWorld } from './security-support';
import { newPerson } from '@/utils/model';
import { PAGES_CSP } from '../../build/pages-connect-nowhere';

const LIST_URL = 'https://www.linkedin.com/search/results/people/';
const LIST_HTML = fixtureHtml('list-2024-07-member-rails.html');
const LISTED = [
  ...new Set([...LIST_HTML.matchAll(/linkedin\.com\/in\/([a-z0-9-]+)/g)].map((m) => m[1]!)),
].slice(0, 3);
const CONNECTIONS_CSV = join(ROOT, 'tests/fixtures/transfer/connections-current.csv');

/** A request that would leave the machine: anything but the extension's own files and inline data. */
const leaves = (url: string) => !/^(chrome-extension|data|blob|about|chrome):/.test(url);

describe('the extension pages run under a strict script policy', () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    content_security_policy?: { extension_pages?: string };
  };
  const policy = manifest.content_security_policy?.extension_pages ?? '';
  const directives = new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );

  it('states script-src and object-src as the extension itself only', () => {
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'self'"]);
    // Connections: itself, and a sync server over HTTPS or on this computer (docs/sync.md).
    expect(directives.get('connect-src')).toEqual([
      "'self'",
      'https:',
      'http://localhost:*',
      'http://127.0.0.1:*',
    ]);
  });

  it('allows no eval and no remote source in any directive but sync’s connections', () => {
    const others = [...directives].filter(([name]) => name !== 'connect-src');
    expect(others.flat(2).join(' ')).not.toMatch(
      /unsafe-eval|wasm-unsafe-eval|unsafe-inline|https?:|\*|data:|blob:/,
    );
  });

  it('gives every page a policy of its own that connects to nothing but the extension', () => {
    const pages = readdirSync(EXTENSION_DIR).filter((name) => name.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(4);
    for (const name of pages) {
      const html = readFileSync(join(EXTENSION_DIR, name), 'utf8');
      expect(html, name).toContain(
        `<meta http-equiv="Content-Security-Policy" content="${PAGES_CSP}">`,
      );
    }
    // Only the background carries the code that replicates with a server (docs/sync.md).
    const scripts = (function list(dir: string): string[] {
      return readdirSync(dir).flatMap((entry) => {
        const path = join(dir, entry);
        return statSync(path).isDirectory() ? list(path) : path.endsWith('.js') ? [path] : [];
      });
    })(EXTENSION_DIR);
    const replicating = scripts.filter((path) => readFileSync(path, 'utf8').includes('_revs_diff'));
    expect(replicating.map((path) => path.slice(EXTENSION_DIR.length + 1))).toEqual([
      'background.js',
    ]);
  });

  it('ships no eval, new Function or string timers in any built script', () => {
    const scripts = (function list(dir: string): string[] {
      return readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? list(path) : path.endsWith('.js') ? [path] : [];
      });
    })(EXTENSION_DIR);
    expect(scripts.length).toBeGreaterThan(3);
    for (const path of scripts) {
      const code = readFileSync(path, 'utf8');
      expect(code, path).not.toMatch(/\beval\s*\(|new Function\s*\(|\bFunction\s*\(\s*["'`]/);
      expect(code, path).not.toMatch(
        /\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write/,
      );
    }
  });
});

describe('nothing leaves the machine during a full tour', () => {
  let h: Harness;
  const ours: string[] = [];
  const linkedInInitiated: string[] = [];

  /** Every request the browser makes, attributed: the extension's pages and worker are ours. */
  const record = (request: Request) => {
    const worker = request.serviceWorker();
    const frameUrl = worker
      ? worker.url()
      : (() => {
          try {
            return request.frame().url();
          } catch {
            return '';
          }
        })();
    if (frameUrl.startsWith('chrome-extension://') && leaves(request.url()))
      ours.push(`${frameUrl} -> ${request.url()}`);
  };

  /** On LinkedIn's pages, a request is ours when our script's code is on its initiator's stack. */
  const watchLinkedIn = async (page: Page) => {
    const cdp = await h.context.newCDPSession(page);
    cdp.on(
      'Network.requestWillBeSent',
      (event: {
        request: { url: string };
        initiator: { url?: string; stack?: { callFrames: Array<{ url: string }> } };
      }) => {
        const frames = [
          event.initiator.url ?? '',
          ...(event.initiator.stack?.callFrames.map((f) => f.url) ?? []),
        ];
        if (
          frames.some((url) => url.startsWith('chrome-extension://')) &&
          leaves(event.request.url)
        ) {
          linkedInInitiated.push(event.request.url);
        }
      },
    );
    await cdp.send('Network.enable');
  };

  const openLinkedIn = async (url: string) => {
    const page = await h.context.newPage();
    await watchLinkedIn(page);
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    return page;
  };

  beforeAll(async () => {
    h = await launch();
    h.serve(LIST_URL, LIST_HTML);
    h.context.on('request', record);
  });
  afterAll(async () => {
    await h?.close();
  });

  it(
    'tags, edits, reports, imports and exports without one request off the machine',
    { timeout: 180_000 },
    async () => {
      // Tag from the badge.
      const profile = await openLinkedIn(PAGES.eduardo.url);
      await clickIslandButton(profile, '+ Tag in Alliance Map');
      await clickIslandButton(profile, 'Mentor');
      await waitForIsland(profile, (i) =>
        i.buttons.some((b) => b.label === 'Mentor' && b.pressed === 'true'),
      );

      // Quick tag: a note and a touch.
      const tab = await tabIdOf(h, profile);
      const popup = await openExtensionPage(h, `popup.html?tab=${tab}`);
      await popup.getByLabel(/One-line note/).fill('Asked about the offsite');
      await popup.getByRole('button', { name: 'Add note' }).click();
      await popup.getByText('Note saved.').waitFor();
      await popup.getByRole('button', { name: 'Offered help' }).click();
      await popup.getByText('Logged: Offered help.').waitFor();
      await popup.close();

      // Edit the full record.
      const panel = await openExtensionPage(h, `sidepanel.html?tab=${tab}`);
      await panel.getByRole('button', { name: 'Sponsor' }).click();
      await waitForIsland(profile, (i) => i.text.includes('Sponsor'));
      await panel.getByLabel('Motivations').fill('Wants the migration to land');
      await panel.getByLabel('Motivations').blur();
      await panel.close();

      // The report, and its Markdown export.
      const report = await openExtensionPage(h, 'report.html');
      await report.getByRole('heading', { level: 1 }).first().waitFor();
      const markdown = report.getByRole('button', { name: /Markdown/ });
      if ((await markdown.count()) > 0) {
        await Promise.all([report.waitForEvent('download'), markdown.first().click()]);
      }
      await report.close();

      // Backup, CSV export, LinkedIn import and a restore.
      const options = await openExtensionPage(h, 'options.html');
      const [backup] = await Promise.all([
        options.waitForEvent('download'),
        options.getByRole('button', { name: 'Export a backup' }).click(),
      ]);
      await Promise.all([
        options.waitForEvent('download'),
        options.getByRole('button', { name: 'Export people as CSV' }).click(),
      ]);
      await options.getByLabel(/LinkedIn export file/).setInputFiles(CONNECTIONS_CSV);
      await options.getByRole('button', { name: 'Import from LinkedIn' }).click();
      await options
        .getByRole('status')
        .filter({ hasText: /^Imported Connections\.csv/ })
        .waitFor();
      await options.getByLabel('Import a backup file').setInputFiles(await backup.path());
      await options.getByRole('radio', { name: /^Replace/ }).check();
      await options.getByRole('button', { name: 'Replace my data' }).click();
      await options
        .getByRole('status')
        .filter({ hasText: /^Backup restored/ })
        .waitFor();
      await options.close();

      // Chips on a list, and the profile again after the restore.
      const list = await openLinkedIn(LIST_URL);
      await list.waitForTimeout(1500);
      await waitForIsland(profile, (i) => i.text.includes('Mentor'));

      // The service worker asked for nothing either (its requests are recorded with the pages').
      await h.serviceWorker.evaluate(() => chrome.storage.local.get(null));
      expect(ours).toEqual([]);
      expect(linkedInInitiated).toEqual([]);
      // What the harness refused came from LinkedIn's own saved pages (their CDN), never from us.
      expect(h.refused.filter((url) => url.startsWith('chrome-extension://'))).toEqual([]);
      await list.close();
      await profile.close();
    },
  );

  it('cannot reach the network or run injected code from an extension page', async () => {
    const page = await openExtensionPage(h, 'popup.html');
    // The test's own code runs over CDP, which the policy does not govern; what it starts in the
    // page (a request, an inline or remote script) is governed, and each refusal is reported.
    const attempt = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        violations.push(e.effectiveDirective),
      );
      // Plain HTTP to another computer, HTTPS anywhere, a server on this computer: the page's
      // own policy refuses them all (only the background may reach the user's sync server).
      const fetched = await Promise.all(
        ['http://example.com/collect', 'https://example.com/collect', 'http://127.0.0.1:9/'].map(
          (url) =>
            fetch(url).then(
              () => 'reached',
              () => 'refused',
            ),
        ),
      );
      const inline = document.createElement('script');
      inline.textContent = 'window.__inlineRan = true';
      document.head.append(inline);
      const remote = document.createElement('script');
      remote.src = 'https://example.com/remote.js';
      const remoteLoaded = await new Promise<boolean>((resolve) => {
        remote.onload = () => resolve(true);
        remote.onerror = () => resolve(false);
        document.head.append(remote);
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      return {
        fetched,
        inlineRan: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true,
        remoteLoaded,
        violations: [...new Set(violations)].sort(),
      };
    });
    expect(attempt).toEqual({
      fetched: ['refused', 'refused', 'refused'],
      inlineRan: false,
      remoteLoaded: false,
      violations: ['connect-src', 'script-src-elem'],
    });
    // Refused by the page's policy, before any request existed.
    expect(h.refused.filter((url) => url.includes('example.com'))).toEqual([]);
    await page.close();
  });
});

describe('hostile text stored as notes, names and labels is inert everywhere', () => {
  let h: Harness;
  const now = Date.now();

  /** Calls of `__canary(n)` in any page are recorded in that page (main world). */
  function installCanary() {
    const fired: number[] = [];
    (window as unknown as { __fired: number[] }).__fired = fired;
    (window as unknown as { __canary: (n: number) => void }).__canary = (n) => fired.push(n);
  }

  const fired = (page: Page) =>
    page.evaluate(() => (window as unknown as { __fired?: number[] }).__fired ?? []);

  beforeAll(async () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(50);
    h = await launch();
    h.serve(LIST_URL, LIST_HTML);
    await h.context.addInitScript(installCanary);
    const day = 86_400_000;
    const eduardo = 'eduardo-alvarez-nowak';
    await seedDatabase(h, {
      people: [
        newPerson(eduardo, Date.now(), {
          name: PAYLOADS[8],
          headline: PAYLOADS[17],
          company: PAYLOADS[33],
          motivations: HUGE_MARKUP,
          influencedBy: PAYLOADS.join('\n'),
          roles: ['mentor', 'sponsor'],
        }),
        newPerson('vasileiosalevizos', Date.now(), {
          name: HUGE_WORD,
          headline: HUGE_WORD,
          roles: ['ally'],
        }),
        ...LISTED.map((slug, i) =>
          newPerson(slug, Date.now(), { name: PAYLOADS[i]!, roles: ['advisor'] }),
        ),
      ],
      notes: [
        ...PAYLOADS.map((text, i) => ({
          id: `pn${i}`,
          personSlug: eduardo,
          at: now - (i + 2) * day,
          text,
          createdAt: now,
          updatedAt: now,
        })),
        {
          id: 'pn-huge',
          personSlug: eduardo,
          at: now - day,
          text: HUGE_MARKUP,
          createdAt: now,
          updatedAt: now,
        },
        {
          id: 'pn-latest',
          personSlug: eduardo,
          at: now,
          text: PAYLOADS[0],
          createdAt: now,
          updatedAt: now,
        },
        {
          id: 'pn-word',
          personSlug: 'vasileiosalevizos',
          at: now,
          text: HUGE_WORD,
          createdAt: now,
          updatedAt: now,
        },
      ],
      touches: PAYLOADS.slice(0, 10).map((note, i) => ({
        id: `pt${i}`,
        personSlug: eduardo,
        at: now - i * day,
        kind: 'message',
        direction: 'both',
        note,
        createdAt: now,
      })),
      followUps: PAYLOADS.slice(10, 20).map((text, i) => ({
        id: `pf${i}`,
        personSlug: eduardo,
        text,
        due: now - (i - 5) * day,
        status: 'open',
        doneAt: null,
        createdAt: now,
      })),
      ties: [
        { id: 'ptie', a: eduardo, b: 'vasileiosalevizos', label: PAYLOADS[20], createdAt: now },
      ],
    });
  }, 180_000);
  afterAll(async () => {
    await h?.close();
  });

  /** The LinkedIn page shows none of the text, runs none of it, and the badge keeps its size. */
  async function checkLinkedInPage(page: Page, world: ScriptWorld) {
    const snapshot = await domSnapshot(page);
    expect(snapshot.full).not.toContain(MARKER);
    expect(snapshot.full).not.toContain('data-pwn');
    expect(await fired(page)).toEqual([]);
    expect(world.errors).toEqual([]);
    const layout = await page.evaluate(() => ({
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      pwn: document.querySelectorAll('[data-pwn]').length,
    }));
    expect(layout.pwn).toBe(0);
    return layout.overflow;
  }

  it(
    'draws the badge and chips without any of it, and nothing runs in LinkedIn’s page',
    { timeout: 120_000 },
    async () => {
      const overflowWithout = await (async () => {
        const bare = await h.context.newPage();
        await bare.route('**/*', (route) => route.abort());
        await bare.setContent(
          fixtureHtml(PAGES.eduardo.file).replace(/<script\b[\s\S]*?<\/script>/gi, ''),
        );
        const value = await bare.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        await bare.close();
        return value;
      })();

      const page = await h.context.newPage();
      const world = await attachScriptWorld(page, h.extensionId);
      await page.goto(PAGES.eduardo.url, { waitUntil: 'domcontentloaded' });
      const badge = await waitForIsland(
        page,
        (i) => i.text.includes('Mentor') && i.text.includes('notes'),
      );
      expect(badge.text).toMatch(new RegExp(`${PAYLOADS.length + 2} notes`));
      await clickIslandButton(page, 'Roles');
      await waitForIsland(page, (i) => i.buttons.some((b) => b.label === 'Advisor'));
      const overflow = await checkLinkedInPage(page, world);
      expect(overflow).toBeLessThanOrEqual(Math.max(0, overflowWithout));
      await world.detach();

      const list = await h.context.newPage();
      const listWorld = await attachScriptWorld(list, h.extensionId);
      await list.goto(LIST_URL, { waitUntil: 'domcontentloaded' });
      await expect
        .poll(async () => (await domSnapshot(list)).hosts, { timeout: 20_000 })
        .toBe(LISTED.length);
      await checkLinkedInPage(list, listWorld);
      await listWorld.detach();
      await list.close();
      await page.close();
    },
  );

  async function checkExtensionPage(page: Page) {
    const seen = await page.evaluate(
      ([marker, ownPolicy]) => {
        const text = document.body.innerText;
        return {
          // The page's own connection policy is the one meta element of its kind that belongs.
          pwn: document.querySelectorAll(
            `[data-pwn], script:not([src]), iframe, object, embed, base, meta[http-equiv]:not(head > meta[content="${ownPolicy}"])`,
          ).length,
          foreignStyles: [...document.querySelectorAll('style')].filter((s) =>
            s.textContent?.includes(marker),
          ).length,
          shownAsText: text.includes(marker),
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        };
      },
      [MARKER, PAGES_CSP] as const,
    );
    expect(seen).toEqual({ pwn: 0, foreignStyles: 0, shownAsText: true, overflow: 0 });
    expect(await fired(page)).toEqual([]);
  }

  it(
    'shows it as plain text in the popup, the side panel and the report, without sideways scrolling',
    { timeout: 180_000 },
    async () => {
      const profile = await h.context.newPage();
      await profile.goto(PAGES.eduardo.url, { waitUntil: 'domcontentloaded' });
      const tab = await tabIdOf(h, profile);

      const popup = await openExtensionPage(h, `popup.html?tab=${tab}`);
      await popup.setViewportSize({ width: 400, height: 600 });
      await expect.poll(() => popup.getByTestId('latest-note').textContent()).toBe(PAYLOADS[0]);
      expect(await popup.locator('#quick-tag-title').textContent()).toBe(PAYLOADS[8]);
      await checkExtensionPage(popup);
      await popup.close();

      const panel = await openExtensionPage(h, `sidepanel.html?tab=${tab}`);
      await panel.setViewportSize({ width: 360, height: 800 });
      await panel.getByLabel('Motivations').waitFor();
      await expect
        .poll(() => panel.evaluate((p) => document.body.innerText.includes(p), MARKED[5]!))
        .toBe(true);
      await checkExtensionPage(panel);
      await panel.close();

      const report = await openExtensionPage(h, 'report.html');
      await report.setViewportSize({ width: 800, height: 900 });
      await report.getByRole('heading', { level: 1 }).first().waitFor();
      await expect
        .poll(() => report.evaluate((m) => document.body.innerText.includes(m), MARKER))
        .toBe(true);
      await checkExtensionPage(report);
      await report.close();

      // A name of one unbroken megabyte stays inside the popup too.
      await profile.goto(PAGES.vasileios.url, { waitUntil: 'domcontentloaded' });
      const second = await openExtensionPage(h, `popup.html?tab=${tab}`);
      await second.setViewportSize({ width: 400, height: 600 });
      // Reading and drawing a megabyte-long name takes seconds on a loaded machine.
      await expect
        .poll(() => second.locator('#quick-tag-title').textContent(), { timeout: 30_000 })
        .toBe(HUGE_WORD);
      await checkExtensionPage(second);
      await second.close();
      await profile.close();
    },
  );
});
