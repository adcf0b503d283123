import { browser } from 'wxt/browser';
import { BackupSection } from '@/components/options/BackupSection';
import { DeleteSection } from '@/components/options/DeleteSection';
import { LinkedInImportSection } from '@/components/options/LinkedInImportSection';
import { SettingsSection, type NotificationPermission } from '@/components/options/SettingsSection';
import { SpreadsheetSection } from '@/components/options/SpreadsheetSection';
import { StorageSection } from '@/components/options/StorageSection';
import { SyncSection, turnSyncOffHere, type SyncServices } from '@/components/options/SyncSection';
import { useSettings } from '@/components/useSettings';
import { getDb } from '@/utils/db';
import { FIRST_RUN_PATH } from '@/utils/first-run';
import { deleteEverything } from '@/utils/db/records';
import { clearSnapshot } from '@/utils/map/snapshot';
import { welcomeProgressItem } from '@/utils/welcome-progress';
import { loadSettings, saveSettings } from '@/utils/settings';
import { ui } from '@/utils/i18n';
import { SYNC_DATA_COLLECTION } from '@/utils/sync/data-collection';
import { requestSync } from '@/utils/sync/request';
import type { TurnOnAnswer, TurnOnRequest } from '@/utils/sync/turn-on';

const notifications: NotificationPermission = {
  request: () => browser.permissions.request({ permissions: ['notifications'] }),
  remove: () => browser.permissions.remove({ permissions: ['notifications'] }),
};

/** Host access to the sync server, and in Firefox the consent to send data there. */
function syncPermissions(origins: string[]): { origins: string[] } {
  return import.meta.env.FIREFOX
    ? ({ origins, data_collection: [...SYNC_DATA_COLLECTION] } as { origins: string[] })
    : { origins };
}

const sync: SyncServices = {
  requestHosts: (origins) => browser.permissions.request(syncPermissions(origins)),
  removeHosts: (origins) => browser.permissions.remove(syncPermissions(origins)),
  turnOn: async (input) =>
    (await browser.runtime.sendMessage({
      type: 'syncTurnOn',
      input,
    } satisfies TurnOnRequest)) as TurnOnAnswer,
  syncNow: requestSync,
};

/** The options page: the user's settings, and owning their data (backup, import, delete). */
export function App() {
  const db = getDb();
  const settings = useSettings();
  const turnOffHere = () => turnSyncOffHere(db, sync);

  return (
    <main>
      <header>
        <h1>{ui.t('extName')}</h1>
        <p class="muted">{ui.t('options_intro')}</p>
        <nav class="row" aria-label={ui.t('options_pages')}>
          <a href="/map.html">{ui.t('options_mapLink')}</a>
          <a href="/report.html">{ui.t('report_title')}</a>
          <a href={FIRST_RUN_PATH}>{ui.t('options_firstRunLink')}</a>
        </nav>
      </header>
      <StorageSection db={db} storage={navigator.storage} />
      {settings ? (
        <SettingsSection settings={settings} save={saveSettings} notifications={notifications} />
      ) : (
        <p class="muted">{ui.t('options_loading')}</p>
      )}
      <BackupSection
        db={db}
        loadSettings={loadSettings}
        saveSettings={saveSettings}
        turnSyncOffHere={turnOffHere}
      />
      <SpreadsheetSection db={db} />
      <LinkedInImportSection />
      {/* Below the import, which a link scrolls to: this section grows once its state is read. */}
      <SyncSection db={db} services={sync} />
      <DeleteSection
        db={db}
        turnSyncOffHere={turnOffHere}
        deleteEverything={async (target) => {
          await deleteEverything(target);
          clearSnapshot(localStorage);
          // It names who decides the user's promotion: relationship data too.
          await welcomeProgressItem.removeValue();
        }}
      />
    </main>
  );
}
