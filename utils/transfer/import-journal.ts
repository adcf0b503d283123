/**
 * A note in extension storage that a LinkedIn import is under way, removed when it ends. An
 * import writes in one transaction, run by a worker of the options page: closing the page (or
 * the browser) stops it, and the transaction leaves nothing behind. The note that outlives it
 * lets the next options page say so, rather than leave the user to guess what was written.
 */
import { storage } from 'wxt/utils/storage';
import { ui } from '@/utils/i18n';

interface ImportUnderWay {
  fileName: string;
  startedAt: number;
}

const importUnderWayItem = storage.defineItem<ImportUnderWay | null>(
  'local:linkedinImportUnderWay',
  { fallback: null },
);

/** Held by the page whose import runs; the browser lets go of it when that page closes. */
const IMPORT_LOCK = 'alliance-map-linkedin-import';

/** Runs `importFile` with the note and the lock that tell other pages it is under way. */
export async function whileImporting<T>(
  fileName: string,
  importFile: () => Promise<T>,
): Promise<T> {
  return navigator.locks.request(IMPORT_LOCK, async () => {
    await importUnderWayItem.setValue({ fileName, startedAt: Date.now() });
    try {
      return await importFile();
    } finally {
      await importUnderWayItem.removeValue();
    }
  });
}

/**
 * What to tell the user about an import a closed page stopped, if one was: said once, then
 * forgotten. Call when the page opens, before it starts an import of its own.
 */
export async function takeInterruptedImport(): Promise<string | null> {
  const [interrupted, locks] = await Promise.all([
    importUnderWayItem.getValue(),
    navigator.locks.query(),
  ]);
  // Another options page's import that is still running is not one that was stopped.
  if (!interrupted || locks.held?.some((lock) => lock.name === IMPORT_LOCK)) return null;
  await importUnderWayItem.removeValue();
  return ui.t('import_interrupted', {
    file: interrupted.fileName,
    date: ui.day(interrupted.startedAt),
  });
}
