import type { AllianceDb } from './schema';
import { openDb } from './open';
import { dataChangedItem } from '@/utils/settings';

export { AllianceDb, DB_NAME, ALL_TABLES } from './schema';

let signalTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Tells every context (content scripts, toolbar badge) that the data changed. One storage write
 * per burst of commits, not one per record.
 */
export function announceDataChange(): void {
  clearTimeout(signalTimer);
  signalTimer = setTimeout(() => void dataChangedItem.setValue(Date.now()), 20);
}

let shared: AllianceDb | undefined;

/**
 * The one database instance of this context, opened lazily (Dexie reopens after a wake-up), in
 * the extension's own origin. Only extension pages and the background use it; a content script
 * would open LinkedIn's IndexedDB instead (docs/principles.md). Strict durability: notes the user typed
 * deserve it; the LinkedIn import opens its own relaxed instance in its worker
 * (utils/transfer/import-channel.ts), whose commits the page announces.
 */
export function getDb(): AllianceDb {
  shared ??= openDb(announceDataChange);
  return shared;
}
