/**
 * What the LinkedIn script reads from extension storage, straight from the browser API: it leaves
 * @wxt-dev/storage out, which is 9 kB that every LinkedIn page compiles before its parsing
 * resumes (the script runs at document_start), and a read of each item as it is defined. The
 * keys are those of utils/settings.ts's items.
 */
import { browser } from 'wxt/browser';
import { completeSettings, type Settings } from '@/utils/model';
import { DATA_CHANGED_KEY, SETTINGS_KEY } from '@/utils/storage-keys';

/** The saved settings, completed as utils/settings.ts's `loadSettings` completes them. */
export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return completeSettings(stored[SETTINGS_KEY] as Partial<Settings> | undefined);
}

/** Calls `onChange` whenever `key` of the local area changes, until `signal` aborts. */
function watchStorageKey(key: string, signal: AbortSignal, onChange: () => void): void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && Object.hasOwn(changes, key) && !signal.aborted) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), {
    once: true,
  });
}

/** Calls `onChange` whenever the relationship data changes anywhere, until `signal` aborts. */
export function onDataChange(signal: AbortSignal, onChange: () => void): void {
  watchStorageKey(DATA_CHANGED_KEY, signal, onChange);
}

/** Calls `onChange` whenever the settings change, until `signal` aborts. */
export function onSettingsChange(signal: AbortSignal, onChange: () => void): void {
  watchStorageKey(SETTINGS_KEY, signal, onChange);
}
