/**
 * On LinkedIn, in Chromium and in Firefox: the badge on each saved profile layout, tagging from
 * the badge, in-page navigation between two profiles, and the data kept across a browser restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, startSession, type Session } from '../browsers';
import { PAGES, fixtureHtml } from '../harness';
import { navigateInPage, waitFor, waitForIsland } from '../tab-actions';

/** Every saved profile layout, on the URL it is served at. */
const LAYOUTS = [
  PAGES.eduardo,
  PAGES.eduardoPublic,
  PAGES.vasileios,
  { url: PAGES.eduardo.url, file: 'profile-2025-hashed-h1.html' },
  {
    url: 'https://www.linkedin.com/in/tusharchauhan1410/',
    file: 'profile-2026-server-driven.html',
  },
] as const;

describe.each(BROWSERS)('on LinkedIn in %s', (browser) => {
  let session: Session;

  beforeAll(async () => {
    session = await startSession(browser, { restartable: true });
  });
  afterAll(async () => {
    await session?.close();
  });

  it.each(LAYOUTS)('offers to tag the person next to their name on $file', async (layout) => {
    session.serve(layout.url, fixtureHtml(layout.file));
    const tab = await session.openTab(layout.url);
    const island = await waitForIsland(tab, (i) => i.text.includes('Tag in Alliance Map'));
    expect(island.buttons.map((b) => b.label)).toEqual(['+ Tag in Alliance Map']);
    expect(await tab.islands()).toHaveLength(1);
    await tab.close();
    session.serve(PAGES.eduardo.url, fixtureHtml(PAGES.eduardo.file));
  });

  it('tags from the badge itself in two clicks', async () => {
    for (const [page, role] of [
      [PAGES.vasileios, 'Ally'],
      [PAGES.eduardo, 'Mentor'],
    ] as const) {
      const tab = await session.openTab(page.url);
      await tab.clickIslandButton('+ Tag in Alliance Map');
      await tab.clickIslandButton(role);
      await waitForIsland(tab, (i) =>
        i.buttons.some((b) => b.label === role && b.pressed === 'true'),
      );
      await tab.clickIslandButton('Done');
      const island = await waitForIsland(tab, (i) => i.buttons.some((b) => b.label === 'Roles'));
      expect(island.text).toContain(role);
      expect(island.text).toContain('No touch yet');
      await tab.close();
    }
  });

  it('shows each person their own badge across in-page navigation, never the previous one', async () => {
    const tab = await session.openTab(PAGES.eduardo.url);
    await waitForIsland(tab, (i) => i.text.includes('Mentor'));
    await navigateInPage(tab, PAGES.vasileios.url, fixtureHtml(PAGES.vasileios.file), 200);
    // From the moment the URL changed, Eduardo's badge must be gone, even while his DOM lingers.
    const seen: string[] = [];
    await waitFor('Vasileios’s badge', async () => {
      const texts = (await tab.islands()).map((i) => i.text);
      seen.push(...texts);
      return texts.some((t) => t.includes('Ally'));
    });
    expect(seen.filter((t) => t.includes('Mentor'))).toEqual([]);

    await navigateInPage(tab, PAGES.eduardo.url, fixtureHtml(PAGES.eduardo.file), 200);
    await waitForIsland(tab, (i) => i.text.includes('Mentor'));
    expect((await tab.islands()).filter((i) => i.text.includes('Ally'))).toEqual([]);
    await tab.close();
  });

  it('keeps everything across a reload and a browser restart', async () => {
    let tab = await session.openTab(PAGES.eduardo.url);
    await waitForIsland(tab, (i) => i.text.includes('Mentor'));
    await tab.reload();
    await waitForIsland(tab, (i) => i.text.includes('Mentor'));
    await session.restart();
    for (const [page, role] of [
      [PAGES.eduardo, 'Mentor'],
      [PAGES.vasileios, 'Ally'],
    ] as const) {
      tab = await session.openTab(page.url);
      await waitForIsland(tab, (i) => i.text.includes(role) && i.text.includes('No touch yet'));
      await tab.close();
    }
  });
});
