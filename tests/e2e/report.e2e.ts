/**
 * The weekly report page in real Chromium, on seeded data: the scores, the head of office as a
 * key-holder risk, next actions naming people, the charts, the Markdown download, a past week
 * from the address, printing, axe-core in both themes, the toolbar mark, and a record of
 * 10,000 people and 100,000 touches.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  PAGES,
  axeViolations,
  clickIslandButton,
  launch,
  openExtensionPage,
  seedDatabase,
  type Harness,
} from './harness';
import { demoDataset, generateDataset } from '../support/dataset';
import { formatLocalDate, weeklyReport } from '@/utils/insights';
import { DEFAULT_SETTINGS } from '@/utils/model';

const DAY_MS = 86_400_000;

/** What the engine says for the demo data, week by week. */
interface Expected {
  data: Record<string, unknown[]>;
  weeks: Array<{
    weekStart: string;
    visibility: number;
    connectivity: number;
    unaware: string[];
    actions: Array<{ text: string; personName: string | null }>;
  }>;
}

/** The demo dataset and its reports for the weeks holding each of `weekOfs`, with default settings. */
function demoAndReports(now: number, weekOfs: number[]): Expected {
  const data = demoDataset(now);
  const weeks = weekOfs.map((weekOf) => {
    const r = weeklyReport({ ...data, settings: DEFAULT_SETTINGS }, weekOf, { now });
    return {
      weekStart: formatLocalDate(r.weekStart),
      visibility: r.visibility.score,
      connectivity: r.connectivity.score,
      unaware: r.unawareKeyHolders.map((k) => k.name),
      actions: r.nextActions.map((a) => ({ text: a.text, personName: a.personName })),
    };
  });
  return { data: { ...data }, weeks };
}

function bigDataset(now: number): Record<string, unknown[]> {
  return {
    ...generateDataset({ people: 10000, touches: 100000, notes: 20000, followUps: 2000 }, now),
  };
}

/** Opens the report and waits until it is fully rendered; returns the page and how long it took. */
async function openReport(h: Harness, query = ''): Promise<{ page: Page; ms: number }> {
  const started = Date.now();
  const page = await openExtensionPage(h, `report.html${query}`);
  await page.locator('main[data-state="ready"]').waitFor({ timeout: 30_000 });
  return { page, ms: Date.now() - started };
}

/** The `?week=` of the page's address, or null for this week. */
function weekInAddress(page: Page): string | null {
  return new URL(page.url()).searchParams.get('week');
}

async function scoreOf(page: Page, id: string): Promise<number> {
  return Number(await page.locator(`[data-score="${id}"] .score-value`).textContent());
}

