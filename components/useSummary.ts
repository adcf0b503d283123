import { useCachedView, type CachedViewState } from './useCachedView';
import type { AllianceDb } from '@/utils/db/schema';
import { loadSummary, type AllianceSummary } from '@/utils/db/summary';
import { summaryCache, summaryScope } from '@/utils/derived-cache';
import type { Settings } from '@/utils/model';

/**
 * The popup's summary. Computing it reads months of touches, so the popup opens on the last
 * one computed, which the background keeps current.
 */
export function useSummary(db: AllianceDb, settings: Settings): CachedViewState<AllianceSummary> {
  return useCachedView(
    summaryCache,
    summaryScope(settings),
    () => loadSummary(db, settings, Date.now()),
    'summary',
  );
}
