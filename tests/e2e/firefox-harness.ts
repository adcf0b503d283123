/**
 * Real Firefox with the built extension, driven over WebDriver BiDi by puppeteer-core, LinkedIn
 * served offline from saved pages: the Firefox half of tests/e2e/harness.ts. How the extension's
 * own pages are reached, and why this way, is in docs/firefox.md.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIXTURES, PAGES, ROOT, type ShadowIsland } from './harness';
import { deterministicZip, filesUnder } from '../../scripts/store-packages';

export const FIREFOX_EXTENSION_DIR = join(
  ROOT,
  process.env.FIREFOX_EXTENSION_DIR ?? '.output/firefox-mv3',
);

export function firefoxPath(): string {
  const path = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  if (!existsSync(path)) {
    throw new Error(
      `Firefox is not installed at ${path}. Install Debian's "firefox-esr" package (apt-get install firefox-esr) or set FIREFOX_PATH. The end-to-end tests never skip.`,
    );
  }
  return path;
}

/** The add-on id the build declares (browser_specific_settings.gecko.id). */
export function addonIdOf(extensionDir: string): string {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${extensionDir}/manifest.json declares no Firefox add-on id.`);
  return id;
}

/**
 * How the extension is installed: `temporary` as about:debugging loads a folder (BiDi's
 * webExtension.install; gone, with its data, when Firefox quits), `permanent` as a user installs
 * the package from addons.mozilla.org (kept across restarts), `none` for a control browser.
 */
export type Install = 'temporary' | 'permanent' | 'none';

export interface FirefoxLaunchOptions {
  headed?: boolean;
  /** Reuse a profile directory (a browser restart keeps a permanent install and its data). */
  userDataDir?: string;
  extensionDir?: string;
  install?: Install;
  /** The extension's internal UUID (its moz-extension:// host); random unless given. */
  uuid?: string;
  /** The browser's language, as Chromium's `--lang`: the extension then speaks it. */
  lang?: string;
}

export interface FirefoxHarness {
  browser: Browser;
  addonId: string;
  /** The moz-extension:// host of the extension's pages, fixed at launch. */
  uuid: string;
  /** A permanent install found in the profile at launch (installed by an earlier launch). */
  wasInstalled: boolean;
  origin: string;
  /** Runs `action` and returns the path of the file it made Firefox download, once saved. */
  download(action: () => Promise<void>): Promise<string>;
  serve(url: string, html: string): void;
  /** A new tab whose web requests are served from fixtures or refused. */
  newTab(): Promise<Page>;
  /**
   * Navigates `page` to an extension page and waits until it has loaded, or with `loaded: false`
   * only until its document is there (to watch it load).
   */
  gotoExtensionPage(page: Page, path: string, options?: { loaded?: boolean }): Promise<void>;
  /** Runs `fn` with the extension's API, in a document of the extension's origin. */
  inExtension<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<Awaited<R>>;
  /** Evaluates `expression` in the browser window's privileged scope (the browser's own UI). */
  chrome<T>(expression: string): Promise<T>;
  close(): Promise<void>;
}

/** A BiDi connection as puppeteer holds it (its `send` is not part of the typed API). */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

interface RemoteValue {
  type: string;
  value?: unknown;
  sharedId?: string;
}

type EvaluateResult =
  | { type: 'success'; result: RemoteValue }
  | { type: 'exception'; exceptionDetails: { text: string } };

function connectionOf(browser: Browser): BidiConnection {
  return (browser as unknown as { connection: BidiConnection }).connection;
}

/** The BiDi browsing context (the tab) of a puppeteer page. */
function contextOf(page: Page): string {
  return (page.mainFrame() as unknown as { _id: string })._id;
}

/**
 * A request still pending when its tab or the browser closes (a restart test) cannot be answered;
 * anything else is a real failure.
 */
function ignoreClosedTab(error: unknown): void {
  if (error instanceof Error && error.name === 'TargetCloseError') return;
  throw error;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Retries `probe` until it returns a value other than undefined, or throws after `timeoutMs`. */
async function until<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      // A tab switching process (web page to extension page) refuses scripts for a moment.
      last = error;
    }
    await sleep(50);
  }
  throw new Error(`${what}: not within ${timeoutMs} ms${last ? ` (${String(last)})` : ''}`);
}

/** The built extension as an .xpi, the package addons.mozilla.org would sign (`npm run zip`). */
function packageExtension(extensionDir: string, into: string): string {
  const xpi = join(into, 'alliance-map.xpi');
  writeFileSync(xpi, deterministicZip(filesUnder(extensionDir)));
  return xpi;
}

/**
 * Starts Firefox with the extension installed and checks that it runs before anything else (an
 * extension page answers with the extension API), so that a browser that silently failed to load
 * it cannot pass a test.
 */
export async function launchFirefox(options: FirefoxLaunchOptions = {}): Promise<FirefoxHarness> {
  const extensionDir = options.extensionDir ?? FIREFOX_EXTENSION_DIR;
  const install = options.install ?? 'temporary';
  if (install !== 'none' && !existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run "npm run build:firefox" first.`);
  }
  const addonId = install === 'none' ? '' : addonIdOf(extensionDir);
  const uuid = options.uuid ?? randomUUID();
  const scratch = mkdtempSync(join(tmpdir(), 'alliance-map-firefox-'));
  const downloadDir = join(scratch, 'downloads');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: !(options.headed ?? process.env.HEADED === '1'),
    userDataDir: options.userDataDir,
    defaultViewport: { width: 1280, height: 900 },
    // Lets the tests open the extension's pages in a tab and read the browser's own UI (the
    // sidebar, the permission prompt): docs/firefox.md, "Reaching the extension's pages".
    args: ['-remote-allow-system-access'],
    extraPrefsFirefox: {
      // Fixes the moz-extension:// host, which Firefox otherwise draws at random on install.
      'extensions.webextensions.uuids': JSON.stringify(addonId ? { [addonId]: uuid } : {}),
      // The unsigned package of a permanent install: an ESR honours this, a release does not.
      'xpinstall.signatures.required': false,
      'browser.download.dir': downloadDir,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.alwaysOpenPanel': false,
      // manifest.json as plain text, not in the JSON viewer (the harness reads the API there).
      'devtools.jsonview.enabled': false,
      'network.dns.disablePrefetch': true,
      'network.prefetch-next': false,
    },
  });
  const connection = connectionOf(browser);

  const evaluateIn = async (target: object, expression: string): Promise<unknown> => {
    const { result } = (await connection.send('script.evaluate', {
      expression,
      target,
      awaitPromise: true,
      resultOwnership: 'none',
    })) as { result: EvaluateResult };
    if (result.type === 'exception') throw new Error(result.exceptionDetails.text);
    return deserialize(result.result);
  };
  let chromeContext: string | undefined;
  const inChrome = async <T>(expression: string): Promise<T> => {
    if (!chromeContext) {
      const { result } = (await connection.send('browsingContext.getTree', {
        'moz:scope': 'chrome',
        maxDepth: 0,
      })) as { result: { contexts: Array<{ context: string; url: string }> } };
      chromeContext = result.contexts.find((c) => c.url.endsWith('/browser.xhtml'))?.context;
      if (!chromeContext) throw new Error('Firefox has no browser window.');
    }
    return (await evaluateIn({ context: chromeContext }, expression)) as T;
  };

  const served = new Map<string, string>();
  for (const page of Object.values(PAGES)) {
    if (!served.has(page.url))
      served.set(page.url, readFileSync(join(FIXTURES, page.file), 'utf8'));
  }
  const newTab = async (): Promise<Page> => {
    const page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = request.url();
      // BiDi reports no resource type: a page is known by its URL, and only pages are served.
      const html = served.get(url.split('#')[0]!.split('?')[0]!);
      if (html !== undefined && request.isNavigationRequest()) {
        request
          .respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
          .catch(ignoreClosedTab);
        return;
      }
      // A saved page asks LinkedIn's CDN for many scripts: refuse at once rather than wait.
      request.abort('blockedbyclient').catch(ignoreClosedTab);
    });
    return page;
  };

  const origin = `moz-extension://${uuid}`;
  const gotoExtensionPage = async (
    page: Page,
    path: string,
    { loaded = true } = {},
  ): Promise<void> => {
    const url = `${origin}/${path}`;
    // No wait: BiDi reports no load event of an extension page (docs/firefox.md).
    await connection.send('browsingContext.navigate', {
      context: contextOf(page),
      url,
      wait: 'none',
    });
    await until(`Opening ${url}`, async () =>
      (await page.evaluate(
        ({ target, loaded }) =>
          location.href === target && (!loaded || document.readyState === 'complete'),
        { target: url, loaded },
      ))
        ? true
        : undefined,
    );
  };

  // A tab showing the extension's manifest.json, as plain text: every extension has one, it
  // runs no script, and Firefox gives every document of the extension's origin the extension
  // API, so asking there changes nothing in the extension (Chromium's harness asks the service
  // worker instead; BiDi cannot reach Firefox's background page).
  let apiTab: Promise<Page> | undefined;
  const inExtension = async <R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<Awaited<R>> => {
    apiTab ??= (async () => {
      const page = await browser.newPage();
      await gotoExtensionPage(page, 'manifest.json');
      return page;
    })().catch((error: unknown) => {
      // Asked again, e.g. once the extension has started: open it afresh.
      apiTab = undefined;
      throw error;
    });
    const page = await apiTab;
    return (await page.evaluate(fn as never, arg)) as Awaited<R>;
  };

  // Downloads as Firefox's download manager lists them: a file is whole once it says so.
  const downloads = () =>
    inChrome<Array<{ path: string; succeeded: boolean; error: string | null }>>(`(async () => {
      const { Downloads } = ChromeUtils.importESModule('resource://gre/modules/Downloads.sys.mjs');
      const list = await Downloads.getList(Downloads.ALL);
      return (await list.getAll()).map((d) => ({
        path: d.target.path, succeeded: d.succeeded, error: d.error?.message ?? null,
      }));
    })()`);
  const download = async (action: () => Promise<void>): Promise<string> => {
    const before = (await downloads()).length;
    await action();
    const saved = await until('A download', async () => {
      const started = (await downloads())[before];
      if (started?.error) throw new Error(`The download failed: ${started.error}`);
      return started?.succeeded ? started.path : undefined;
    });
    return saved;
  };

  const close = async () => {
    await browser.close();
    rmSync(scratch, { recursive: true, force: true });
  };

  let wasInstalled = false;
  try {
    // Firefox speaks the languages of its language packs, and this one has none: the language is
    // made available and asked for before the extension starts, which then picks its messages
    // and reports it as its UI language (docs/firefox.md, "Another language").
    if (options.lang) {
      const lang = JSON.stringify(options.lang);
      await inChrome(`(() => {
        Services.locale.availableLocales = [...new Set([...Services.locale.availableLocales, ${lang}])];
        Services.locale.requestedLocales = [${lang}];
      })()`);
    }
    if (install === 'temporary') {
      await browser.installExtension(extensionDir);
    } else if (install === 'permanent') {
      const xpi = packageExtension(extensionDir, scratch);
      // As Firefox installs a package the user opened: the add-on manager's install from a file.
      wasInstalled = await inChrome<boolean>(`(async () => {
        const { AddonManager } = ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
        if (await AddonManager.getAddonByID(${JSON.stringify(addonId)})) return true;
        const file = Cc['@mozilla.org/file/local;1'].createInstance(Ci.nsIFile);
        file.initWithPath(${JSON.stringify(xpi)});
        const install = await AddonManager.getInstallForFile(file);
        await install.install();
        return false;
      })()`);
    }
    if (install !== 'none') {
      await until(
        'The extension did not start in Firefox',
        () => inExtension(() => typeof chrome.runtime.id === 'string' || undefined, null),
        20_000,
      );
    }
    // A new install opens the first run (entrypoints/background/first-run.ts), as in Chromium
    // (harness.ts): the tests open the pages they need themselves.
    if (install !== 'none' && !wasInstalled && existsSync(join(extensionDir, 'welcome.html')))
      await until(
        'The extension did not open its first run when installed',
        () =>
          inExtension(async () => {
            const url = chrome.runtime.getURL('welcome.html');
            const tabs = (await chrome.tabs.query({})).filter((tab) => tab.url === url);
            if (!tabs.length) return undefined;
            await chrome.tabs.remove(tabs.map((tab) => tab.id!));
            return true;
          }, null),
        10_000,
      );
  } catch (error) {
    await close();
    throw error;
  }

  return {
    browser,
    addonId,
    uuid,
    wasInstalled,
    origin,
    download,
    serve: (url, html) => served.set(url, html),
    newTab,
    gotoExtensionPage,
    inExtension,
    chrome: inChrome,
    close,
  };
}

