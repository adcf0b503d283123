/**
 * The badge's "Open record": the background opens the side panel when the browser lets it, and
 * otherwise answers with the shortcut the user has for it, which the badge says. Firefox never
 * lets a click relayed from the page open its sidebar (docs/firefox.md).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage, type HandlerDeps } from '@/entrypoints/background/handlers';
import { getDb } from '@/utils/db';
import { DEFAULT_SETTINGS } from '@/utils/model';
import { sidePanelShortcut } from '@/utils/side-panel';
import { howToOpenRecord } from '@/entrypoints/linkedin/ui/Badge';

const FROM_LINKEDIN = {
  tabId: 7,
  tabUrl: 'https://www.linkedin.com/in/ada/',
  fromExtensionPage: false,
};

function deps(opened: boolean, shortcut: string | null) {
  const openSidePanel = vi.fn(async () => opened);
  const sidePanelShortcut = vi.fn(async () => shortcut);
  const all: HandlerDeps = {
    db: getDb(),
    settings: async () => DEFAULT_SETTINGS,
    now: Date.now,
    openSidePanel,
    sidePanelShortcut,
  };
  return { all, openSidePanel, sidePanelShortcut };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the ui/open-side-panel message', () => {
  it('opens the panel for the sender’s tab and asks nothing more', async () => {
    const { all, openSidePanel, sidePanelShortcut } = deps(true, 'Alt+Shift+S');
    const answer = await handleMessage(all, { type: 'ui/open-side-panel' }, FROM_LINKEDIN);
    expect(answer).toEqual({ opened: true, shortcut: null });
    expect(openSidePanel).toHaveBeenCalledWith(7);
    expect(sidePanelShortcut).not.toHaveBeenCalled();
  });

  it('answers with the shortcut when the browser refuses', async () => {
    const { all } = deps(false, 'Alt+Shift+R');
    expect(await handleMessage(all, { type: 'ui/open-side-panel' }, FROM_LINKEDIN)).toEqual({
      opened: false,
      shortcut: 'Alt+Shift+R',
    });
  });
});

describe('sidePanelShortcut', () => {
  const commands = (list: Array<{ name: string; shortcut?: string }>) =>
    vi.spyOn(fakeBrowser.commands, 'getAll').mockResolvedValue(list);

  it("reads Chromium's command and Firefox's built-in sidebar command", async () => {
    commands([
      { name: '_execute_action', shortcut: 'Alt+Shift+A' },
      { name: 'open-side-panel', shortcut: 'Alt+Shift+S' },
    ]);
    expect(await sidePanelShortcut()).toBe('Alt+Shift+S');
    commands([
      { name: '_execute_action', shortcut: 'Alt+Shift+A' },
      { name: '_execute_sidebar_action', shortcut: 'Ctrl+Alt+Y' },
    ]);
    expect(await sidePanelShortcut()).toBe('Ctrl+Alt+Y');
  });

  it('is null when the user removed the shortcut, or the browser cannot say', async () => {
    commands([{ name: 'open-side-panel', shortcut: '' }]);
    expect(await sidePanelShortcut()).toBeNull();
    vi.spyOn(fakeBrowser.commands, 'getAll').mockRejectedValue(new Error('no commands'));
    expect(await sidePanelShortcut()).toBeNull();
  });
});

describe("the badge's words", () => {
  it('says nothing once the panel opened, and otherwise how to open it', () => {
    expect(howToOpenRecord({ opened: true, shortcut: null })).toBeNull();
    expect(howToOpenRecord({ opened: false, shortcut: 'Alt+Shift+R' })).toBe(
      'Open it with Alt+Shift+R or from the Alliance Map toolbar button.',
    );
    expect(howToOpenRecord({ opened: false, shortcut: null })).toBe(
      'Open it from the Alliance Map toolbar button.',
    );
    // No answer at all (the background was updating): the toolbar button still works.
    expect(howToOpenRecord(null)).toBe('Open it from the Alliance Map toolbar button.');
  });
});
