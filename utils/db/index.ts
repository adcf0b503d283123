import { AllianceDb, DB_NAME } from './schema';
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

/**
 * The database of the extension's own origin. Only extension pages and the background use it;
 * a content script would open LinkedIn's IndexedDB instead (DESIGN.md). Notes the user typed
 * deserve strict durability; a bulk import opens its own instance with relaxed durability
 * (and closes it afterwards), still announcing its writes to the other views.
 */
export function createDb(name = DB_NAME, durability: 'strict' | 'relaxed' = 'strict'): AllianceDb {
  return openDb(announceDataChange, name, durability);
}

let shared: AllianceDb | undefined;

/** The one database instance of this context, opened lazily (Dexie reopens after a wake-up). */
export function getDb(): AllianceDb {
  shared ??= createDb();
  return shared;
}