/** A BiDi remote value as plain data (what the tests read: strings, numbers, arrays, objects). */
function deserialize(value: RemoteValue): unknown {
  switch (value.type) {
    case 'undefined':
    case 'null':
      return value.type === 'null' ? null : undefined;
    case 'array':
      return (value.value as RemoteValue[]).map(deserialize);
    case 'object':
      return Object.fromEntries(
        (value.value as Array<[string | RemoteValue, RemoteValue]>).map(([k, v]) => [
          typeof k === 'string' ? k : deserialize(k),
          deserialize(v),
        ]),
      );
    default:
      return value.value;
  }
}

// ---- Closed shadow roots: the page cannot reach them; BiDi serializes them for the tests ----

/** A button inside one of our closed shadow roots, with where to click it. */
interface IslandButton {
  label: string;
  pressed: string | undefined;
  x: number;
  y: number;
}

async function callWithRoots<T>(
  page: Page,
  fn: string,
  roots: RemoteValue[],
  args: unknown[] = [],
): Promise<T> {
  const connection = connectionOf(page.browser());
  const { result } = (await connection.send('script.callFunction', {
    functionDeclaration: fn,
    target: { context: contextOf(page) },
    arguments: [
      ...args.map((value) => ({ type: 'string', value: JSON.stringify(value) })),
      ...roots.map((root) => ({ sharedId: root.sharedId })),
    ],
    awaitPromise: true,
    resultOwnership: 'none',
  })) as { result: EvaluateResult };
  if (result.type === 'exception') throw new Error(result.exceptionDetails.text);
  return deserialize(result.result) as T;
}

