/**
 * The first run in real Chromium: opened on install; the popup and the report lead to it while
 * nothing is known; LinkedIn's Connections.csv imported through the options page's own import;
 * who decides found by typing a name and by pasting a profile address, one click for influence;
 * left and resumed where it was; mentors, a sponsor, allies and a board; the map and the first
 * week's actions at the end; axe-core in both themes.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ROOT, axeViolations, launch, openExtensionPage, type Harness } from './harness';

const CONNECTIONS_CSV = join(ROOT, 'tests/fixtures/transfer/connections-current.csv');

async function stepHeading(page: Page): Promise<string> {
  return (await page.locator('#step-title').textContent()) ?? '';
}

async function openWelcome(h: Harness): Promise<Page> {
  const page = await openExtensionPage(h, 'welcome.html');
  await page.locator('#step-title').waitFor();
  return page;
}

/** Adds someone in the current step through the finder labelled `label`. */
async function add(page: Page, label: string, text: string, button: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).fill(text);
  await page.getByRole('button', { name: button }).click();
  await page.getByRole('listitem', { name: button.replace(/^Add (.*) as .*$/, '$1') }).waitFor();
}

describe('the first run', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch({ keepWelcome: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('opens when the extension is installed', async () => {
    const url = `chrome-extension://${h.extensionId}/welcome.html`;
    // Asked of the browser: the tab may open before the test's view of it is ready.
    const tabs = () =>
      h.serviceWorker.evaluate(async () => (await chrome.tabs.query({})).map((tab) => tab.url));
    await expect.poll(tabs, { timeout: 10_000 }).toContain(url);
    const page = await openWelcome(h);
    expect(await stepHeading(page)).toBe('Step 1 of 7: Your LinkedIn connections');
    await page.close();
  });

  it('is where the popup and the report lead while nothing is known', async () => {
    const popup = await openExtensionPage(h, 'popup.html');
    const [opened] = await Promise.all([
      h.context.waitForEvent('page'),
      popup.getByRole('button', { name: 'Build your map' }).click(),
    ]);
    await opened.waitForURL(/\/welcome\.html$/);
    await opened.close();

    const report = await openExtensionPage(h, 'report.html');
    const first = report.locator('.report-body > section').first();
    await expect.poll(() => first.getAttribute('data-section')).toBe('map');
    expect(
      await first.getByRole('link', { name: 'Build your map step by step' }).getAttribute('href'),
    ).toBe('/welcome.html');
    await report.close();
  });

  it('imports connections, names who decides, and resumes where it was left', async () => {
    const page = await openWelcome(h);
    await page.getByLabel(/LinkedIn export file/).setInputFiles(CONNECTIONS_CSV);
    await page.getByRole('button', { name: 'Import from LinkedIn' }).click();
    await page.getByRole('status').filter({ hasText: 'Imported Connections.csv.' }).waitFor();
    await page.getByRole('button', { name: 'Next (or skip)' }).click();
    await expect.poll(() => stepHeading(page)).toBe('Step 2 of 7: Who decides your next promotion');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('step-title');

    // An imported connection, found by typing part of her name.
    await add(page, 'Find your manager', 'lovel', 'Add Ada Lovelace as your manager');
    const ada = page.getByRole('listitem', { name: 'Ada Lovelace' });
    await ada
      .getByRole('group', { name: "Ada Lovelace's influence on your career" })
      .getByRole('button', { name: 'High' })
      .click();
    await expect
      .poll(() => ada.getByRole('button', { name: 'High' }).getAttribute('aria-pressed'))
      .toBe('true');
    expect(
      await ada
        .getByRole('group', { name: "Ada Lovelace's level above you" })
        .getByRole('button', { name: '+1' })
        .getAttribute('aria-pressed'),
    ).toBe('true');
    // Someone new, by the address of their profile.
    await page
      .getByLabel('Find the head of your office', { exact: true })
      .fill('https://www.linkedin.com/in/hugo-boss-5b2c1a/');
    await page.getByLabel('Their name').fill('Hugo Marchetti');
    await page
      .getByRole('button', { name: 'Add Hugo Marchetti as the head of your office' })
      .click();
    await page.getByRole('listitem', { name: 'Hugo Marchetti' }).waitFor();
    await page.getByLabel('Find your manager', { exact: true }).fill('example.com/in/x');
    await page.getByText('That address is not a LinkedIn profile').waitFor();
    await page.close();

    // Left, then opened again: the same step, with the same people.
    const again = await openWelcome(h);
    expect(await stepHeading(again)).toBe('Step 2 of 7: Who decides your next promotion');
    await again.getByRole('listitem', { name: 'Ada Lovelace' }).waitFor();
    await again.getByRole('listitem', { name: 'Hugo Marchetti' }).waitFor();
    await again.close();
  });

  it('adds mentors, a sponsor, allies and a board, then shows the map and the first week', async () => {
    const page = await openWelcome(h);
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await expect.poll(() => stepHeading(page)).toBe('Step 3 of 7: Your mentors');
    await add(page, 'Find a mentor', 'grace', 'Add Grace Hopper as a mentor');
    await page.getByRole('button', { name: 'Next (or skip)' }).click();
    await expect.poll(() => stepHeading(page)).toBe('Step 4 of 7: A sponsor');
    await add(
      page,
      'Find a sponsor',
      'https://www.linkedin.com/in/sofia-reyes/',
      'Add Sofia Reyes as a sponsor',
    );
    const sofia = page.getByRole('listitem', { name: 'Sofia Reyes' });
    await sofia
      .getByRole('group', { name: "Sofia Reyes's level above you" })
      .getByRole('button', { name: '+2' })
      .click();
    await sofia
      .getByRole('group', { name: "Sofia Reyes's stance toward you" })
      .getByRole('button', { name: 'Champion' })
      .click();
    await page.getByRole('button', { name: 'Next (or skip)' }).click();
    await add(page, 'Find an ally', 'zo', 'Add Zoë Ngô as an ally');
    await page.getByRole('button', { name: 'Next (or skip)' }).click();
    await expect.poll(() => stepHeading(page)).toBe('Step 6 of 7: A board of advisors');
    await add(page, 'Find an advisor', 'grace', 'Add Grace Hopper as an advisor');
    await page
      .getByRole('status')
      .filter({ hasText: '1 on your board: aim for 5 to 8.' })
      .waitFor();
    await page.getByRole('button', { name: 'Next (or skip)' }).click();
    await expect.poll(() => stepHeading(page)).toBe('Step 7 of 7: Your map and your first week');

    const actions = page.getByTestId('first-week').locator('li');
    await expect.poll(() => actions.count()).toBeGreaterThan(0);
    expect((await actions.allTextContents()).join('\n')).toMatch(/Hugo Marchetti|Ada Lovelace/);
    const map = page.frameLocator('iframe[title="Your alliance map"]');
    for (const name of ['Ada Lovelace', 'Hugo Marchetti', 'Grace Hopper', 'Sofia Reyes', 'Zoë Ngô'])
      await map.locator('.map-person', { hasText: name }).waitFor();
    await page.close();

    // The popup no longer offers the first run: people are tagged.
    const popup = await openExtensionPage(h, 'popup.html');
    await popup.getByRole('heading', { name: 'This week' }).waitFor();
    await expect.poll(() => popup.getByRole('button', { name: 'Build your map' }).count()).toBe(0);
    await popup.close();
  });

  it('passes axe-core in the light and the dark theme', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await h.context.newPage();
      await page.emulateMedia({ colorScheme });
      await page.goto(`chrome-extension://${h.extensionId}/welcome.html`);
      await page.locator('#step-title').waitFor();
      for (const step of [
        '2. Who decides your next promotion',
        '7. Your map and your first week',
      ]) {
        await page.getByRole('button', { name: step }).click();
        await page.locator('#step-title', { hasText: step.slice(3) }).waitFor();
        if (step.startsWith('7')) await page.getByTestId('first-week').waitFor();
        else await page.getByRole('listitem', { name: 'Ada Lovelace' }).waitFor();
        expect(await axeViolations(page), `${colorScheme}, ${step}`).toEqual([]);
      }
      await page.close();
    }
  });

  // Last: it deletes everything.
  it('is forgotten, with the map as last drawn, when everything is deleted', async () => {
    const stored = (page: Page) =>
      page.evaluate(async () => ({
        picture: localStorage.getItem('alliance-map:map-snapshot') !== null,
        progress: 'welcomeProgress' in (await chrome.storage.local.get('welcomeProgress')),
      }));
    const options = await openExtensionPage(h, 'options.html');
    expect(await stored(options)).toEqual({ picture: true, progress: true });
    await options.getByRole('button', { name: 'Delete everything…' }).click();
    await options.getByLabel(/Type DELETE to confirm/).fill('DELETE');
    await options.keyboard.press('Enter');
    await options.getByRole('status').filter({ hasText: 'Everything was deleted' }).waitFor();
    expect(await stored(options)).toEqual({ picture: false, progress: false });
    await options.close();
    const page = await openWelcome(h);
    expect(await stepHeading(page)).toBe('Step 1 of 7: Your LinkedIn connections');
    await page.close();
  });
});
