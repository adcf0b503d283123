/**
 * The badge and the popup in Firefox, beside Chromium's rows: each a ratio to the same floor as
 * in Chromium (the floor extension's static element after the name; 90 days of touches read
 * through Dexie), measured in the same Firefox, run for run. Firefox is driven over WebDriver
 * BiDi (tests/e2e/firefox-harness.ts), which runs no script in an extension page before its own:
 * the popup's time is taken by an observer installed as soon as the page answers, and a run
 * where the summary was already drawn by then counts its upper bound and is reported.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { startFirefoxSession, type FirefoxSession } from '../../tests/e2e/browsers';
import { launchFirefox, type FirefoxHarness } from '../../tests/e2e/firefox-harness';
import { PAGES, ROOT } from '../../tests/e2e/harness';
import { seedThroughBackup } from '../../tests/e2e/both/seed';
import type { Dataset } from '../../tests/support/dataset';
import { DEXIE_SOURCE, installPageClock, readNinetyDaysOfTouches } from '../lib/probes';
import { againstFloor, type Metric } from '../lib/stats';
import { SUMMARY_DRAWN } from './extension-pages';
import { sideBySide } from './linkedin';

const WAIT_MS = 15_000;
/** The floor extension's add-on id in Firefox (a temporary install needs one to fix its UUID). */
const FLOOR_ID = '{5f1c1f39-3f4e-4c55-9a57-1d1b7f3c2e0a}';

async function waitInPage<T>(page: Page, probe: () => T | undefined): Promise<T> {
  const handle = await page.waitForFunction(probe, { timeout: WAIT_MS, polling: 20 });
  return (await handle.jsonValue()) as T;
}

/** Navigation start to the badge next to the name on a freshly loaded saved profile. */
async function badgeLatency(h: FirefoxHarness): Promise<number> {
  const page = await h.newTab();
  await page.evaluateOnNewDocument(installPageClock);
  await page.goto(PAGES.eduardo.url, { waitUntil: 'domcontentloaded' });
  const at = await waitInPage(
    page,
    () => window.__benchClock?.spans.find((s) => s.afterHeading)?.at,
  );
  await page.close();
  return at;
}

/**
 * The popup opened in a tab, from navigation start to its summary drawn, in the page's clock.
 * `late` when the summary was there before the observer could be installed.
 */
async function popupOpen(h: FirefoxHarness): Promise<{ at: number; late: boolean }> {
  const page = await h.browser.newPage();
  await h.gotoExtensionPage(page, 'popup.html', { loaded: false });
  const timing = await page.evaluate(
    (selector) =>
      new Promise<{ at: number; late: boolean }>((resolve) => {
        if (document.querySelector(selector)) {
          resolve({ at: performance.now(), late: true });
          return;
        }
        const observer = new MutationObserver(() => {
          if (!document.querySelector(selector)) return;
          observer.disconnect();
          resolve({ at: performance.now(), late: false });
        });
        observer.observe(document, { childList: true, subtree: true, attributes: true });
      }),
    SUMMARY_DRAWN,
  );
  await page.close();
  return timing;
}

/** The popup's floor: the touches of the last 90 days read once through Dexie, from an extension page. */
async function ninetyDayRead(h: FirefoxHarness): Promise<number> {
  const page = await h.browser.newPage();
  await h.gotoExtensionPage(page, 'options.html');
  await page.evaluate(DEXIE_SOURCE);
  const took = await page.evaluate(readNinetyDaysOfTouches);
  await page.close();
  return took;
}

/** The bench's floor extension, made a Firefox add-on: an id, and no service worker. */
function firefoxFloor(floorDir: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'alliance-map-floor-firefox-'));
  cpSync(floorDir, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  delete manifest.background;
  manifest.browser_specific_settings = { gecko: { id: FLOOR_ID } };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return dir;
}

function failed(name: string, error: unknown): Metric {
  return {
    name,
    unit: 'ms',
    median: NaN,
    runs: [],
    target: '',
    met: false,
    note: `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
  };
}

export interface FirefoxBenchOptions {
  /** The bench's output folder; the Firefox build goes to its firefox-mv3. */
  outDir: string;
  build: boolean;
  floorDir: string;
  data: Dataset;
  runs: number;
}

/** The Firefox rows: the badge against the floor extension, the popup against the Dexie read. */
export async function firefoxMetrics(options: FirefoxBenchOptions): Promise<Metric[]> {
  const badgeName = 'Firefox: badge latency on a profile';
  const popupName = 'Firefox: popup to summary';
  if (options.build) {
    execFileSync('npx', ['wxt', 'build', '-b', 'firefox', '--mv3'], {
      cwd: ROOT,
      env: { ...process.env, WXT_OUT_DIR: options.outDir, NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  const floorDir = firefoxFloor(options.floorDir);
  let ours: FirefoxSession | undefined;
  let floor: FirefoxHarness | undefined;
  const metrics: Metric[] = [];
  try {
    ours = await startFirefoxSession({ extensionDir: join(ROOT, options.outDir, 'firefox-mv3') });
    floor = await launchFirefox({ extensionDir: floorDir });
    await seedThroughBackup(ours, options.data);
    const h = ours.harness();
    // Warm-ups: start the background and open the database.
    for (const harness of [floor, h]) await badgeLatency(harness);

    try {
      const badge = await sideBySide(
        options.runs,
        () => badgeLatency(floor!),
        () => badgeLatency(h),
      );
      metrics.push(
        againstFloor(
          { name: badgeName, unit: 'ms', runs: badge.ours, target: '≤ 1.25× floor' },
          'static element after the name (Firefox)',
          badge.floor,
          1.25,
        ),
      );
    } catch (error) {
      metrics.push(failed(badgeName, error));
    }

    try {
      const read90: number[] = [];
      const popup: Array<{ at: number; late: boolean }> = [];
      await sideBySide(
        options.runs,
        async () => read90[read90.push(await ninetyDayRead(h)) - 1]!,
        async () => popup[popup.push(await popupOpen(h)) - 1]!.at,
      );
      const late = popup.filter((p) => p.late).length;
      metrics.push({
        ...againstFloor(
          {
            name: popupName,
            unit: 'ms',
            runs: popup.map((p) => p.at),
            target: '≤ 150 ms and ≤ 2× floor',
          },
          '90 days of touches via Dexie (Firefox)',
          read90,
          2,
          150,
        ),
        ...(late ? { note: `${late} run(s) drawn before the observer started: upper bounds` } : {}),
      });
    } catch (error) {
      metrics.push(failed(popupName, error));
    }
  } catch (error) {
    metrics.push(failed(badgeName, error), failed(popupName, error));
  } finally {
    await ours?.close();
    await floor?.close();
    rmSync(floorDir, { recursive: true, force: true });
  }
  return metrics;
}
