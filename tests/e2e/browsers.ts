/**
 * One test body, two browsers: a session is Chromium (Playwright over CDP, tests/e2e/harness.ts)
 * or Firefox (puppeteer-core over WebDriver BiDi, tests/e2e/firefox-harness.ts) with the built
 * extension, and a tab is a page in either. The scenarios in tests/e2e/both/ are written against
 * these and run in each browser; what only one browser has stays in its own files.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import {
  clickIslandButton,
  closedIslands,
  launch,
  openExtensionPage,
  type Harness,
  type ShadowIsland,
} from './harness';
import {
  clickFirefoxIslandButton,
  firefoxDomSnapshot,
  firefoxIslands,
  launchFirefox,
  type FirefoxHarness,
} from './firefox-harness';
import { domSnapshot, launchPlain, type DomSnapshot } from './security-support';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSERS: readonly BrowserName[] = ['chromium', 'firefox'];

/** A tab in either browser: a LinkedIn page or one of the extension's pages. */
export interface Tab {
  /** Runs `fn` in the page (a web page's own world, where LinkedIn's scripts run). */
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<Awaited<R>>;
  url(): Promise<string>;
  /** Loads a web page (served from a fixture) in this tab. */
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /** A real mouse click at the page's coordinates. */
  click(x: number, y: number): Promise<void>;
  /** Real key presses into the focused element. */
  type(text: string): Promise<void>;
  /** One key press, as named by both drivers ("Enter", "Tab", "Escape"). */
  press(key: string): Promise<void>;
  /** Picks `path` in the file input `selector`, as the user's file dialog would. */
  setFiles(selector: string, path: string): Promise<void>;
  setSize(width: number, height: number): Promise<void>;
  /** Makes this the window's active tab, as the user's click on the tab would. */
  activate(): Promise<void>;
  /** Our closed shadow roots, read as the user sees them. */
  islands(): Promise<ShadowIsland[]>;
  clickIslandButton(label: string): Promise<void>;
  domSnapshot(): Promise<DomSnapshot>;
  /** A PNG of the viewport. */
  screenshot(): Promise<Buffer>;
  /** Runs `action` and returns the path of the file it made the browser download. */
  download(action: () => Promise<void>): Promise<string>;
  close(): Promise<void>;
}

export interface Session {
  name: BrowserName;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`. */
  origin: string;
  /** What would give the extension away if a page could see it: its URL's host, its id. */
  giveaways: string[];
  serve(url: string, html: string): void;
  /** Opens `url` in a new tab; `beforePageScripts` runs in the page before any of its scripts. */
  openTab(url: string, options?: { beforePageScripts?: () => void }): Promise<Tab>;
  openExtensionPage(path: string): Promise<Tab>;
  /** Runs `fn` with the extension's API (`chrome.*`) in the extension's own origin. */
  inExtension<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<Awaited<R>>;
  /** The browser's id for the tab (what `?tab=` names). */
  tabIdOf(tab: Tab): Promise<number>;
  /** Quits the browser and starts it again on the same profile (a restartable session only). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface SessionOptions {
  /** Keep a profile directory across `restart()` (in Firefox, a permanent install). */
  restartable?: boolean;
  /** Without the extension: what a page is like for a user who does not have it. */
  plain?: boolean;
  /** Another build of the extension than the tests' (the bench's). */
  extensionDir?: string;
}

// ---- Chromium ----

function chromiumTab(page: PlaywrightPage): Tab {
  return {
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    url: async () => page.url(),
    goto: async (url) => void (await page.goto(url, { waitUntil: 'domcontentloaded' })),
    reload: async () => void (await page.reload({ waitUntil: 'domcontentloaded' })),
    click: (x, y) => page.mouse.click(x, y),
    type: (text) => page.keyboard.type(text),
    press: (key) => page.keyboard.press(key),
    setFiles: (selector, path) => page.setInputFiles(selector, path),
    setSize: (width, height) => page.setViewportSize({ width, height }),
    activate: () => page.bringToFront(),
    islands: () => closedIslands(page),
    clickIslandButton: (label) => clickIslandButton(page, label),
    domSnapshot: () => domSnapshot(page),
    screenshot: () => page.screenshot({ type: 'png' }),
    download: async (action) => {
      const [download] = await Promise.all([page.waitForEvent('download'), action()]);
      return download.path();
    },
    close: () => page.close(),
  };
}

async function chromiumSession(options: SessionOptions): Promise<Session> {
  if (options.plain) {
    const plain = await launchPlain();
    return {
      ...unsupported('chromium'),
      serve: plain.serve,
      openTab: async (url) => {
        const page = await plain.context.newPage();
        await page.goto(url, { waitUntil: 'domcontentloaded' });
        return chromiumTab(page);
      },
      close: plain.close,
    };
  }
  const profileDir = options.restartable
    ? mkdtempSync(join(tmpdir(), 'alliance-map-profile-'))
    : undefined;
  const start = () => launch({ userDataDir: profileDir, extensionDir: options.extensionDir });
  let h: Harness = await start();
  const served = new Map<string, string>();
  const session: Session = {
    name: 'chromium',
    origin: `chrome-extension://${h.extensionId}`,
    giveaways: [`chrome-extension://`, h.extensionId],
    serve: (url, html) => {
      served.set(url, html);
      h.serve(url, html);
    },
    openTab: async (url, { beforePageScripts } = {}) => {
      const page = await h.context.newPage();
      if (beforePageScripts) await page.addInitScript(beforePageScripts);
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      return chromiumTab(page);
    },
    openExtensionPage: async (path) => chromiumTab(await openExtensionPage(h, path)),
    inExtension: (fn, arg) => h.serviceWorker.evaluate(fn as never, arg) as never,
    tabIdOf: (tab) => tabIdByUrl(session, tab),
    restart: async () => {
      if (!profileDir) throw new Error('This session was not started restartable.');
      await h.close();
      h = await start();
      for (const [url, html] of served) h.serve(url, html);
    },
    close: async () => {
      await h.close();
      if (profileDir) rmSync(profileDir, { recursive: true, force: true });
    },
  };
  return session;
}

