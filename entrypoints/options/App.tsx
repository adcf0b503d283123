import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { BackupSection } from '@/components/options/BackupSection';
import { DeleteSection } from '@/components/options/DeleteSection';
import { LinkedInImportSection } from '@/components/options/LinkedInImportSection';
import { SettingsSection, type NotificationPermission } from '@/components/options/SettingsSection';
import { SpreadsheetSection } from '@/components/options/SpreadsheetSection';
import { StorageSection } from '@/components/options/StorageSection';
import { SyncSection, type SyncServices } from '@/components/options/SyncSection';
import { useSettings } from '@/components/useSettings';
import { getDb } from '@/utils/db';
import { deleteEverything } from '@/utils/db/records';
import { loadSettings, saveSettings } from '@/utils/settings';
import { serverDb } from '@/utils/sync/server';
import { requestSync } from '@/utils/sync/request';
import { turnOnSync } from '@/utils/sync/turn-on';

const notifications: NotificationPermission = {
  request: () => browser.permissions.request({ permissions: ['notifications'] }),
  remove: () => browser.permissions.remove({ permissions: ['notifications'] }),
};

const sync: SyncServices = {
  requestHosts: (origins) => browser.permissions.request({ origins }),
  removeHosts: (origins) => browser.permissions.remove({ origins }),
  turnOn: (input) => turnOnSync(getDb(), input, serverDb),
  syncNow: requestSync,
};

/** The options page: the user's settings, and owning their data (backup, import, delete). */
export function App() {
  const db = getDb();
  const settings = useSettings();
  const loaded = settings !== undefined;
  // A link into the page (the report's first step leads to the import) names a section by its
  // id: the page is drawn by script after the browser looked for it, and the settings shown
  // above it move it down, so it is scrolled to once they are in place.
  useEffect(() => {
    if (!loaded || !location.hash) return;
    document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
  }, [loaded]);

  return (
    <main>
      <header>
        <h1>Alliance Map</h1>
        <p class="muted">Settings and your data. Everything stays on this computer.</p>
      </header>
      <StorageSection db={db} storage={navigator.storage} />
      {settings ? (
        <SettingsSection settings={settings} save={saveSettings} notifications={notifications} />
      ) : (
        <p class="muted">Loading your settings…</p>
      )}
      <BackupSection db={db} loadSettings={loadSettings} saveSettings={saveSettings} />
      <SpreadsheetSection db={db} />
      <LinkedInImportSection />
      {/* Below the import, which a link scrolls to: this section grows once its state is read. */}
      <SyncSection db={db} services={sync} />
      <DeleteSection db={db} deleteEverything={deleteEverything} />
    </main>
  );
}