describe('the weekly report on the demo data', () => {
  let h: Harness;
  let expected: Expected;
  const now = Date.now();
  const pastWeekOf = now - 21 * DAY_MS;

  beforeAll(async () => {
    expected = demoAndReports(now, [now, pastWeekOf]);
    h = await launch();
    await seedDatabase(h, expected.data);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('schedules the weekly alarm on install, one week apart', async () => {
    const alarm = await h.serviceWorker.evaluate(() => chrome.alarms.get('weekly-report'));
    expect(alarm?.periodInMinutes).toBe(7 * 24 * 60);
    const at = new Date(alarm!.scheduledTime);
    expect([at.getHours(), at.getMinutes(), at.getDay()]).toEqual([8, 0, 1]);
    expect(alarm!.scheduledTime).toBeGreaterThan(now);
  });

  it('shows the scores, the head of office as a key-holder risk, and next actions naming people', async () => {
    const { page, ms } = await openReport(h);
    console.log(`report (demo data): open to fully rendered in ${ms} ms`);
    const [week] = expected.weeks;
    expect(await page.locator('time').getAttribute('datetime')).toBe(week!.weekStart);
    expect(await scoreOf(page, 'visibility')).toBe(week!.visibility);
    expect(await scoreOf(page, 'connectivity')).toBe(week!.connectivity);

    const unaware = page.locator('[data-section="unaware"]');
    expect(week!.unaware).toContain('Dana Lee');
    await expect.poll(() => unaware.textContent()).toContain('Dana Lee (+2, high influence)');

    const actions = await page.locator('[data-section="next-actions"] li').allTextContents();
    expect(actions).toEqual(week!.actions.map((a) => a.text));
    expect(actions.length).toBeGreaterThan(0);
    for (const [i, action] of week!.actions.entries())
      expect(actions[i]).toContain(action.personName);

    expect(await page.locator('svg.trend-chart[role="img"]').count()).toBe(1);
    expect(await page.locator('svg.touches-chart[role="img"]').count()).toBe(1);
    // The map is drawn on its own page: the report sums it up and links there.
    const map = page.locator('[data-section="map"]');
    expect(await map.textContent()).toMatch(
      /\d+ key holders?, of whom \d+ knows? your recent work/,
    );
    expect(
      await map.getByRole('link', { name: 'Open the alliance map' }).getAttribute('href'),
    ).toBe('/map.html');
    await page.close();
  });

  it('downloads the week as Markdown', async () => {
    const { page } = await openReport(h);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download Markdown' }).click(),
    ]);
    const week = expected.weeks[0]!;
    expect(download.suggestedFilename()).toBe(`alliance-map-week-${week.weekStart}.md`);
    const markdown = readFileSync((await download.path())!, 'utf8');
    expect(markdown).toContain(`# Alliance Map: week of ${week.weekStart}`);
    expect(markdown).toContain(`**Visibility: ${week.visibility}**`);
    expect(markdown).toContain('Dana Lee');
    for (const action of week.actions) expect(markdown).toContain(action.personName);
    await page.close();
  });

  it('shows a past week named in the address, and steps between weeks', async () => {
    const past = expected.weeks[1]!;
    const { page } = await openReport(h, `?week=${past.weekStart}`);
    expect(await page.locator('time').getAttribute('datetime')).toBe(past.weekStart);
    expect(await scoreOf(page, 'visibility')).toBe(past.visibility);
    expect(await scoreOf(page, 'connectivity')).toBe(past.connectivity);
    expect(await page.locator('[data-section="next-actions"] li').allTextContents()).toEqual(
      past.actions.map((a) => a.text),
    );

    await page.getByRole('button', { name: 'Next week →' }).click();
    await expect.poll(() => weekInAddress(page)).not.toBe(past.weekStart);
    const next = weekInAddress(page);
    expect(next).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await page.locator(`main[data-state="ready"] time[datetime="${next}"]`).waitFor();

    await page.getByRole('button', { name: 'This week' }).click();
    await expect
      .poll(() => page.locator('time').getAttribute('datetime'))
      .toBe(expected.weeks[0]!.weekStart);
    expect(new URL(page.url()).search).toBe('');
    await page.goBack();
    await expect.poll(() => page.locator('time').getAttribute('datetime')).toBe(next);
    await page.close();
  });

  it('says so when the address names no valid week', async () => {
    const { page } = await openReport(h, '?week=not-a-date');
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('is not a date');
    expect(await page.locator('time').getAttribute('datetime')).toBe(expected.weeks[0]!.weekStart);
    await page.close();
  });

  it('prints the charts without the buttons', async () => {
    const { page } = await openReport(h);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Download Markdown' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '← Previous week' }).isVisible()).toBe(false);
    expect(await page.locator('svg.trend-chart').isVisible()).toBe(true);
    expect(await page.locator('svg.touches-chart').isVisible()).toBe(true);
    await page.close();
  });

  it('passes axe-core in the light and the dark theme', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await h.context.newPage();
      await page.emulateMedia({ colorScheme });
      await page.goto(`chrome-extension://${h.extensionId}/report.html`);
      await page.locator('main[data-state="ready"]').waitFor();
      expect(await axeViolations(page), colorScheme).toEqual([]);
      await page.close();
    }
  });

  it('clears the "new report" mark on the toolbar icon when opened', async () => {
    await h.serviceWorker.evaluate(async () => {
      await chrome.action.setBadgeText({ text: '•' });
      await chrome.storage.local.set({ reportReadyAt: Date.now() });
    });
    const { page } = await openReport(h);
    await expect
      .poll(() => h.serviceWorker.evaluate(() => chrome.action.getBadgeText({})))
      .toBe('');
    expect(await h.serviceWorker.evaluate(() => chrome.storage.local.get('reportReadyAt'))).toEqual(
      {},
    );
    await page.close();
  });

  // Last in this block: it changes the data.
  it('reads the data fresh when it opens, and follows a change made while it is open', async () => {
    const first = await openReport(h);
    const unawareBefore = first.page.locator('[data-section="unaware"]');
    expect(await unawareBefore.textContent()).toContain('Dana Lee');
    await first.page.close();
    // Dana, the unaware head of office, hears about the user's work, written past the pages.
    await seedDatabase(h, {
      touches: [
        {
          id: 'e2e-shared-with-dana',
          personSlug: 'dana-lee',
          at: now - DAY_MS,
          kind: 'shared-work',
          direction: 'gave',
          note: '',
          createdAt: now - DAY_MS,
        },
      ],
    });
    const { page } = await openReport(h);
    const unaware = page.locator('[data-section="unaware"]');
    expect(await unaware.textContent()).not.toContain('Dana Lee');
    // A third advisor tagged from the badge while the report is open: the board's gap follows.
    const gaps = page.locator('[data-section="gaps"]');
    const gapsBefore = await gaps.textContent();
    const profile = await h.context.newPage();
    await profile.goto(PAGES.vasileios.url, { waitUntil: 'domcontentloaded' });
    await clickIslandButton(profile, '+ Tag in Alliance Map');
    await clickIslandButton(profile, 'Advisor');
    await expect.poll(() => gaps.textContent()).not.toBe(gapsBefore);
    expect(await gaps.textContent()).toMatch(/\b3\b/);
    await profile.close();
    await page.close();
  });
});

describe('the weekly report at 10,000 people and 100,000 touches', () => {
  let h: Harness;
  const now = Date.now();

  beforeAll(async () => {
    const data = bigDataset(now);
    h = await launch();
    await seedDatabase(h, data);
  }, 240_000);
  afterAll(async () => {
    await h?.close();
  });

  it('renders this week and a past one', { timeout: 120_000 }, async () => {
    const first = await openReport(h);
    console.log(
      `report (10k people, 100k touches): open to fully rendered in ${first.ms} ms (first open)`,
    );
    await first.page.close();
    const { page, ms } = await openReport(h);
    console.log(`report (10k people, 100k touches): open to fully rendered in ${ms} ms`);
    expect(await scoreOf(page, 'visibility')).toBeGreaterThanOrEqual(0);
    expect(await page.locator('[data-section="map"] a[href="/map.html"]').count()).toBe(1);
    expect(await page.locator('[data-section="next-actions"] li').count()).toBe(5);
    expect(await page.locator('[data-section="cold"] li').count()).toBeLessThanOrEqual(10);

    await page.getByRole('button', { name: '← Previous week' }).click();
    await expect.poll(() => weekInAddress(page)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await page
      .locator(`main[data-state="ready"] time[datetime="${weekInAddress(page)}"]`)
      .waitFor();
    expect(await page.locator('svg.trend-chart').count()).toBe(1);
    await page.close();
  });
});
