/**
 * Tools for the security, fault and invisibility tests: a window into the LinkedIn script's own
 * isolated world (over CDP), a control browser without the extension, DOM snapshots that see
 * through closed shadow roots, and settings written the way the options page writes them.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { FIXTURES, PAGES, ROOT, chromiumPath, type CdpNode, type Harness } from './harness';

export const BROKEN_FIXTURES = join(ROOT, 'tests/fixtures/linkedin-broken');

/** The LinkedIn script's isolated world in a page's main frame, driven over CDP. */
export interface ScriptWorld {
  cdp: CDPSession;
  /** Evaluates `expression` in our script's world (with its `chrome.runtime`), awaiting a promise. */
  evaluate<T>(expression: string): Promise<T>;
  /** Event listeners our script holds on `window`, `document` and `navigation`, by target. */
  listenerCounts(): Promise<Record<'window' | 'document' | 'navigation', number>>;
  /** Exceptions thrown and console messages written in our world since `attach`. */
  errors: string[];
  detach(): Promise<void>;
}

interface ExecutionContext {
  id: number;
  name: string;
  origin: string;
  auxData?: { frameId?: string; type?: string };
}

/**
 * Attaches to `page` before it navigates, so that every context, exception and console message
 * of the extension's script is seen. The script's world is named after the extension.
 */
export async function attachScriptWorld(page: Page, extensionId: string): Promise<ScriptWorld> {
  const cdp = await page.context().newCDPSession(page);
  const contexts = new Map<number, ExecutionContext>();
  const errors: string[] = [];
  const ours = (id: number | undefined) =>
    id !== undefined && contexts.get(id)?.origin === `chrome-extension://${extensionId}`;
  cdp.on('Runtime.executionContextCreated', ({ context }: { context: ExecutionContext }) =>
    contexts.set(context.id, context),
  );
  cdp.on(
    'Runtime.executionContextDestroyed',
    ({ executionContextId }: { executionContextId: number }) => contexts.delete(executionContextId),
  );
  cdp.on(
    'Runtime.exceptionThrown',
    (event: {
      exceptionDetails: {
        executionContextId?: number;
        text: string;
        exception?: { description?: string };
      };
    }) => {
      const details = event.exceptionDetails;
      if (
        ours(details.executionContextId) ||
        /chrome-extension:/.test(details.exception?.description ?? '')
      ) {
        errors.push(`exception: ${details.text} ${details.exception?.description ?? ''}`);
      }
    },
  );
  cdp.on(
    'Runtime.consoleAPICalled',
    (event: {
      executionContextId: number;
      type: string;
      args: Array<{ value?: unknown; description?: string }>;
    }) => {
      if (ours(event.executionContextId)) {
        errors.push(
          `console.${event.type}: ${event.args.map((a) => String(a.value ?? a.description)).join(' ')}`,
        );
      }
    },
  );
  await cdp.send('Runtime.enable');
  const mainFrameId = async () =>
    ((await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } }).frameTree
      .frame.id;

  const contextId = async (): Promise<number> => {
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const mainFrame = await mainFrameId();
      const found = [...contexts.values()].find(
        (c) => c.origin === `chrome-extension://${extensionId}` && c.auxData?.frameId === mainFrame,
      );
      if (found) return found.id;
      await page.waitForTimeout(100);
    }
    throw new Error(`The LinkedIn script never ran in ${page.url()}.`);
  };

  const evaluate = async <T>(expression: string): Promise<T> => {
    const result = (await cdp.send('Runtime.evaluate', {
      contextId: await contextId(),
      expression,
      awaitPromise: true,
      returnByValue: true,
    })) as {
      result: { value: T };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    };
    if (result.exceptionDetails) {
      throw new Error(
        result.exceptionDetails.exception?.description ?? result.exceptionDetails.text,
      );
    }
    return result.result.value;
  };

  const listenerCounts = async () => {
    const id = await contextId();
    const count = async (expression: string) => {
      const target = (await cdp.send('Runtime.evaluate', { contextId: id, expression })) as {
        result: { objectId: string };
      };
      const { listeners } = (await cdp.send('DOMDebugger.getEventListeners', {
        objectId: target.result.objectId,
      })) as { listeners: unknown[] };
      return listeners.length;
    };
    return {
      window: await count('window'),
      document: await count('document'),
      navigation: await count('navigation'),
    };
  };

  return { cdp, evaluate, listenerCounts, errors, detach: () => cdp.detach() };
}

