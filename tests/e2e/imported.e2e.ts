/**
 * People from a Connections.csv in real Chromium: the import stores each once in the people
 * table, none of them tracked (utils/db/stored-person.ts), and tagging one from the badge on
 * their profile tracks them and keeps what the file said.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  PAGES,
  clickIslandButton,
  launch,
  openExtensionPage,
  waitForIsland,
  type Harness,
} from './harness';

const CSV = [
  'Notes:',
  '"When exporting your connection data, you may notice that some of the email addresses are missing."',
  '',
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  'Eduardo,Alvarez Nowak,https://www.linkedin.com/in/eduardo-alvarez-nowak,,Globex,Director of Platform,03 Apr 2024',
  'Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace-1815,,Analytical Engines,Head of Research,12 Dec 2023',
  'Grace,Hopper,https://www.linkedin.com/in/gracehopper,,US Navy,Rear Admiral,28 Feb 2022',
].join('\n');

type Stored = Array<{ slug: string; company: string; roles: string[]; tracked?: number }>;

/** The people store's records, read past the extension. */
async function stored(page: Page): Promise<Stored> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('alliance-map');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const people = await new Promise<Stored>((resolve, reject) => {
      const request = db.transaction('people').objectStore('people').getAll();
      request.onsuccess = () => resolve(request.result as Stored);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return people.map(({ slug, company, roles, tracked }) => ({
      slug,
      company,
      roles,
      ...(tracked === undefined ? {} : { tracked }),
    }));
  });
}

describe('imported connections', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('keep what the file said when one is tagged from their profile', async () => {
    const options = await openExtensionPage(h, 'options.html');
    await options.locator('#linkedin-file').setInputFiles({
      name: 'Connections.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(CSV),
    });
    await options.getByRole('button', { name: 'Import from LinkedIn' }).click();
    await options.getByRole('status').filter({ hasText: 'Imported Connections.csv.' }).waitFor();
    expect(await stored(options)).toEqual([
      { slug: 'ada-lovelace-1815', company: 'Analytical Engines', roles: [] },
      { slug: 'eduardo-alvarez-nowak', company: 'Globex', roles: [] },
      { slug: 'gracehopper', company: 'US Navy', roles: [] },
    ]);

    const profile = await h.context.newPage();
    await profile.goto(PAGES.eduardo.url, { waitUntil: 'domcontentloaded' });
    // An untagged connection is offered a tag, as anyone is: visiting is not tagging.
    await clickIslandButton(profile, '+ Tag in Alliance Map');
    await clickIslandButton(profile, 'Ally');
    await waitForIsland(profile, (i) =>
      i.buttons.some((b) => b.label === 'Ally' && b.pressed === 'true'),
    );
    await expect
      .poll(() => stored(options))
      .toEqual([
        { slug: 'ada-lovelace-1815', company: 'Analytical Engines', roles: [] },
        { slug: 'eduardo-alvarez-nowak', company: 'Globex', roles: ['ally'], tracked: 1 },
        { slug: 'gracehopper', company: 'US Navy', roles: [] },
      ]);
    await profile.close();

    const popup = await openExtensionPage(h, 'popup.html');
    await popup.getByText('1 tagged person').waitFor();
    await popup.close();
    await options.close();
  });
});
