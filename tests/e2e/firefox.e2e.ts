/**
 * What only Firefox has, in real Firefox: its sidebar (opened by the keyboard shortcut and from
 * the popup, following the active tab; the badge says how to open it, since Firefox will not
 * open it from a click relayed by the page), the toolbar popup opened by its shortcut, and the
 * host access a user can withhold, asked for again from the popup. docs/firefox.md.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFirefoxSession, type FirefoxSession, type Tab } from './browsers';
import {
  answerPermissionPrompt,
  closeSidebar,
  pressShortcut,
  sidebarState,
  toolbarPopup,
} from './firefox-harness';
import { PAGES } from './harness';
import { clickButton, waitFor, waitForIsland, waitForText } from './tab-actions';
import { seedThroughBackup } from './both/seed';
import { newPerson } from '@/utils/model';

const LINKEDIN = { origins: ['https://www.linkedin.com/*'] };

/** The text of `selector` in the extension's open view of `type` ('sidebar', 'popup'), or null. */
function viewText(
  session: FirefoxSession,
  type: 'sidebar' | 'popup',
  selector: string,
): Promise<string | null> {
  return session.inExtension(
    ({ type, selector }) => {
      const [view] = chrome.extension.getViews({ type } as never) as Window[];
      return view?.document.querySelector(selector)?.textContent?.trim() ?? null;
    },
    { type, selector },
  );
}

describe('Firefox: the sidebar, the toolbar popup and the shortcuts', () => {
  let session: FirefoxSession;
  let eduardo: Tab;

  beforeAll(async () => {
    session = await startFirefoxSession();
    await seedThroughBackup(session, {
      people: [newPerson('eduardo-alvarez-nowak', Date.now(), { roles: ['mentor'] })],
    });
    eduardo = await session.openTab(PAGES.eduardo.url);
    await waitForIsland(eduardo, (i) => i.text.includes('Mentor'));
  });
  afterAll(async () => {
    await session?.close();
  });

  it('declares the shortcuts Firefox lets an add-on have', async () => {
    const commands = await session.inExtension(() => chrome.commands.getAll(), null);
    expect(commands.map((c) => [c.name, c.shortcut])).toEqual([
      ['_execute_action', 'Alt+Shift+A'],
      ['_execute_sidebar_action', 'Alt+Shift+R'],
    ]);
  });

  it("says how to open the sidebar when the badge's Open record cannot", async () => {
    const h = session.harness();
    // Firefox opens the sidebar on install: start from a closed one.
    await closeSidebar(h);
    await eduardo.clickIslandButton('Open record');
    await waitForIsland(eduardo, (i) =>
      i.text.includes('Open it with Alt+Shift+R or from the Alliance Map toolbar button.'),
    );
    expect((await sidebarState(h)).open).toBe(false);
  });

  it('opens the sidebar with Alt+Shift+R, and it follows the active tab', async () => {
    const h = session.harness();
    await closeSidebar(h);
    await eduardo.activate();
    await pressShortcut(h, 'Alt+Shift+R');
    await waitFor(
      'the sidebar showing the record',
      async () => (await sidebarState(h)).page === `${session.origin}/sidepanel.html`,
    );
    await waitFor('Eduardo in the sidebar', async () =>
      (await viewText(session, 'sidebar', 'h2'))?.includes('Eduardo Alvarez Nowak'),
    );

    const vasileios = await session.openTab(PAGES.vasileios.url);
    await vasileios.activate();
    await waitFor('Vasileios in the sidebar', async () =>
      (await viewText(session, 'sidebar', 'main'))?.includes('Not in your records yet'),
    );
    await eduardo.activate();
    await waitFor('Eduardo again', async () =>
      (await viewText(session, 'sidebar', 'h2'))?.includes('Eduardo Alvarez Nowak'),
    );
    await vasileios.close();
    await closeSidebar(h);
  });

  it("opens the sidebar from the popup's Full record", async () => {
    const h = session.harness();
    await closeSidebar(h);
    const popup = await session.openExtensionPage(
      `popup.html?tab=${await session.tabIdOf(eduardo)}`,
    );
    await clickButton(popup, 'Full record');
    await waitFor('the sidebar', async () => (await sidebarState(h)).open);
    await closeSidebar(h);
    await popup.close().catch(() => {
      // The popup closes itself once the sidebar is open.
    });
  });

  it('opens the toolbar popup with Alt+Shift+A, and tags the person in the tab from it', async () => {
    const h = session.harness();
    await eduardo.activate();
    await pressShortcut(h, 'Alt+Shift+A');
    await waitFor(
      'the toolbar popup',
      async () => (await toolbarPopup(h)) === `${session.origin}/popup.html`,
    );
    await waitFor('the quick tag for Eduardo', async () =>
      (await viewText(session, 'popup', 'h2'))?.includes('Eduardo Alvarez Nowak'),
    );
    // The popup is no tab: its page is reached through the extension's own view of it.
    await session.inExtension(() => {
      const [popup] = chrome.extension.getViews({ type: 'popup' } as never) as Window[];
      const ally = [...popup!.document.querySelectorAll('button')].find(
        (b) => b.textContent?.trim() === 'Ally',
      );
      ally!.click();
    }, null);
    await waitForIsland(eduardo, (i) => i.text.includes('Ally') && i.text.includes('Mentor'));
  });
});

describe('Firefox: host access withheld by the user', () => {
  let session: FirefoxSession;

  beforeAll(async () => {
    session = await startFirefoxSession();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows nothing on LinkedIn, says so in the popup, and asks again from a click', async () => {
    // What the user does in about:addons › Permissions, or Firefox's install prompt.
    expect(await session.inExtension((p) => chrome.permissions.remove(p), LINKEDIN)).toBe(true);
    const profile = await session.openTab(PAGES.eduardo.url);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(await profile.islands()).toEqual([]);

    // Without host access Firefox hides a LinkedIn tab's address from the extension: the popup
    // cannot tell who is on the page, but says why.
    expect(
      await session.inExtension(async () => (await chrome.tabs.query({})).map((t) => t.url), null),
    ).not.toContain(PAGES.eduardo.url);
    const popup = await session.openExtensionPage('popup.html');
    await waitForText(popup, '[role="alert"]', 'Alliance Map cannot see LinkedIn pages yet');
    await clickButton(popup, 'Allow on linkedin.com');
    await answerPermissionPrompt(session.harness(), true);
    await waitFor('the alert gone', async () =>
      popup.evaluate(() => document.querySelector('[role="alert"]') === null, null),
    );
    expect(await session.inExtension((p) => chrome.permissions.contains(p), LINKEDIN)).toBe(true);
    await popup.close();

    await profile.reload();
    await waitForIsland(profile, (i) => i.text.includes('Tag in Alliance Map'));
    await profile.close();
  });
});
