/**
 * Real Chromium with the built extension loaded, LinkedIn served offline from saved pages
 * (CONTRIBUTING.md, "Debugging in a real browser"). Shared by the e2e tests, the demo and the bench.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  chromium,
  type BrowserContext,
  type CDPSession,
  type Page,
  type Worker,
} from 'playwright-core';
import { storedPeople, type PeopleRecords } from '../../utils/db/stored-person';
import type { Person } from '../../utils/model';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = resolve(ROOT, process.env.EXTENSION_DIR ?? '.output/chrome-mv3');
export const FIXTURES = join(ROOT, 'tests/fixtures/linkedin');

/** The saved LinkedIn pages and the URLs they are served at. */
export const PAGES = {
  eduardo: {
    url: 'https://www.linkedin.com/in/eduardo-alvarez-nowak/',
    file: 'profile-2024-07-logged-in.html',
  },
  eduardoPublic: {
    url: 'https://www.linkedin.com/in/eduardo-alvarez-nowak/',
    file: 'profile-2024-04-public-logged-out.html',
  },
  vasileios: {
    url: 'https://www.linkedin.com/in/vasileiosalevizos/',
    file: 'profile-2024-08-logged-in-sparse.html',
  },
} as const;

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium is not installed at ${path}. Install Debian's "chromium" package (apt-get install chromium) or set CHROMIUM_PATH. The end-to-end tests never skip.`,
    );
  }
  return path;
}

export interface Harness {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** Requests that tried to leave the machine (everything not routed to a fixture). */
  refused: string[];
  /** Serves `html` at `url` from now on (for pages built in a test). */
  serve(url: string, html: string): void;
  close(): Promise<void>;
}

export interface LaunchOptions {
  headed?: boolean;
  /** Reuse a profile directory (a browser restart keeps the data). */
  userDataDir?: string;
  extensionDir?: string;
  /** The browser's language (Chromium's `--lang`): the extension then speaks it. */
  lang?: string;
  /** Leave open the first run that a fresh install opens (closed by default). */
  keepWelcome?: boolean;
  /** Origins requests may reach, besides the fixtures (a sync server the test started). */
  allow?: string[];
}

/**
 * Starts Chromium with the extension and asserts that its service worker exists before anything
 * else, so that a browser that silently failed to load the extension cannot pass a test.
 */
export async function launch(options: LaunchOptions = {}): Promise<Harness> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run "npm run build:chrome" first.`);
  }
  const ownsProfile = !options.userDataDir;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'alliance-map-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: !(options.headed ?? process.env.HEADED === '1'),
    serviceWorkers: 'block',
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.lang ? [`--lang=${options.lang}`] : []),
    ],
  });

  const served = new Map<string, string>();
  for (const page of Object.values(PAGES)) {
    if (!served.has(page.url))
      served.set(page.url, readFileSync(join(FIXTURES, page.file), 'utf8'));
  }
  const refused: string[] = [];
  const allowed = (url: string) =>
    (options.allow ?? []).some((origin) => url.startsWith(`${origin}/`));
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    // The extension's own files never leave the machine; Chromium routes its pages' module
    // scripts (requested with CORS) through here too.
    if (url.startsWith('chrome-extension://') || allowed(url)) {
      await route.continue();
      return;
    }
    const key = url.split('#')[0]!.split('?')[0]!;
    const html = served.get(key);
    if (html !== undefined && route.request().resourceType() === 'document') {
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      return;
    }
    // A saved page asks LinkedIn's CDN for many scripts: refuse at once rather than wait.
    refused.push(url);
    await route.abort('blockedbyclient');
  });

  let serviceWorker = context
    .serviceWorkers()
    .find((w) => w.url().startsWith('chrome-extension://'));
  serviceWorker ??= await context
    .waitForEvent('serviceworker', { timeout: 15_000 })
    .catch(() => undefined);
  if (!serviceWorker) {
    await context.close();
    throw new Error('The extension did not load: Chromium started no extension service worker.');
  }
  const extensionId = new URL(serviceWorker.url()).host;
  if (ownsProfile && !options.keepWelcome && existsSync(join(extensionDir, 'welcome.html')))
    await closeFirstRun(serviceWorker);

  return {
    context,
    extensionId,
    serviceWorker,
    refused,
    serve: (url, html) => served.set(url, html),
    close: async () => {
      await context.close();
      if (ownsProfile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Closes the first run's tab, which the extension opens when it is installed
 * (entrypoints/background/first-run.ts): the tests open the pages they need themselves.
 */
async function closeFirstRun(serviceWorker: Worker): Promise<void> {
  const closed = await serviceWorker.evaluate(async () => {
    const url = chrome.runtime.getURL('welcome.html');
    for (let waited = 0; waited < 5_000; waited += 50) {
      const tabs = (await chrome.tabs.query({})).filter((tab) => tab.url === url);
      if (tabs.length) {
        await chrome.tabs.remove(tabs.map((tab) => tab.id!));
        return true;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return false;
  });
  if (!closed) throw new Error('The extension did not open its first run when installed.');
}

/** How many side panels of the extension are open, as the browser's debugging protocol lists them. */
export async function sidePanelsOpen(h: Harness): Promise<number> {
  const browser = h.context.browser();
  if (!browser) throw new Error('No browser behind the context');
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  await cdp.detach();
  return targetInfos.filter((target) => target.url.endsWith('/sidepanel.html')).length;
}

/** The fixture HTML of a saved page. */
export function fixtureHtml(file: string): string {
  return readFileSync(join(FIXTURES, file), 'utf8');
}

/** Opens an extension page (popup.html, sidepanel.html, …) in a tab. */
export async function openExtensionPage(h: Harness, path: string): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/${path}`);
  return page;
}

