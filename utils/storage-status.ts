/**
 * Persistent storage and the date of the last backup. Uninstalling the extension deletes its
 * data whatever the browser grants, so the page keeps the last backup date in view.
 */
import { storage } from 'wxt/utils/storage';

/** When the user last exported a backup (epoch ms), or null if never. */
export const lastBackupItem = storage.defineItem<number | null>('local:lastBackupExportAt', {
  fallback: null,
});

/** The part of `navigator.storage` used here, so that tests can pass their own. */
export type StorageApi = Pick<StorageManager, 'persisted' | 'persist' | 'estimate'>;

/**
 * Asks for persistent storage unless it is granted already (only an extension page may ask,
 * never the service worker). True or false as the browser answers; null when it cannot tell.
 * Never throws.
 */
export async function requestPersistence(api: StorageApi | undefined): Promise<boolean | null> {
  if (!api) return null;
  try {
    return (await api.persisted()) || (await api.persist());
  } catch {
    return null;
  }
}

/** Bytes used and available to the extension, each null when the browser does not say. */
export interface StorageEstimateView {
  usage: number | null;
  quota: number | null;
}

/** The browser's storage estimate; never throws. */
export async function readEstimate(api: StorageApi | undefined): Promise<StorageEstimateView> {
  try {
    const estimate = await api?.estimate();
    return { usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
  } catch {
    return { usage: null, quota: null };
  }
}

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** "12.3 MB": sizes as a person reads them (1 KB = 1024 bytes). */
export function formatBytes(bytes: number, locale = 'en'): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const shown = unit === 0 || value >= 100 ? Math.round(value) : Math.round(value * 10) / 10;
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: UNITS[unit],
    unitDisplay: unit === 0 ? 'long' : 'short',
    useGrouping: false,
  }).format(shown);
}
