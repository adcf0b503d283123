/**
 * Removes what versions before schema 7 kept beside the data: copies of the popup summary and
 * the weekly report (names and follow-ups included) in a database of their own and their keys
 * in extension storage. Today's pages compute both from the data, so the copies would only
 * keep names the user may delete; run on every install and update (it finds nothing after).
 */
import { browser } from 'wxt/browser';

const RETIRED_DATABASE = 'alliance-map-views';
const RETIRED_KEYS = ['summaryCacheKey', 'reportCacheKey'];

export async function removeRetiredCaches(): Promise<void> {
  await Promise.all([
    browser.storage.local.remove(RETIRED_KEYS),
    new Promise<void>((resolve) => {
      const request = indexedDB.deleteDatabase(RETIRED_DATABASE);
      // Blocked only while an old page still holds it open; it is deleted once that page closes.
      request.onsuccess = request.onerror = request.onblocked = () => resolve();
    }),
  ]);
}
