/**
 * The side panel in real Chromium: it follows the tab's profile, its edits reach the badge on
 * the LinkedIn page, the popup's quick tag reaches it, it keeps an edit when closed mid-typing,
 * it passes an axe-core check in both themes at the panel's width, and its people list stays
 * fast at 10,000 people.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  PAGES,
  axeViolations,
  fixtureHtml,
  launch,
  openExtensionPage,
  seedDatabase,
  spaNavigate,
  tabIdOf,
  waitForIsland,
  type Harness,
} from './harness';
import { generateDataset, type Dataset } from '../support/dataset';

const FEED_URL = 'https://www.linkedin.com/feed/';
const FEED_HTML =
  '<!doctype html><html lang="en"><head><title>Feed | LinkedIn</title></head><body><main>Feed</main></body></html>';

async function openProfile(h: Harness, url: string): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  return page;
}

async function panelFor(h: Harness, page: Page): Promise<Page> {
  const panel = await openExtensionPage(h, `sidepanel.html?tab=${await tabIdOf(h, page)}`);
  await panel.setViewportSize({ width: 360, height: 800 });
  return panel;
}

/** The panel scrolls only up and down at its width. */
async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

describe('the side panel follows the tab and edits the record', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
    h.serve(FEED_URL, FEED_HTML);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('starts a record for the profile in the tab and the badge on the page updates', async () => {
    const page = await openProfile(h, PAGES.eduardo.url);
    await waitForIsland(page, (i) => i.text.includes('Tag in Alliance Map'));
    const panel = await panelFor(h, page);
    await panel.getByText('Not in your records yet').waitFor();
    await panel.getByRole('button', { name: 'Mentor' }).click();

    // The full record replaces the quick tag as soon as the record exists.
    await panel.getByRole('button', { name: 'Sponsor' }).waitFor();
    await panel.getByLabel('Motivations').waitFor();
    await panel.getByRole('button', { name: 'Sponsor' }).click();
    await waitForIsland(page, (i) => i.text.includes('Sponsor') && i.text.includes('Mentor'));

    await panel.getByLabel('Note for the touch (optional)').fill('Thanked him for the intro');
    await panel.getByRole('button', { name: 'Showed appreciation' }).click();
    await panel
      .getByTestId('record-status')
      .filter({ hasText: 'Logged: Showed appreciation.' })
      .waitFor();
    await waitForIsland(page, (i) => i.text.includes('Last touch'));
    await expect
      .poll(() => panel.locator('.entry-touch').first().textContent())
      .toContain('Thanked him for the intro');

    await panel.getByRole('button', { name: 'Sponsor' }).click();
    await waitForIsland(page, (i) => i.text.includes('Mentor') && !i.text.includes('Sponsor'));
    await panel.close();
    await page.close();
  });

  it('shows a quick tag from the popup at once', async () => {
    const page = await openProfile(h, PAGES.eduardo.url);
    const panel = await panelFor(h, page);
    await panel.getByLabel('Motivations').waitFor();
    const popup = await openExtensionPage(h, `popup.html?tab=${await tabIdOf(h, page)}`);
    await popup.getByRole('button', { name: 'Ally' }).click();
    await expect
      .poll(() => panel.getByRole('button', { name: 'Ally' }).getAttribute('aria-pressed'))
      .toBe('true');
    await popup.getByLabel(/One-line note/).fill('Met at the platform review');
    await popup.getByRole('button', { name: 'Add note' }).click();
    await panel.locator('.entry-note', { hasText: 'Met at the platform review' }).waitFor();
    await popup.close();
    await panel.close();
    await page.close();
  });

  it('keeps what was typed when the panel is closed mid-edit', async () => {
    const page = await openProfile(h, PAGES.eduardo.url);
    let panel = await panelFor(h, page);
    await panel.getByLabel('Motivations').fill('Wants the platform migration to land');
    // Closed well inside the save delay.
    await panel.close({ runBeforeUnload: true });
    panel = await panelFor(h, page);
    await expect
      .poll(() => panel.getByLabel('Motivations').inputValue())
      .toBe('Wants the platform migration to land');
    await panel.close();
    await page.close();
  });

  it('follows the tab to another profile and to the people list', async () => {
    const page = await openProfile(h, PAGES.eduardo.url);
    const panel = await panelFor(h, page);
    await panel.getByRole('heading', { level: 2, name: /Eduardo/ }).waitFor();

    await spaNavigate(page, PAGES.vasileios.url, fixtureHtml(PAGES.vasileios.file));
    await panel.getByText('Not in your records yet').waitFor();
    await expect
      .poll(() => panel.getByRole('heading', { level: 2, name: /Eduardo/ }).count())
      .toBe(0);

    await page.goto(FEED_URL, { waitUntil: 'domcontentloaded' });
    await panel.getByRole('heading', { name: 'People' }).waitFor();
    await panel.locator('.person-open', { hasText: 'Eduardo' }).click();
    await panel.getByRole('heading', { level: 2, name: /Eduardo/ }).waitFor();
    await panel.getByRole('button', { name: '← All people' }).click();
    await panel.getByRole('heading', { name: 'People' }).waitFor();
    await panel.close();
    await page.close();
  });

  it('refuses bad input with a message and keeps the record whole', async () => {
    const page = await openProfile(h, PAGES.eduardo.url);
    const panel = await panelFor(h, page);
    const name = panel.getByLabel('Name', { exact: true });
    await name.fill('');
    await panel.getByText('A name cannot be empty').waitFor();
    await name.blur();
    await expect.poll(() => name.inputValue()).toMatch(/Eduardo/);

    await panel.getByLabel('New note').fill('y'.repeat(50_000));
    await panel.getByText('Notes are limited to 20,000 characters.').waitFor();
    await panel.getByRole('button', { name: 'Add note' }).click();
    await panel.getByTestId('record-status').filter({ hasText: 'Note saved.' }).waitFor();
    expect(await horizontalOverflow(panel)).toBeLessThanOrEqual(0);

    const before = await panel.locator('.entry-touch').count();
    await panel.getByLabel('Date', { exact: true }).fill('10000-01-01');
    await panel.getByRole('button', { name: 'Spent time together' }).click();
    await panel
      .getByTestId('record-status')
      .filter({ hasText: 'between the years 1900 and 9999' })
      .waitFor();
    expect(await panel.locator('.entry-touch').count()).toBe(before);
    await panel.close();
    await page.close();
  });

  it('passes an accessibility check in light and dark, record and list, without sideways scrolling', async () => {
    const page = await openProfile(h, PAGES.eduardo.url);
    const panel = await panelFor(h, page);
    for (const colorScheme of ['light', 'dark'] as const) {
      await panel.emulateMedia({ colorScheme });
      await panel.getByLabel('Motivations').waitFor();
      await panel.locator('.entry-note').first().waitFor();
      expect(await axeViolations(panel)).toEqual([]);
      expect(await horizontalOverflow(panel)).toBeLessThanOrEqual(0);

      await panel.getByRole('button', { name: '← All people' }).click();
      await panel.locator('.person-open', { hasText: 'Eduardo' }).waitFor();
      expect(await axeViolations(panel)).toEqual([]);
      expect(await horizontalOverflow(panel)).toBeLessThanOrEqual(0);
      await panel.getByRole('button', { name: /^Back to/ }).click();
    }
    await panel.close();
    await page.close();
  });
});

