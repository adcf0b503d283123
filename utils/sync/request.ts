/**
 * "Sync now" from the options page: a storage item the background watches (the pages do not
 * speak the content scripts' message protocol, and the service worker may be asleep).
 */
import { storage } from 'wxt/utils/storage';

export const syncRequestItem = storage.defineItem<number>('local:syncRequestedAt', { fallback: 0 });

export function requestSync(): Promise<void> {
  return syncRequestItem.setValue(Date.now());
}