// ---- Firefox ----

function firefoxTab(h: FirefoxHarness, page: PuppeteerPage, extensionPage: boolean): Tab {
  return {
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    url: () => page.evaluate(() => location.href),
    goto: async (url) => void (await page.goto(url, { waitUntil: 'domcontentloaded' })),
    reload: async () => {
      if (!extensionPage) {
        await page.reload({ waitUntil: 'domcontentloaded' });
        return;
      }
      // BiDi reports no load of an extension page: load it again by its address.
      const path = (await page.evaluate(() => location.href)).slice(h.origin.length + 1);
      await h.gotoExtensionPage(page, path);
    },
    click: (x, y) => page.mouse.click(x, y),
    type: (text) => page.keyboard.type(text),
    press: (key) => page.keyboard.press(key as never),
    setFiles: async (selector, path) => {
      const input = await page.$(selector);
      if (!input) throw new Error(`No ${selector} in the page.`);
      await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(path);
    },
    setSize: (width, height) => page.setViewport({ width, height }),
    activate: () => page.bringToFront(),
    islands: () => firefoxIslands(page),
    clickIslandButton: (label) => clickFirefoxIslandButton(page, label),
    domSnapshot: () => firefoxDomSnapshot(page),
    screenshot: async () => Buffer.from(await page.screenshot({ type: 'png' })),
    download: (action) => h.download(action),
    close: () => page.close(),
  };
}

/** A Firefox session, with its harness for what only Firefox has (its sidebar, its prompts). */
export interface FirefoxSession extends Session {
  harness(): FirefoxHarness;
}

export async function startFirefoxSession(options: SessionOptions = {}): Promise<FirefoxSession> {
  const profileDir = options.restartable
    ? mkdtempSync(join(tmpdir(), 'alliance-map-firefox-profile-'))
    : undefined;
  const start = (uuid?: string) =>
    launchFirefox({
      userDataDir: profileDir,
      extensionDir: options.extensionDir,
      uuid,
      install: options.plain ? 'none' : options.restartable ? 'permanent' : 'temporary',
    });
  let h = await start();
  const served = new Map<string, string>();
  const session: FirefoxSession = {
    name: 'firefox',
    harness: () => h,
    origin: h.origin,
    giveaways: ['moz-extension://', h.uuid, h.addonId].filter(Boolean),
    serve: (url, html) => {
      served.set(url, html);
      h.serve(url, html);
    },
    openTab: async (url, { beforePageScripts } = {}) => {
      const page = await h.newTab();
      if (beforePageScripts) await page.evaluateOnNewDocument(beforePageScripts);
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      return firefoxTab(h, page, false);
    },
    openExtensionPage: async (path) => {
      const page = await h.browser.newPage();
      await h.gotoExtensionPage(page, path);
      return firefoxTab(h, page, true);
    },
    inExtension: (fn, arg) => h.inExtension(fn, arg),
    tabIdOf: (tab) => tabIdByUrl(session, tab),
    restart: async () => {
      if (!profileDir) throw new Error('This session was not started restartable.');
      await h.close();
      h = await start(h.uuid);
      // Installed again, the test would pass without the add-on having survived the restart.
      if (!h.wasInstalled) throw new Error('The add-on was gone from the profile after a restart.');
      for (const [url, html] of served) h.serve(url, html);
    },
    close: async () => {
      await h.close();
      if (profileDir) rmSync(profileDir, { recursive: true, force: true });
    },
  };
  return session;
}

// ---- Both ----

/**
 * The tab's id, asked of the extension: the newest tab showing the tab's address (ids only grow,
 * and a tab a failed test left open at the same address is older).
 */
async function tabIdByUrl(session: Session, tab: Tab): Promise<number> {
  const url = await tab.url();
  const id = await session.inExtension(async (target) => {
    const ids = (await chrome.tabs.query({})).flatMap((t) => (t.url === target ? [t.id!] : []));
    return ids.length ? Math.max(...ids) : undefined;
  }, url);
  if (id === undefined) throw new Error(`No tab found for ${url}`);
  return id;
}

function unsupported(name: BrowserName): Session {
  const no = () => {
    throw new Error(`A ${name} without the extension has no extension to ask.`);
  };
  return {
    name,
    origin: '',
    giveaways: [],
    serve: no,
    openTab: no,
    openExtensionPage: no,
    inExtension: no,
    tabIdOf: no,
    restart: no,
    close: async () => {},
  };
}

/** Starts `name` with the built extension (or, with `plain`, without it). */
export function startSession(name: BrowserName, options: SessionOptions = {}): Promise<Session> {
  return name === 'chromium' ? chromiumSession(options) : startFirefoxSession(options);
}
