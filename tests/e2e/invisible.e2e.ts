/**
 * Invisible to LinkedIn, what only Chromium's debugging protocol can see: the LinkedIn script's
 * own listeners and observers, counted in its isolated world across in-page navigations. The
 * probes LinkedIn plays (messaging through `externally_connectable`, fetching the extension's
 * files, scanning the DOM, listening for messages and events) run in Chromium and Firefox alike
 * in tests/e2e/both/invisible.e2e.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PAGES,
  closedIslands,
  fixtureHtml,
  launch,
  seedDatabase,
  spaNavigate,
  waitForIsland,
  type Harness,
} from './harness';
import { attachScriptWorld, domSnapshot } from './security-support';
import { newPerson } from '@/utils/model';

const LIST_HTML = fixtureHtml('list-2024-07-member-rails.html');
/** Two people the profile's rails show, to be known (tagged) so that chips are drawn for them. */
const LISTED = [
  ...new Set([...LIST_HTML.matchAll(/linkedin\.com\/in\/([a-z0-9-]+)/g)].map((m) => m[1]!)),
].slice(0, 2);

describe('invisible to LinkedIn', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await launch();
    await seedDatabase(h, {
      people: [
        newPerson('eduardo-alvarez-nowak', Date.now(), {
          roles: ['mentor'],
          name: 'Eduardo Alvarez Nowak',
        }),
        newPerson('vasileiosalevizos', Date.now(), { roles: ['ally'] }),
        ...LISTED.map((slug) => newPerson(slug, Date.now(), { roles: ['sponsor'] })),
      ],
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('leaves no listener, observer or badge behind after ten round trips between two profiles', async () => {
    const page = await h.context.newPage();
    const world = await attachScriptWorld(page, h.extensionId);
    await page.goto(PAGES.eduardo.url, { waitUntil: 'domcontentloaded' });
    await waitForIsland(page, (i) => i.text.includes('Mentor'));
    // Settled: the badge and a chip for each known person in the profile's rails.
    await expect
      .poll(async () => (await closedIslands(page)).length, { timeout: 20_000 })
      .toBe(1 + LISTED.length);
    const before = {
      listeners: await world.listenerCounts(),
      hosts: (await domSnapshot(page)).hosts,
    };
    expect(before.hosts).toBeGreaterThan(0);

    for (let round = 0; round < 10; round++) {
      await spaNavigate(page, PAGES.vasileios.url, fixtureHtml(PAGES.vasileios.file), 50);
      await waitForIsland(page, (i) => i.text.includes('Ally'));
      await spaNavigate(page, PAGES.eduardo.url, fixtureHtml(PAGES.eduardo.file), 50);
      await waitForIsland(page, (i) => i.text.includes('Mentor'));
    }
    await expect
      .poll(async () => (await closedIslands(page)).length, { timeout: 20_000 })
      .toBe(1 + LISTED.length);
    await page.waitForTimeout(1000);
    const after = {
      listeners: await world.listenerCounts(),
      hosts: (await domSnapshot(page)).hosts,
    };
    expect(after).toEqual(before);
    expect(world.errors).toEqual([]);
    await world.detach();
    await page.close();
  });
});