/** The browser's id for the tab showing `page`, asked of the extension. */
export async function tabIdOf(h: Harness, page: Page): Promise<number> {
  const url = page.url();
  const id = await h.serviceWorker.evaluate(async (target) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((t) => t.url === target)?.id;
  }, url);
  if (id === undefined) throw new Error(`No tab found for ${url}`);
  return id;
}

// ---- Closed shadow roots: invisible to page scripts and Playwright locators, read over CDP ----

/** A DOM node as Chromium's debugging protocol describes it (`DOM.getDocument`). */
export interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  shadowRootType?: string;
  contentDocument?: CdpNode;
}

/** Our UI as the user sees it: one entry per closed shadow root, with its text and buttons. */
export interface ShadowIsland {
  text: string;
  buttons: Array<{ label: string; pressed: string | undefined; backendNodeId: number }>;
  /** The text of the element just before the island's host: the name a chip or badge follows. */
  follows: string;
}

function textOf(node: CdpNode): string {
  if (node.nodeType === 3) return node.nodeValue;
  if (node.nodeName === 'STYLE') return '';
  return (node.children ?? []).map(textOf).join('');
}

function attr(node: CdpNode, name: string): string | undefined {
  const list = node.attributes ?? [];
  const i = list.indexOf(name);
  return i >= 0 && i % 2 === 0 ? list[i + 1] : undefined;
}

function collectButtons(node: CdpNode, out: ShadowIsland['buttons']): void {
  if (node.nodeName === 'BUTTON') {
    out.push({
      label: textOf(node).trim(),
      pressed: attr(node, 'aria-pressed'),
      backendNodeId: node.backendNodeId,
    });
  }
  for (const child of node.children ?? []) collectButtons(child, out);
  for (const root of node.shadowRoots ?? []) collectButtons(root, out);
}

export async function cdpFor(page: Page): Promise<CDPSession> {
  return page.context().newCDPSession(page);
}

/** Every closed shadow root in the page, with the text and buttons inside. */
export async function closedIslands(page: Page): Promise<ShadowIsland[]> {
  const cdp = await cdpFor(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: CdpNode;
    };
    const islands: ShadowIsland[] = [];
    const clean = (text: string) => text.replace(/\s+/g, ' ').trim();
    const walk = (node: CdpNode, previous?: CdpNode) => {
      for (const shadow of node.shadowRoots ?? []) {
        if (shadow.shadowRootType === 'closed') {
          const buttons: ShadowIsland['buttons'] = [];
          collectButtons(shadow, buttons);
          const follows = previous ? clean(textOf(previous)) : '';
          islands.push({ text: clean(textOf(shadow)), buttons, follows });
        }
        walk(shadow);
      }
      let element: CdpNode | undefined;
      for (const child of node.children ?? []) {
        walk(child, element);
        if (child.nodeType === 1) element = child;
      }
    };
    walk(root);
    return islands;
  } finally {
    await cdp.detach();
  }
}

/** Waits until some closed island's text satisfies `predicate`; returns that island. */
export async function waitForIsland(
  page: Page,
  predicate: (island: ShadowIsland) => boolean,
  timeoutMs = 10_000,
): Promise<ShadowIsland> {
  const deadline = Date.now() + timeoutMs;
  let last: ShadowIsland[] = [];
  while (Date.now() < deadline) {
    last = await closedIslands(page);
    const found = last.find(predicate);
    if (found) return found;
    await page.waitForTimeout(50);
  }
  throw new Error(
    `No island matched within ${timeoutMs} ms. Islands: ${JSON.stringify(last.map((i) => i.text))}`,
  );
}

