import { browser } from 'wxt/browser';
import { handleMessage } from '@/utils/background/handlers';
import { refreshAllToolbars, refreshToolbar } from '@/utils/background/toolbar';
import { registerWeeklyReport } from '@/utils/background/weekly';
import { getDb } from '@/utils/db';
import { dataChangedItem, loadSettings } from '@/utils/settings';

/**
 * Opens the side panel (Chromium) or sidebar (Firefox). Both need a user gesture, which a click
 * in the badge or a keyboard command provides.
 */
async function openSidePanel(tabId: number | undefined, windowId?: number): Promise<boolean> {
  try {
    const sidePanel = (browser as unknown as { sidePanel?: { open(o: object): Promise<void> } }).sidePanel;
    if (sidePanel) {
      await sidePanel.open(tabId !== undefined ? { tabId } : { windowId });
      return true;
    }
    const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
    if (sidebar) {
      await sidebar.open();
      return true;
    }
  } catch {
    // Without a gesture the browser refuses; the toolbar still opens it.
  }
  return false;
}

/**
 * The background owns the database for content scripts and keeps the toolbar badge true.
 * Every listener is registered at the top level of main(): the MV3 service worker stops after
 * ~30 s idle and is woken by these events, so no state that matters lives in memory.
 */
export default defineBackground(() => {
  const db = getDb();

  browser.runtime.onMessage.addListener((message, sender) =>
    handleMessage(
      { db, settings: loadSettings, now: Date.now, openSidePanel },
      message,
      {
        tabId: sender.tab?.id,
        tabUrl: sender.tab?.url,
        fromExtensionPage: sender.tab === undefined,
      },
    ),
  );

  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url !== undefined || change.status === 'complete') void refreshToolbar(db, tabId, tab.url);
  });
  browser.tabs.onActivated.addListener(({ tabId }) => {
    void browser.tabs.get(tabId).then((tab) => refreshToolbar(db, tabId, tab.url));
  });
  dataChangedItem.watch(() => void refreshAllToolbars(db));

  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'open-side-panel') void openSidePanel(tab?.id, tab?.windowId);
  });

  registerWeeklyReport();
});
