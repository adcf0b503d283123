import { browser } from 'wxt/browser';
import { derivedViews } from '@/utils/background/derived-views';
import { registerFirstRun } from '@/utils/background/first-run';
import { handleMessage } from '@/utils/background/handlers';
import { refreshAllToolbars, refreshToolbar } from '@/utils/background/toolbar';
import { registerWeeklyReport } from '@/utils/background/weekly';
import { getDb } from '@/utils/db';
import { dataChangedItem, loadSettings, settingsItem } from '@/utils/settings';
import { openSidePanel } from '@/utils/side-panel';

/**
 * The background owns the database for content scripts, keeps the toolbar badge true and keeps
 * the popup's and the report's cached views current (utils/background/derived-views.ts).
 * Every listener is registered at the top level of main(): the MV3 service worker stops after
 * ~30 s idle and is woken by these events, so no state that matters lives in memory.
 */
export default defineBackground(() => {
  const db = getDb();
  const views = derivedViews({ db });

  browser.runtime.onMessage.addListener((message, sender) =>
    handleMessage(
      {
        db,
        settings: loadSettings,
        now: Date.now,
        openSidePanel: (tabId) => openSidePanel({ tabId }),
        refreshView: views.refresh,
      },
      message,
      {
        tabId: sender.tab?.id,
        tabUrl: sender.tab?.url,
        // A page of this extension, in a tab or not (a content script's URL is LinkedIn's).
        fromExtensionPage: sender.url?.startsWith(browser.runtime.getURL('/')) === true,
      },
    ),
  );

  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url !== undefined || change.status === 'complete')
      void refreshToolbar(db, tabId, tab.url);
  });
  browser.tabs.onActivated.addListener(({ tabId }) => {
    void browser.tabs.get(tabId).then((tab) => refreshToolbar(db, tabId, tab.url));
  });
  dataChangedItem.watch(() => {
    void refreshAllToolbars(db);
    views.changed();
  });
  settingsItem.watch(() => views.changed());

  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'open-side-panel')
      void openSidePanel({ tabId: tab?.id, windowId: tab?.windowId });
  });

  registerWeeklyReport();
  registerFirstRun();
});
