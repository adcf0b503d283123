import { storage } from 'wxt/utils/storage';
import { completeSettings, DEFAULT_SETTINGS, type Settings } from '@/utils/model';
import { DATA_CHANGED_KEY, SETTINGS_KEY } from '@/utils/storage-keys';

/**
 * Small preferences live in extension storage (not Dexie) so that the content script can read
 * the stealth setting without asking the background. Versioned so that a later shape migrates.
 */
export const settingsItem = storage.defineItem<Settings>(`local:${SETTINGS_KEY}`, {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

export async function loadSettings(): Promise<Settings> {
  return completeSettings(await settingsItem.getValue());
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = completeSettings({ ...(await loadSettings()), ...patch });
  await settingsItem.setValue(next);
  return next;
}

/**
 * Bumped after every committed write to the relationship data. Content scripts and the
 * background cannot observe Dexie in another context reliably (the service worker may be
 * asleep), but every context sees extension storage change events.
 */
export const dataChangedItem = storage.defineItem<number>(`local:${DATA_CHANGED_KEY}`, {
  fallback: 0,
});
