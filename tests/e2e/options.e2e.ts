/**
 * The options page in real Chromium: persistent storage shown, backup → delete everything →
 * restore with the data back on a LinkedIn profile, a hostile backup refused without a change,
 * a Connections.csv import with its skipped lines, and stealth mode injecting nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  PAGES,
  ROOT,
  axeViolations,
  clickIslandButton,
  closedIslands,
  launch,
  openExtensionPage,
  waitForIsland,
  type Harness,
} from './harness';

const CONNECTIONS_CSV = join(ROOT, 'tests/fixtures/transfer/connections-current.csv');

async function openProfile(h: Harness, url: string): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  return page;
}

async function openOptions(h: Harness): Promise<Page> {
  const page = await openExtensionPage(h, 'options.html');
  await page.getByRole('heading', { name: 'Your data on this computer' }).waitFor();
  return page;
}

/** The "Stored" line of the options page, once it has been counted. */
async function storedCounts(page: Page): Promise<string> {
  const counts = page.getByTestId('record-counts');
  await expect.poll(() => counts.textContent()).toMatch(/^People: \d+/);
  return (await counts.textContent()) ?? '';
}

async function peopleCount(page: Page): Promise<number> {
  return Number(/^People: (\d+)/.exec(await storedCounts(page))?.[1]);
}

/** The IndexedDB databases of the extension's origin, and its storage keys. */
async function storedPlaces(page: Page): Promise<{ databases: string[]; keys: string[] }> {
  return page.evaluate(async () => ({
    databases: (await indexedDB.databases()).map((db) => db.name ?? '').sort(),
    keys: Object.keys(await chrome.storage.local.get(null)).sort(),
  }));
}

