/**
 * The popup on its own: the summary of the alliance from the insight engine, accessible in light
 * and dark themes, and fitting its width.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  PAGES,
  axeViolations,
  clickIslandButton,
  launch,
  openExtensionPage,
  seedDatabase,
  tabIdOf,
  waitForIsland,
  type Harness,
} from './harness';
import { demoDataset } from '../support/dataset';
import { connectivity, visibility } from '@/utils/insights';
import { DEFAULT_SETTINGS } from '@/utils/model';

const NOW = Date.now();
const DATA = demoDataset(NOW);

async function openPopup(h: Harness, tabPage?: Page): Promise<Page> {
  const query = tabPage ? `?tab=${await tabIdOf(h, tabPage)}` : '';
  const popup = await openExtensionPage(h, `popup.html${query}`);
  await popup.setViewportSize({ width: 380, height: 700 });
  await popup.getByRole('heading', { name: 'This week' }).waitFor();
  return popup;
}

describe('the popup', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await launch();
    await seedDatabase(h, { ...DATA });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("summarises the alliance with the engine's scores, who is due and what is overdue", async () => {
    const popup = await openPopup(h);
    const data = { ...DATA, settings: DEFAULT_SETTINGS };
    const scores = popup.locator('.scores');
    await expect
      .poll(() => scores.textContent())
      .toContain(`Visibility${visibility(data, NOW).score}`);
    expect(await scores.textContent()).toContain(`Connectivity${connectivity(data, NOW).score}`);
    expect(await scores.textContent()).toContain(visibility(data, NOW).reason);
    expect(await popup.getByText('Send Sam the design review notes').count()).toBe(1);
    // Dates in words, as on the badge: the popup loads no locale data to draw them.
    expect(
      await popup.locator('li', { hasText: 'Send Sam the design review notes' }).textContent(),
    ).toMatch(/due (yesterday|\d+ (days|weeks) ago)\)/);
    expect(await popup.getByText('4 tagged people').count()).toBe(1);
    await popup.close();
  });

  it('shows the quick tag for the profile in the tab, with the latest note', async () => {
    const page = await h.context.newPage();
    await page.goto(PAGES.eduardo.url, { waitUntil: 'domcontentloaded' });
    const popup = await openPopup(h, page);
    await popup.getByRole('heading', { name: 'Eduardo Alvarez Nowak' }).waitFor();
    expect(await popup.getByRole('button', { name: 'Sponsor' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(await popup.getByTestId('latest-note').textContent()).toContain('leadership offsite');
    await popup.close();
    await page.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`passes axe-core in the ${colorScheme} theme and fits its width`, async () => {
      const page = await h.context.newPage();
      await page.goto(PAGES.eduardo.url, { waitUntil: 'domcontentloaded' });
      const popup = await openPopup(h, page);
      await popup.emulateMedia({ colorScheme });
      await popup.getByRole('heading', { name: 'Eduardo Alvarez Nowak' }).waitFor();
      expect(await axeViolations(popup)).toEqual([]);
      // The theme's stylesheet, written into the page by the build (build/inline-page-styles.ts).
      expect(await popup.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
        colorScheme === 'dark' ? 'rgb(27, 31, 35)' : 'rgb(255, 255, 255)',
      );
      const overflow = await popup.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await popup.close();
      await page.close();
    });
  }

  it('is usable from the keyboard: a role toggles with Enter', async () => {
    const page = await h.context.newPage();
    await page.goto(PAGES.vasileios.url, { waitUntil: 'domcontentloaded' });
    const popup = await openPopup(h, page);
    const ally = popup.getByRole('button', { name: 'Ally' });
    await ally.focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => ally.getAttribute('aria-pressed')).toBe('true');
    await popup.keyboard.press('Enter');
    await expect.poll(() => ally.getAttribute('aria-pressed')).toBe('false');
    await popup.close();
    await page.close();
  });

  // Last: it changes the data.
  it('reads its summary fresh on every open, and follows changes made elsewhere', async () => {
    const first = await openPopup(h);
    await first.getByText('4 tagged people').waitFor();
    await first.close();

    // Tagged on the profile with no extension page open: the next popup says so at once.
    const profile = await h.context.newPage();
    await profile.goto(PAGES.vasileios.url, { waitUntil: 'domcontentloaded' });
    await clickIslandButton(profile, '+ Tag in Alliance Map');
    await clickIslandButton(profile, 'Ally');
    await waitForIsland(profile, (i) =>
      i.buttons.some((b) => b.label === 'Ally' && b.pressed === 'true'),
    );
    const popup = await openPopup(h);
    const summary = popup.locator('section[aria-labelledby="summary-title"]');
    await popup.getByText('5 tagged people').waitFor();

    // And while the popup is open, a change elsewhere reaches it.
    await clickIslandButton(profile, 'Ally');
    await popup.getByText('4 tagged people').waitFor();
    expect(await summary.textContent()).toContain('4 tagged people');
    await popup.close();
    await profile.close();
  });
});