/**
 * The closed shadow roots under bare <span> hosts (the design's only kind of injected element).
 * WebDriver BiDi serializes an element's shadow root whatever its mode when asked to
 * (`includeShadowTree: "all"`); the page's own scripts never see it.
 */
async function closedRoots(page: Page): Promise<RemoteValue[]> {
  const connection = connectionOf(page.browser());
  const { result } = (await connection.send('script.evaluate', {
    expression:
      "[...document.querySelectorAll('span')].filter((s) => s.attributes.length === 0 && s.childNodes.length === 0)",
    target: { context: contextOf(page) },
    awaitPromise: false,
    resultOwnership: 'none',
    serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
  })) as { result: EvaluateResult };
  if (result.type === 'exception') throw new Error(result.exceptionDetails.text);
  const hosts = (result.result.value ?? []) as Array<{
    value: { shadowRoot?: (RemoteValue & { value?: { mode?: string } }) | null };
  }>;
  return hosts.flatMap((host) =>
    host.value.shadowRoot?.value?.mode === 'closed' ? [host.value.shadowRoot] : [],
  );
}

/**
 * In the page: each closed root's text (styles left out), the text of the element its host
 * follows, and its buttons with their centres.
 */
const READ_ISLANDS = `(_, ...roots) => roots.map((root) => {
  const textOf = (node) => node.nodeType === 3 ? node.nodeValue
    : node.nodeName === 'STYLE' ? '' : [...node.childNodes].map(textOf).join('');
  const clean = (text) => text.replace(/\\s+/g, ' ').trim();
  const previous = root.host.previousElementSibling;
  return {
    text: clean(textOf(root)),
    follows: previous ? clean(textOf(previous)) : '',
    buttons: [...root.querySelectorAll('button')].map((button) => {
      const box = button.getBoundingClientRect();
      return {
        label: textOf(button).trim(),
        pressed: button.getAttribute('aria-pressed') ?? undefined,
        x: box.x + box.width / 2,
        y: box.y + box.height / 2,
      };
    }),
  };
})`;

