import { useLiveQuery, type Live } from './useLiveQuery';
import type { AllianceDb } from '@/utils/db/schema';
import { loadSummary, type AllianceSummary } from '@/utils/loaders/summary';
import type { Settings } from '@/utils/model';
import { ui } from '@/utils/i18n';

/** The popup's summary, read from the data and kept current as it changes anywhere. */
export function useSummary(db: AllianceDb, settings: Settings): Live<AllianceSummary> {
  return useLiveQuery(() => loadSummary(db, settings, Date.now(), undefined, ui), [db, settings]);
}
