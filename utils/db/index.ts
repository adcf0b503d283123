import type { AllianceDb } from './schema';
import { openDb } from './open';
import { dataChangedItem } from '@/utils/settings';

export { AllianceDb, DB_NAME, ALL_TABLES } from './schema';

/** A burst of commits is announced at most once per this many milliseconds after its first. */
const ANNOUNCE_GAP_MS = 20;
let quiet: ReturnType<typeof setTimeout> | undefined;
let missed = false;

/**
 * Tells every context (content scripts, toolbar badge, sync) that the data changed. The first
 * commit is announced at once, not after a delay: a page closed right after its write (the popup
 * after "Note saved.") would otherwise take the announcement with it, and sync and the badges
 * would hear of the change only at the next minute's alarm. Commits within the next 20 ms are
 * announced together once it has passed: one storage write per burst, not one per record.
 */
export function announceDataChange(): void {
  if (quiet) {
    missed = true;
    return;
  }
  void dataChangedItem.setValue(Date.now());
  quiet = setTimeout(() => {
    quiet = undefined;
    if (missed) {
      missed = false;
      announceDataChange();
    }
  }, ANNOUNCE_GAP_MS);
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