async function readIslands(page: Page): Promise<Array<ShadowIsland & { buttons: IslandButton[] }>> {
  return callWithRoots(page, READ_ISLANDS, await closedRoots(page), [null]);
}

/** Every closed shadow root of ours in the page, with the text and buttons inside. */
export async function firefoxIslands(page: Page): Promise<ShadowIsland[]> {
  return (await readIslands(page)).map(({ text, follows, buttons }) => ({
    text,
    follows,
    buttons: buttons.map(({ label, pressed }) => ({ label, pressed, backendNodeId: 0 })),
  }));
}

/** A real mouse click on the first button labelled `label` in one of our closed roots. */
export async function clickFirefoxIslandButton(page: Page, label: string): Promise<void> {
  const roots = await closedRoots(page);
  const scrolled = await callWithRoots<boolean>(
    page,
    `(label, ...roots) => {
      const wanted = JSON.parse(label);
      for (const root of roots) for (const button of root.querySelectorAll('button')) {
        if (button.textContent.trim() !== wanted) continue;
        button.scrollIntoView({ block: 'center' });
        return true;
      }
      return false;
    }`,
    roots,
    [label],
  );
  if (!scrolled) throw new Error(`No button "${label}" in the page's islands.`);
  const button = (await readIslands(page))
    .flatMap((island) => island.buttons)
    .find((b) => b.label === label)!;
  await page.mouse.click(button.x, button.y);
}

