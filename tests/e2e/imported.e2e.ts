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
  tabIdOf,
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

describe('people from an old export', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('are kept without a profile, and linked to theirs once the user says so', async () => {
    const legacy = [
      'First Name,Last Name,Email Address,Company,Position,Connected On',
      'Eduardo,Alvarez Nowak,,Initech,Head of Platform,"1/8/18, 6:14 PM"',
      'Linus,Example,,Globex,Engineer,"3/3/16, 12:00 AM"',
    ].join('\n');
    const options = await openExtensionPage(h, 'options.html');
    await options.locator('#linkedin-file').setInputFiles({
      name: 'Connections.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(legacy),
    });
    await options.getByRole('button', { name: 'Import from LinkedIn' }).click();
    const report = options.getByTestId('linkedin-report');
    await report.getByText(/2 without a profile URL/).waitFor();
    const before = await stored(options);
    expect(
      before
        .filter((p) => p.slug.startsWith('no-profile/'))
        .map((p) => p.company)
        .sort(),
    ).toEqual(['Globex', 'Initech']);

    // Found in the side panel's list by name, and tagged there before any profile is known.
    const list = await openExtensionPage(h, 'sidepanel.html');
    await list.getByRole('searchbox', { name: /search by name/i }).fill('eduardo');
    await list.getByRole('button', { name: /Eduardo Alvarez Nowak/ }).click();
    await list.getByRole('button', { name: 'Mentor' }).click();
    await expect
      .poll(async () => (await stored(options)).find((p) => p.company === 'Initech')?.roles)
      .toEqual(['mentor']);
    await list.close();

    // The profile of the same name: the side panel asks before linking anything.
    const profile = await h.context.newPage();
    await profile.goto(PAGES.eduardo.url, { waitUntil: 'domcontentloaded' });
    const panel = await openExtensionPage(h, `sidepanel.html?tab=${await tabIdOf(h, profile)}`);
    const offer = panel.getByRole('region', { name: 'From your LinkedIn export' });
    await offer.getByText(/Head of Platform · Initech/).waitFor();
    await offer.getByRole('button', { name: 'Yes, link to this profile' }).click();
    await offer
      .getByRole('status')
      .filter({ hasText: /^Linked/ })
      .waitFor();
    await expect
      .poll(
        async () => (await stored(options)).filter((p) => p.slug.startsWith('no-profile/')).length,
      )
      .toBe(1);
    // The profile's record holds what the old one did; the other export row waits.
    const people = await stored(options);
    expect(people.find((p) => p.slug === 'eduardo-alvarez-nowak')).toMatchObject({
      roles: ['mentor'],
      tracked: 1,
    });
    expect(people.filter((p) => p.slug.startsWith('no-profile/')).map((p) => p.company)).toEqual([
      'Globex',
    ]);
    await panel.close();
    await profile.close();
    await options.close();
  });
});
