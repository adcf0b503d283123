import { browser } from 'wxt/browser';

type SidePanelApi = { open(options: { tabId?: number; windowId?: number }): Promise<void> };
type SidebarApi = { open(): Promise<void> };

/**
 * The commands that open the full record: our own in Chromium (its handler calls the side panel
 * API), Firefox's built-in sidebar command there (see wxt.config.ts).
 */
const OPEN_COMMANDS = ['open-side-panel', '_execute_sidebar_action'];

/**
 * Opens the full record: Chromium's side panel or Firefox's sidebar. Both need a user gesture
 * (a click in the popup or the badge, a keyboard command); without one the browser refuses and
 * this answers false.
 */
export async function openSidePanel(target: {
  tabId?: number;
  windowId?: number;
}): Promise<boolean> {
  const api = browser as unknown as { sidePanel?: SidePanelApi; sidebarAction?: SidebarApi };
  try {
    if (api.sidePanel) {
      await api.sidePanel.open(
        target.tabId !== undefined ? { tabId: target.tabId } : { windowId: target.windowId },
      );
      return true;
    }
    if (api.sidebarAction) {
      await api.sidebarAction.open();
      return true;
    }
  } catch {
    // No gesture, or no such window any more.
  }
  return false;
}

/**
 * The keyboard shortcut that opens the full record as the user has it now (they can change it),
 * or null when none is set. Said where the browser refuses to open the panel, as Firefox does for
 * a click relayed from the LinkedIn page (docs/firefox.md).
 */
export async function sidePanelShortcut(): Promise<string | null> {
  try {
    const commands = await browser.commands.getAll();
    return commands.find((c) => OPEN_COMMANDS.includes(c.name ?? ''))?.shortcut || null;
  } catch {
    return null;
  }
}