describe('the people list at 10,000 people', () => {
  let h: Harness;
  let data: Dataset;
  let panel: Page;
  const count = () => panel.getByTestId('people-count').textContent();

  beforeAll(async () => {
    h = await launch();
    data = generateDataset(
      { people: 10_000, touches: 20_000, notes: 5_000, followUps: 2_000 },
      Date.now(),
    );
    await seedDatabase(h, data as unknown as Record<string, unknown[]>);
    const feed = h.context.pages()[0] ?? (await h.context.newPage());
    h.serve(FEED_URL, FEED_HTML);
    await feed.goto(FEED_URL, { waitUntil: 'domcontentloaded' });
    panel = await panelFor(h, feed);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('lists everyone and draws only the rows in view', async () => {
    await expect.poll(count, { timeout: 20_000 }).toBe('10,000 of 10,000 people');
    const rows = await panel.locator('[role="listitem"]').count();
    expect(rows).toBeGreaterThan(5);
    expect(rows).toBeLessThan(40);
    await panel.locator('.virtual-list').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect
      .poll(() => panel.locator('[role="listitem"]').last().getAttribute('aria-posinset'))
      .toBe('10000');
    expect(await panel.locator('[role="listitem"]').count()).toBeLessThan(40);
    expect(await horizontalOverflow(panel)).toBeLessThanOrEqual(0);
  });

  it('updates the results as the user types a search', async () => {
    // How fast each keystroke is, is measured by `npm run bench`, not asserted here.
    await panel.getByLabel('Search by name, company or note').pressSequentially('priya nowak');
    const expected = data.people.filter((p) => p.name === 'Priya Nowak').length;
    expect(expected).toBeGreaterThan(0);
    await expect.poll(count).toBe(`${expected.toLocaleString('en-US')} of 10,000 people`);
    const names = await panel.locator('.person-name strong').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => n === 'Priya Nowak')).toBe(true);
  });

  it('filters by role, stance, level, due and overdue, and sorts by name', async () => {
    await panel.getByLabel('Search by name, company or note').fill('');
    const sponsors = data.people.filter((p) => p.roles.includes('sponsor')).length;
    await panel.getByLabel('Role').selectOption('sponsor');
    await expect.poll(count).toBe(`${sponsors.toLocaleString('en-US')} of 10,000 people`);

    const sponsorSkeptics = data.people.filter(
      (p) => p.roles.includes('sponsor') && p.stance === 'skeptic',
    ).length;
    await panel.getByLabel('Stance').selectOption('skeptic');
    await expect.poll(count).toBe(`${sponsorSkeptics.toLocaleString('en-US')} of 10,000 people`);

    const withLevel = data.people.filter(
      (p) => p.roles.includes('sponsor') && p.stance === 'skeptic' && p.level === 'plus2',
    ).length;
    await panel.getByLabel('Level').selectOption('plus2');
    await expect.poll(count).toBe(`${withLevel.toLocaleString('en-US')} of 10,000 people`);

    await panel.getByLabel('Role').selectOption('');
    await panel.getByLabel('Stance').selectOption('');
    await panel.getByLabel('Level').selectOption('');
    const now = Date.now();
    const overdue = new Set(
      data.followUps.filter((f) => f.status === 'open' && f.due < now).map((f) => f.personSlug),
    ).size;
    await panel.getByLabel('Follow-up overdue').check();
    await expect.poll(count).toBe(`${overdue.toLocaleString('en-US')} of 10,000 people`);
    const flags = await panel.locator('.virtual-row').allTextContents();
    expect(flags.every((t) => /overdue follow-up/.test(t))).toBe(true);
    await panel.getByLabel('Follow-up overdue').uncheck();

    await panel.getByLabel('Due for a touch').check();
    await expect.poll(async () => (await count())?.startsWith('10,000 of')).toBe(false);
    const due = await panel.locator('.virtual-row').allTextContents();
    expect(due.length).toBeGreaterThan(0);
    expect(due.every((t) => t.includes('due for a touch'))).toBe(true);
    await panel.getByLabel('Due for a touch').uncheck();

    await panel.getByLabel('Sort by').selectOption('name');
    const sorted = await panel.locator('.person-name strong').allTextContents();
    expect(sorted).toEqual([...sorted].sort((a, b) => a.localeCompare(b)));
  });

  it('opens a person from the list and goes back to the same search', async () => {
    await panel.getByLabel('Search by name, company or note').fill('offsite');
    await expect.poll(async () => (await count())?.startsWith('10,000 of')).toBe(false);
    const first = panel.locator('.person-open').first();
    const name = (await first.locator('strong').textContent()) ?? '';
    await first.focus();
    await panel.keyboard.press('Enter');
    await panel.getByRole('heading', { level: 2, name }).waitFor();
    await panel.getByRole('button', { name: '← All people' }).click();
    expect(await panel.getByLabel('Search by name, company or note').inputValue()).toBe('offsite');
    const link = panel.locator('.person-line a').first();
    expect(await link.getAttribute('href')).toMatch(/^https:\/\/www\.linkedin\.com\/in\//);
  });
});