/** A real mouse click on a button inside a closed shadow root. */
export async function clickIslandButton(page: Page, label: string | RegExp): Promise<void> {
  const matches = (text: string) => (typeof label === 'string' ? text === label : label.test(text));
  const island = await waitForIsland(page, (i) => i.buttons.some((b) => matches(b.label)));
  const button = island.buttons.find((b) => matches(b.label))!;
  const cdp = await cdpFor(page);
  try {
    await cdp.send('DOM.getDocument', { depth: 0 });
    await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: button.backendNodeId });
    const { model } = (await cdp.send('DOM.getBoxModel', {
      backendNodeId: button.backendNodeId,
    })) as {
      model: { content: number[] };
    };
    const [x1, y1, x2, , , y3] = model.content as [number, number, number, number, number, number];
    await page.mouse.click((x1 + x2) / 2, (y1 + y3) / 2);
  } finally {
    await cdp.detach();
  }
}

/**
 * In the page: moves it to another saved profile the way LinkedIn does. The URL changes through
 * the History API, the previous person's DOM lingers for `lingerMs`, then the new one is rendered.
 */
export function navigateLikeLinkedIn({
  url,
  html,
  lingerMs,
}: {
  url: string;
  html: string;
  lingerMs: number;
}): void {
  history.pushState({}, '', url);
  setTimeout(() => {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    document.title = doc.title;
    for (const script of doc.querySelectorAll('script')) script.remove();
    document.body.replaceWith(document.adoptNode(doc.body));
  }, lingerMs);
}

/** Moves a page to another saved profile the way LinkedIn does (`navigateLikeLinkedIn`). */
export async function spaNavigate(
  page: Page,
  url: string,
  html: string,
  lingerMs = 150,
): Promise<void> {
  await page.evaluate(navigateLikeLinkedIn, { url, html, lingerMs });
}

/** Rows written per transaction when seeding: a whole 100,000-touch table is too much for one call. */
const SEED_CHUNK = 5_000;

/** Puts `rows` into the store `name` of the extension's database, from an extension page. */
async function putRows(page: Page, name: string, rows: readonly unknown[]): Promise<void> {
  for (let start = 0; start < rows.length; start += SEED_CHUNK) {
    await page.evaluate(
      async ({ name, rows }) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('alliance-map');
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(name, 'readwrite');
          const store = tx.objectStore(name);
          for (const row of rows) store.put(row);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        db.close();
      },
      { name, rows: rows.slice(start, start + SEED_CHUNK) as unknown[] },
    );
  }
}

/** Every row of the store `name` of the extension's database. */
export async function readRows(page: Page, name: string): Promise<Record<string, unknown>[]> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('alliance-map');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const rows = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
      const request = db.transaction(name).objectStore(name).getAll();
      request.onsuccess = () => resolve(request.result as Record<string, unknown>[]);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return rows;
  }, name);
}

/**
 * Writes a dataset straight into the extension's database, from an extension page (the only
 * origin that holds it). People are stored as the extension's own writes store them, with what
 * their records (those given and those already there) say beside them (utils/db/stored-person.ts).
 * The popup opens the database first, so Dexie has created the schema. Large tables are written
 * in chunks, each in its own transaction.
 */
export async function seedDatabase(h: Harness, data: Record<string, unknown[]>): Promise<void> {
  const page = await openExtensionPage(h, 'popup.html');
  // The summary's heading, in whatever language the browser speaks.
  await page.locator('#summary-title').waitFor();
  for (const [name, rows] of Object.entries(data)) {
    if (name !== 'people') await putRows(page, name, rows);
  }
  const tables = ['people', 'notes', 'touches', 'ties', 'followUps'] as const;
  const stored = Object.fromEntries(
    await Promise.all(tables.map(async (name) => [name, await readRows(page, name)] as const)),
  ) as unknown as PeopleRecords & { people: Person[] };
  const people = new Map(stored.people.map((person) => [person.slug, person]));
  for (const person of (data.people ?? []) as Person[]) people.set(person.slug, person);
  await putRows(page, 'people', storedPeople([...people.values()], stored));
  // Tell every view and the LinkedIn script, as a write through Dexie would.
  await page.evaluate(() => chrome.storage.local.set({ dataChangedAt: Date.now() }));
  await page.close();
}

const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** axe-core's violations on the page as it is now, one line each, so a failure says what broke. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated over the debugging protocol: the extension pages' script policy refuses an
  // injected <script>.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: {
        run(): Promise<{
          violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown }> }>;
        }>;
      };
    };
    const result = await axe.run();
    return result.violations.map(
      (v) => `${v.id} (${v.help}): ${JSON.stringify(v.nodes.map((n) => n.target))}`,
    );
  });
}