describe('the options page', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows persistent storage, the space used and the uninstall reminder, accessibly and without sideways scrolling at 800 px', async () => {
    const page = await openOptions(h);
    await page.setViewportSize({ width: 800, height: 900 });
    await expect
      .poll(() => page.getByTestId('persist-status').textContent())
      .toMatch(/^(granted|not granted)/);
    await expect
      .poll(() => page.getByText(/\d+(\.\d)? (bytes|kB|MB|GB)( of .* available)?$/).count())
      .toBe(1);
    await page.getByText('Uninstalling Alliance Map deletes everything it stores.').waitFor();
    expect(await page.getByTestId('last-backup').textContent()).toBe('never');
    expect(await storedCounts(page)).toBe(
      'People: 0 · Notes: 0 · Touches: 0 · Ties: 0 · Follow-ups: 0',
    );
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    const violations = await axeViolations(page);
    expect(violations).toEqual([]);
    await page.close();
  });

  it('exports a backup, deletes everything, and restores it by replacing', async () => {
    // Tag two people from their badges.
    const eduardo = await openProfile(h, PAGES.eduardo.url);
    await clickIslandButton(eduardo, '+ Tag in Alliance Map');
    await clickIslandButton(eduardo, 'Mentor');
    await waitForIsland(eduardo, (i) =>
      i.buttons.some((b) => b.label === 'Mentor' && b.pressed === 'true'),
    );
    const vasileios = await openProfile(h, PAGES.vasileios.url);
    await clickIslandButton(vasileios, '+ Tag in Alliance Map');
    await clickIslandButton(vasileios, 'Ally');
    await waitForIsland(vasileios, (i) =>
      i.buttons.some((b) => b.label === 'Ally' && b.pressed === 'true'),
    );
    await vasileios.close();

    const popup = await openExtensionPage(h, 'popup.html');
    await popup.getByText('2 tagged people').waitFor();
    await popup.close();

    const options = await openOptions(h);
    await expect.poll(() => peopleCount(options)).toBe(2);

    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Export a backup' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^alliance-map-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const backupPath = await download.path();
    const backup = JSON.parse(readFileSync(backupPath, 'utf8')) as {
      format: string;
      people: Array<{ slug: string; roles: string[] }>;
    };
    expect(backup.format).toBe('alliance-map-backup');
    expect(backup.people.map((p) => [p.slug, p.roles])).toEqual([
      ['eduardo-alvarez-nowak', ['mentor']],
      ['vasileiosalevizos', ['ally']],
    ]);
    await expect.poll(() => options.getByTestId('last-backup').textContent()).not.toBe('never');

    // Delete everything with the keyboard alone.
    await options.getByRole('button', { name: 'Delete everything…' }).focus();
    await options.keyboard.press('Enter');
    const confirm = options.getByLabel(/Type DELETE to confirm/);
    await expect.poll(() => confirm.evaluate((el) => el === document.activeElement)).toBe(true);
    await options.keyboard.type('DELETE');
    await options.keyboard.press('Enter');
    await options.getByRole('status').filter({ hasText: 'Everything was deleted' }).waitFor();
    await expect.poll(() => peopleCount(options)).toBe(0);
    // The data has one home: no other database, no copy of a view in extension storage.
    const places = await storedPlaces(options);
    expect(places.databases).toEqual(['alliance-map']);
    expect(places.keys.filter((key) => /cache/i.test(key))).toEqual([]);
    // The badge on the open profile forgets the person's roles at once.
    await waitForIsland(
      eduardo,
      (i) => i.buttons.length > 0 && i.buttons.every((b) => b.pressed !== 'true'),
    );

    await options.getByLabel('Import a backup file').setInputFiles(backupPath);
    await options.getByRole('radio', { name: /^Replace/ }).check();
    const peopleRow = options.getByRole('row', { name: /^People/ });
    await expect.poll(() => peopleRow.textContent()).toBe('People2000');
    await options.getByRole('button', { name: 'Replace my data' }).click();
    await options
      .getByRole('status')
      .filter({ hasText: /^Backup restored/ })
      .waitFor();
    await expect.poll(() => peopleCount(options)).toBe(2);
    const popupAfter = await openExtensionPage(h, 'popup.html');
    await popupAfter.getByText('2 tagged people').waitFor();
    await popupAfter.close();

    await waitForIsland(eduardo, (i) => i.text.includes('Mentor'));
    await eduardo.reload({ waitUntil: 'domcontentloaded' });
    await waitForIsland(
      eduardo,
      (i) => i.text.startsWith('Mentor') && i.text.includes('No touch yet'),
    );
    await eduardo.close();
    await options.close();
  });

  it('refuses a hostile backup with a clear message and changes nothing', async () => {
    const options = await openOptions(h);
    const before = await storedCounts(options);
    const hostile = JSON.stringify({
      format: 'alliance-map-backup',
      version: 1,
      exportedAt: Date.UTC(2025, 0, 1),
      constructor: { prototype: { polluted: true } },
    });
    await options.getByLabel('Import a backup file').setInputFiles({
      name: 'hostile.json',
      mimeType: 'application/json',
      buffer: Buffer.from(hostile),
    });
    const alert = options.getByRole('alert').filter({ hasText: 'hostile.json was not imported' });
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      'hostile.json was not imported. constructor: this key is not allowed in a backup. Nothing was changed.',
    );
    expect(await options.getByRole('button', { name: /my data$/ }).count()).toBe(0);

    await options.getByLabel('Import a backup file').setInputFiles({
      name: 'future.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ format: 'alliance-map-backup', version: 99 })),
    });
    await options
      .getByRole('alert')
      .filter({ hasText: /newer than this extension reads/ })
      .waitFor();
    expect(await storedCounts(options)).toBe(before);
    await options.close();
  });

  it("imports LinkedIn's Connections.csv, with counts and the lines skipped", async () => {
    const options = await openOptions(h);
    const before = await peopleCount(options);
    const changedAt = () =>
      options.evaluate(async () => (await chrome.storage.local.get('dataChangedAt')).dataChangedAt);
    const changedBefore = await changedAt();
    // Picking the file starts the import's worker, off the page's main thread.
    const worker = options.waitForEvent('worker');
    await options.getByLabel(/LinkedIn export file/).setInputFiles(CONNECTIONS_CSV);
    expect((await worker).url()).toMatch(/\/assets\/import-worker-[\w-]+\.js$/);
    await options.getByRole('button', { name: 'Import from LinkedIn' }).click();
    await options
      .getByRole('status')
      .filter({ hasText: 'Imported Connections.csv. 2 lines skipped (see below).' })
      .waitFor();
    const report = options.getByTestId('linkedin-report');
    expect(await report.getByRole('listitem').allTextContents()).toEqual([
      'People: 4 new, 0 updated, 0 unchanged.',
      expect.stringMatching(/^Connections\.csv, line 7: no name or profile URL/),
      expect.stringMatching(
        /^Connections\.csv, line 10: “https:\/\/example\.com\/not-linkedin” is not a LinkedIn profile URL/,
      ),
    ]);
    await report.getByRole('heading', { name: '2 lines skipped' }).waitFor();
    await expect.poll(() => peopleCount(options)).toBe(before + 4);
    // The worker has no extension APIs: the page tells the other views (badges, popup) for it.
    await expect.poll(changedAt).not.toEqual(changedBefore);
    await options.close();
  });

  it('in stealth mode adds nothing at all to a LinkedIn profile', async () => {
    const options = await openOptions(h);
    await options.getByLabel('Stealth mode').check();
    await options
      .getByRole('status')
      .filter({ hasText: /^Stealth mode on/ })
      .waitFor();

    const profile = await openProfile(h, PAGES.eduardo.url);
    // Long enough for the badge to appear when stealth is off (the foundation expects < 1 s).
    await profile.waitForTimeout(2000);
    expect(await closedIslands(profile)).toEqual([]);
    // The page's DOM equals the DOM without the extension: tests/e2e/both/invisible.e2e.ts.

    // The script was there all along: turning stealth off draws the badge without a reload.
    await options.getByLabel('Stealth mode').uncheck();
    await options
      .getByRole('status')
      .filter({ hasText: /^Stealth mode off/ })
      .waitFor();
    await waitForIsland(profile, (i) => i.text.includes('Mentor'));
    await profile.close();
    await options.close();
  });
});
