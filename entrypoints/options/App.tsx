import { browser } from 'wxt/browser';
import { BackupSection } from '@/components/options/BackupSection';
import { DeleteSection } from '@/components/options/DeleteSection';
import { LinkedInImportSection } from '@/components/options/LinkedInImportSection';
import { SettingsSection, type NotificationPermission } from '@/components/options/SettingsSection';
import { SpreadsheetSection } from '@/components/options/SpreadsheetSection';
import { StorageSection } from '@/components/options/StorageSection';
import { useSettings } from '@/components/useSettings';
import { getDb } from '@/utils/db';
import { FIRST_RUN_PATH } from '@/utils/first-run';
import { deleteEverything } from '@/utils/db/records';
import { clearSnapshot } from '@/utils/map/snapshot';
import { welcomeProgressItem } from '@/utils/welcome-progress';
import { loadSettings, saveSettings } from '@/utils/settings';

const notifications: NotificationPermission = {
  request: () => browser.permissions.request({ permissions: ['notifications'] }),
  remove: () => browser.permissions.remove({ permissions: ['notifications'] }),
};

/** The options page: the user's settings, and owning their data (backup, import, delete). */
export function App() {
  const db = getDb();
  const settings = useSettings();

  return (
    <main>
      <header>
        <h1>Alliance Map</h1>
        <p class="muted">Settings and your data. Everything stays on this computer.</p>
        <nav class="row" aria-label="Alliance Map pages">
          <a href="/map.html">Alliance map</a>
          <a href="/report.html">Weekly report</a>
          <a href={FIRST_RUN_PATH}>Build the map step by step</a>
        </nav>
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
      <DeleteSection
        db={db}
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
