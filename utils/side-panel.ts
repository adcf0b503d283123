import { browser } from 'wxt/browser';

type SidePanelApi = { open(options: { tabId?: number; windowId?: number }): Promise<void> };
type SidebarApi = { open(): Promise<void> };

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