/**
 * The page's DOM as text, one node a line, through every shadow root, with our hosts (bare
 * spans holding a closed root) left out of `lines` and counted: tests/e2e/security-support.ts's
 * `domSnapshot`, for Firefox.
 */
export async function firefoxDomSnapshot(
  page: Page,
): Promise<{ lines: string[]; hosts: number; full: string }> {
  const roots = await closedRoots(page);
  return callWithRoots(
    page,
    `(_, ...ours) => {
      const lines = [], full = [];
      let hosts = 0;
      const describe = (node) => node.nodeType === 1
        ? '<' + node.nodeName + ' ' + [...node.attributes].flatMap((a) => [a.name, a.value]).join('\\u0001') + '>'
        : node.nodeType + ':' + node.nodeName + ':' + (node.nodeValue ?? '');
      const rootOf = (host) => ours.find((root) => root.host === host);
      const walk = (node, depth, skipping) => {
        const root = node.nodeType === 1 ? rootOf(node) : undefined;
        const mine = !skipping && root !== undefined;
        if (mine) hosts++;
        const line = ' '.repeat(depth) + describe(node);
        full.push(line);
        if (!skipping && !mine) lines.push(line);
        const shadow = root ?? (node.nodeType === 1 ? node.shadowRoot : null);
        if (shadow) {
          full.push(' '.repeat(depth + 1) + '#' + shadow.mode);
          for (const child of shadow.childNodes) walk(child, depth + 2, skipping || mine);
        }
        // Frames are left out, as in Chromium's snapshot: our script runs in the top frame only.
        for (const child of node.childNodes) walk(child, depth + 1, skipping || mine);
      };
      walk(document, 0, false);
      return { lines, hosts, full: full.join('\\n') };
    }`,
    roots,
    [null],
  );
}

// ---- The browser's own UI, through the privileged scope (docs/firefox.md) ----

/**
 * Presses a shortcut ("Alt+Shift+R") in the browser window as the keyboard would: the key events
 * start in the window, reach the page, and come back to the browser's shortcut handling, where an
 * add-on's commands live. (WebDriver BiDi's key actions start in the page and never come back.)
 */
export async function pressShortcut(h: FirefoxHarness, shortcut: string): Promise<void> {
  const parts = shortcut.split('+');
  const key = parts.pop()!;
  const modifiers = parts
    .map((name) => (name === 'Ctrl' ? 'Control' : name))
    .map((name) => ({ key: name, code: `${name}Left` }));
  await h.chrome(`(() => {
    const tip = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
    if (!tip.beginInputTransactionForTests(window)) throw new Error('No keyboard for the window.');
    const modifiers = ${JSON.stringify(modifiers)}.map((init) => new KeyboardEvent('', init));
    const key = new KeyboardEvent('', {
      key: ${JSON.stringify(key)},
      code: ${JSON.stringify(`Key${key}`)},
      keyCode: ${key.charCodeAt(0)},
    });
    for (const modifier of modifiers) tip.keydown(modifier);
    tip.keydown(key);
    tip.keyup(key);
    for (const modifier of modifiers.reverse()) tip.keyup(modifier);
  })()`);
}

/** The sidebar of the browser window: whether it is open, and the page it shows. */
export async function sidebarState(
  h: FirefoxHarness,
): Promise<{ open: boolean; page: string | null }> {
  return h.chrome(`(() => {
    const panel = SidebarController.browser?.contentDocument?.getElementById('webext-panels-browser');
    return {
      open: SidebarController.isOpen,
      page: SidebarController.isOpen ? panel?.currentURI?.spec ?? null : null,
    };
  })()`);
}

export async function closeSidebar(h: FirefoxHarness): Promise<void> {
  await h.chrome('SidebarController.hide()');
}

/** The extension's toolbar popup, if open: the page it shows. */
export async function toolbarPopup(h: FirefoxHarness): Promise<string | null> {
  return h.chrome(
    "document.querySelector('browser.webextension-popup-browser')?.currentURI?.spec ?? null",
  );
}

/** Answers the permission prompt the extension opened (Firefox's doorhanger) as the user would. */
export async function answerPermissionPrompt(h: FirefoxHarness, allow: boolean): Promise<void> {
  await h.chrome(`(() => {
    const prompt = PopupNotifications.panel.querySelector('popupnotification#addon-webext-permissions-notification');
    if (!prompt) throw new Error('No permission prompt is open.');
    (${allow} ? prompt.button : prompt.secondaryButton).click();
  })()`);
}
