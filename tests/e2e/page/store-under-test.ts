/**
 * The store's own code for an extension page, bundled by tests/e2e/store.e2e.ts and evaluated
 * in the page over the DevTools protocol: the same modules the extension ships, run against
 * Chromium's IndexedDB in the extension's origin. Not part of any build.
 */
import { openDb } from '@/utils/db/open';
import { deleteEverything } from '@/utils/db/records';
import { runStoreActions, storeProblems, type StoreAction } from '../../support/store-actions';

const db = openDb(() => void chrome.storage.local.set({ dataChangedAt: Date.now() }));

(globalThis as unknown as { storeUnderTest: object }).storeUnderTest = {
  /** Empties the records, runs `actions`, and says what is wrong with the store after them. */
  async run(actions: StoreAction[], now: number): Promise<string[]> {
    await deleteEverything(db);
    await runStoreActions(db, actions, now);
    return storeProblems(db);
  },
};
