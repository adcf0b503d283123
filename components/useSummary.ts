import { useReadOnChange, type Live } from './useLiveQuery';
import type { AllianceDb } from '@/utils/db/schema';
import { loadSummary, type AllianceSummary } from '@/utils/loaders/summary';
import type { Settings } from '@/utils/model';
import { ui } from '@/utils/i18n';

/**
 * The popup's summary, read from the data and again after every change anywhere. Read on the
 * change notice rather than as a Dexie live query: a live query keeps the key of each of the
 * ~3,000 records it read to tell which writes concern it, and the popup opens right after a
 * change, when that costs most (docs/performance.md).
 */
export function useSummary(db: AllianceDb, settings: Settings): Live<AllianceSummary> {
  return useReadOnChange(
    () => loadSummary(db, settings, Date.now(), undefined, ui),
    [db, settings],
  );
}
