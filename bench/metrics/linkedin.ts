/**
 * What the user feels on LinkedIn: the badge on a profile, the badge after an in-page
 * navigation, the chips on a list page, and the heap the script adds to the tab. Each runs the
 * same way against our extension and against the floor extension, side by side.
 */
import type { Page } from 'playwright-core';
import { fixtureHtml, PAGES, spaNavigate, type Harness } from '../../tests/e2e/harness';
import { LIST_URL } from '../lib/fixtures';
import { installPageClock, type PageClock } from '../lib/probes';

const WAIT_MS = 15_000;

async function clockOf(page: Page): Promise<PageClock> {
  return page.evaluate(() => window.__benchClock!);
}

/** Resolves with the first island right after the name heading inserted after `since`. */
async function headingIslandAfter(page: Page, since: number): Promise<number> {
  const handle = await page.waitForFunction(
    (from) => window.__benchClock?.spans.find((s) => s.afterHeading && s.at >= from)?.at,
    since,
    { timeout: WAIT_MS, polling: 20 },
  );
  return (await handle.jsonValue()) as number;
}

async function openWithClock(h: Harness, url: string): Promise<Page> {
  const page = await h.context.newPage();
  await page.addInitScript(installPageClock);
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  return page;
}

/**
 * Runs two measurements side by side, one run of each in turn (which goes first alternates), so
 * that both see the same moments of a machine whose speed drifts by tens of percent within a
 * minute; measured one after the other, a ratio to the floor mostly says how the load moved.
 */
export async function sideBySide(
  runs: number,
  floor: (run: number) => Promise<number>,
  ours: (run: number) => Promise<number>,
): Promise<{ floor: number[]; ours: number[] }> {
  const times = { floor: [] as number[], ours: [] as number[] };
  for (let run = 0; run < runs; run++) {
    const order = run % 2 === 0 ? (['floor', 'ours'] as const) : (['ours', 'floor'] as const);
    for (const side of order) times[side].push(await (side === 'floor' ? floor : ours)(run));
  }
  return times;
}

/**
 * Navigation start to the badge next to the name, on a freshly loaded saved profile. Both our
 * script and the floor's run from document_start and usually draw before DOMContentLoaded, so
 * the time is counted from the start of the navigation, where DOMContentLoaded would give 0.
 */
export async function badgeLatency(h: Harness): Promise<number> {
  const page = await openWithClock(h, PAGES.eduardo.url);
  const time = await headingIslandAfter(page, 0);
  await page.close();
  return time;
}

const PROFILES = [PAGES.vasileios, PAGES.eduardo] as const;

/** Navigates a loaded profile tab `count` times between the two saved profiles, LinkedIn's way. */
async function navigateBetweenProfiles(page: Page, count: number, first = 0): Promise<number[]> {
  const times: number[] = [];
  for (let i = first; i < first + count; i++) {
    const target = PROFILES[i % PROFILES.length]!;
    const before = (await clockOf(page)).navigations.length;
    await spaNavigate(page, target.url, fixtureHtml(target.file));
    const handle = await page.waitForFunction((n) => window.__benchClock!.navigations[n], before, {
      timeout: WAIT_MS,
      polling: 20,
    });
    const changedAt = (await handle.jsonValue()) as number;
    times.push((await headingIslandAfter(page, changedAt)) - changedAt);
  }
  return times;
}

/** A loaded profile tab whose `navigate(run)` times one in-page navigation to the other profile. */
export async function spaTab(
  h: Harness,
): Promise<{ navigate(run: number): Promise<number>; close(): Promise<void> }> {
  const page = await openWithClock(h, PAGES.eduardo.url);
  await headingIslandAfter(page, 0);
  return {
    navigate: async (run) => (await navigateBetweenProfiles(page, 1, run))[0]!,
    close: () => page.close(),
  };
}

/** Navigation start to the last of the `known` chips on the 100-person search page. */
export async function listLatency(h: Harness, run: number, known: number): Promise<number> {
  const page = await openWithClock(h, `${LIST_URL}?keywords=bench&run=${run}`);
  const handle = await page.waitForFunction(
    (n) => window.__benchClock!.spans.filter((s) => !s.afterHeading)[n - 1]?.at,
    known,
    { timeout: WAIT_MS, polling: 20 },
  );
  const last = (await handle.jsonValue()) as number;
  await page.close();
  return last;
}

/** The tab's JS heap (the renderer's V8 isolate: main and isolated worlds) after 20 and 40 navigations. */
export async function heapAfterNavigations(
  h: Harness,
  extensionName: string,
): Promise<{ after20: number; after40: number; isolatedWorld: boolean }> {
  const page = await h.context.newPage();
  const cdp = await h.context.newCDPSession(page);
  const contexts: Array<{ name: string; auxData?: { type?: string } }> = [];
  cdp.on('Runtime.executionContextCreated', (event: { context: (typeof contexts)[number] }) =>
    contexts.push(event.context),
  );
  await cdp.send('Runtime.enable');
  await page.addInitScript(installPageClock);
  await page.goto(PAGES.eduardo.url, { waitUntil: 'domcontentloaded' });
  await headingIslandAfter(page, 0);
  const used = async () => {
    // Twice: a first collection can leave garbage that the second frees.
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    return usedSize;
  };
  await navigateBetweenProfiles(page, 20);
  const after20 = await used();
  await navigateBetweenProfiles(page, 20);
  const after40 = await used();
  const isolatedWorld = contexts.some(
    (c) => c.auxData?.type === 'isolated' && c.name === extensionName,
  );
  await cdp.detach();
  await page.close();
  return { after20, after40, isolatedWorld };
}
