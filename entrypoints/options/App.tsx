import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { BackupSection } from '@/components/options/BackupSection';
import { DeleteSection } from '@/components/options/DeleteSection';
import { LinkedInImportSection } from '@/components/options/LinkedInImportSection';
import { SettingsSection, type NotificationPermission } from '@/components/options/SettingsSection';
import { SpreadsheetSection } from '@/components/options/SpreadsheetSection';
import { StorageSection } from '@/components/options/StorageSection';
import { useSettings } from '@/components/useSettings';
import { getDb } from '@/utils/db';
import { deleteEverything } from '@/utils/db/records';
import { loadSettings, saveSettings } from '@/utils/settings';
import { ui } from '@/utils/i18n';

const notifications: NotificationPermission = {
  request: () => browser.permissions.request({ permissions: ['notifications'] }),
  remove: () => browser.permissions.remove({ permissions: ['notifications'] }),
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
        <h1>{ui.t('extName')}</h1>
        <p class="muted">{ui.t('options_intro')}</p>
      </header>
      <StorageSection db={db} storage={navigator.storage} />
      {settings ? (
        <SettingsSection settings={settings} save={saveSettings} notifications={notifications} />
      ) : (
        <p class="muted">{ui.t('options_loading')}</p>
      )}
      <BackupSection db={db} loadSettings={loadSettings} saveSettings={saveSettings} />
      <SpreadsheetSection db={db} />
      <LinkedInImportSection />
      <DeleteSection db={db} deleteEverything={deleteEverything} />
    </main>
  );
}