/** A Chromium without the extension, serving the same pages: what LinkedIn's DOM is without us. */
export interface PlainBrowser {
  context: BrowserContext;
  serve(url: string, html: string): void;
  close(): Promise<void>;
}

export async function launchPlain(): Promise<PlainBrowser> {
  const dir = mkdtempSync(join(tmpdir(), 'alliance-map-plain-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath(),
    headless: true,
    serviceWorkers: 'block',
    viewport: { width: 1280, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const served = new Map<string, string>();
  for (const page of Object.values(PAGES)) {
    if (!served.has(page.url))
      served.set(page.url, readFileSync(join(FIXTURES, page.file), 'utf8'));
  }
  await context.route('**/*', async (route) => {
    const html = served.get(route.request().url().split('#')[0]!.split('?')[0]!);
    if (html !== undefined && route.request().resourceType() === 'document') {
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    } else {
      await route.abort('blockedbyclient');
    }
  });
  return {
    context,
    serve: (url, html) => served.set(url, html),
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A page's DOM as text, one node a line, through every shadow root (frames left out). */
export interface DomSnapshot {
  /** The DOM without our hosts (see `isOurHost`). */
  lines: string[];
  /** Our hosts found and left out: bare spans holding a closed shadow root. */
  hosts: number;
  /** Everything, our shadow roots' contents included. */
  full: string;
}

/** A neutral host as the design allows: a `<span>` with no attribute, no light children, a closed root. */
function isOurHost(node: CdpNode): boolean {
  return (
    node.nodeName === 'SPAN' &&
    (node.attributes ?? []).length === 0 &&
    (node.children ?? []).length === 0 &&
    (node.shadowRoots ?? []).length === 1 &&
    node.shadowRoots?.[0]?.shadowRootType === 'closed'
  );
}

export async function domSnapshot(page: Page): Promise<DomSnapshot> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: CdpNode;
    };
    const lines: string[] = [];
    const full: string[] = [];
    let hosts = 0;
    const describe = (node: CdpNode) =>
      node.nodeType === 1
        ? `<${node.nodeName} ${(node.attributes ?? []).join('\u0001')}>`
        : `${node.nodeType}:${node.nodeName}:${node.nodeValue}`;
    const walk = (node: CdpNode, depth: number, skipping: boolean) => {
      const ours = !skipping && isOurHost(node);
      if (ours) hosts++;
      const line = `${' '.repeat(depth)}${describe(node)}${node.shadowRootType ? ` #${node.shadowRootType}` : ''}`;
      full.push(line);
      if (!skipping && !ours) lines.push(line);
      for (const shadow of node.shadowRoots ?? []) {
        // The browser's own shadow roots (an image showing its alt text once it fails to load)
        // come and go with the page's timing; no page script can reach them.
        if (shadow.shadowRootType !== 'user-agent') walk(shadow, depth + 1, skipping || ours);
      }
      // Frames are left out: our script runs in the top frame only, and a refused frame holds
      // Chromium's own error page, whose markup changes from one load to the next.
      for (const child of node.children ?? []) walk(child, depth + 1, skipping || ours);
    };
    walk(root, 0, false);
    return { lines, hosts, full: full.join('\n') };
  } finally {
    await cdp.detach();
  }
}

/** Changes settings as the options page does: the `settings` key of extension storage. */
export async function setSettings(h: Harness, patch: Record<string, unknown>): Promise<void> {
  await h.serviceWorker.evaluate(async (patch) => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...(settings as object | undefined), ...patch } });
  }, patch);
}

/** What the LinkedIn script last told the background about a tab (set on every page it reads). */
export async function seenIdentity(
  h: Harness,
  tabId: number,
): Promise<{ slug?: string; name?: string } | undefined> {
  return h.serviceWorker.evaluate(async (key) => {
    const stored = await chrome.storage.session.get(key);
    return stored[key] as { slug?: string; name?: string } | undefined;
  }, `tab:${tabId}`);
}
