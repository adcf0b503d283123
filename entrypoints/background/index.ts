import { browser } from 'wxt/browser';
import { registerFirstRun } from './first-run';
import { handleMessage } from './handlers';
import { removeRetiredCaches } from './retired-caches';
import { registerSync } from './sync';
import { refreshAllToolbars, refreshToolbar } from './toolbar';
import { registerWeeklyReport } from '@/utils/weekly-report';
import { getDb } from '@/utils/db';
import { isLinkedInUrl } from '@/utils/linkedin/urls';
import { causedByUser } from '@/utils/messaging/protocol';
import { holdSyncForUser } from '@/utils/sync/give-way';
import { isHoldForUser } from '@/utils/sync/hold-for-page';
import { dataChangedItem, loadSettings } from '@/utils/settings';
import { openSidePanel, sidePanelShortcut } from '@/utils/side-panel';

/**
 * The background owns the database for content scripts and keeps the toolbar badge true.
 * Every listener is registered at the top level of main(): the MV3 service worker stops after
 * ~30 s idle and is woken by these events, so no state that matters lives in memory.
 */
export default defineBackground(() => {
  const db = getDb();
  const answerSync = registerSync(db);
  const ownPages = browser.runtime.getURL('/');

  browser.runtime.onMessage.addListener((message, sender) => {
    // The extension's own pages ask for sync; LinkedIn's tabs speak the content-script protocol.
    if (sender.url?.startsWith(ownPages)) {
      if (!isHoldForUser(message)) return answerSync(message);
      holdSyncForUser();
      return Promise.resolve(null);
    }
    if (causedByUser(message)) holdSyncForUser();
    return handleMessage(
      {
        db,
        settings: loadSettings,
        now: Date.now,
        openSidePanel: (tabId) => openSidePanel({ tabId }),
        sidePanelShortcut,
      },
      message,
      { tabId: sender.tab?.id, tabUrl: sender.tab?.url },
    );
  });

  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    // A LinkedIn page that starts loading asks for its badge in a moment: sync holds from now
    // rather than from that question (docs/sync.md, "Giving way to the user").
    if ((change.status === 'loading' || change.url !== undefined) && isLinkedInUrl(tab.url))
      holdSyncForUser();
    if (change.url !== undefined || change.status === 'complete')
      void refreshToolbar(db, tabId, tab.url);
  });
  browser.tabs.onActivated.addListener(({ tabId }) => {
    void browser.tabs.get(tabId).then((tab) => refreshToolbar(db, tabId, tab.url));
  });
  dataChangedItem.watch(() => void refreshAllToolbars(db));
  browser.runtime.onInstalled.addListener(() => void removeRetiredCaches());

  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'open-side-panel')
      void openSidePanel({ tabId: tab?.id, windowId: tab?.windowId });
  });

  registerWeeklyReport();
  registerFirstRun();
});
