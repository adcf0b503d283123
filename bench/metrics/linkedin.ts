/**
 * What the user feels on LinkedIn: the badge on a profile, the badge after an in-page
 * navigation, the chips on a list page, and the heap the script adds to the tab. Each runs the
 * same way against our extension and against the floor extension.
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
 * Navigation start to the badge next to the name, on a freshly loaded saved profile. Both our
 * script and the floor's run from document_start and usually draw before DOMContentLoaded, so
 * the time is counted from the start of the navigation, where DOMContentLoaded would give 0.
 */
export async function badgeLatency(h: Harness, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await openWithClock(h, PAGES.eduardo.url);
    times.push(await headingIslandAfter(page, 0));
    await page.close();
  }
  return times;
}

const PROFILES = [PAGES.vasileios, PAGES.eduardo] as const;

/** Navigates a loaded profile tab `count` times between the two saved profiles, LinkedIn's way. */
async function navigateBetweenProfiles(page: Page, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
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

/** URL change to the new person's badge, over `runs` in-page navigations. */
export async function spaLatency(h: Harness, runs: number): Promise<number[]> {
  const page = await openWithClock(h, PAGES.eduardo.url);
  await headingIslandAfter(page, 0);
  const times = await navigateBetweenProfiles(page, runs);
  await page.close();
  return times;
}

/** Navigation start to the last of the `known` chips on the 100-person search page. */
export async function listLatency(h: Harness, runs: number, known: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await openWithClock(h, `${LIST_URL}?keywords=bench&run=${i}`);
    const handle = await page.waitForFunction(
      (n) => window.__benchClock!.spans.filter((s) => !s.afterHeading)[n - 1]?.at,
      known,
      { timeout: WAIT_MS, polling: 20 },
    );
    const last = (await handle.jsonValue()) as number;
    times.push(last);
    await page.close();
  }
  return times;
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
