import { useEffect, useState } from 'preact/hooks';
import { useLiveQuery } from './useLiveQuery';
import type { AllianceDb } from '@/utils/db/schema';
import { loadSummary, summaryCacheItem, type AllianceSummary } from '@/utils/db/summary';
import type { Settings } from '@/utils/model';
import { dataChangedItem } from '@/utils/settings';

const HOUR_MS = 3_600_000;

/** What a summary depends on: the data, the settings and the hour ("due" moves with time). */
function cacheKey(dataChangedAt: number, settings: Settings, now: number): string {
  return `${dataChangedAt}|${Math.floor(now / HOUR_MS)}|${JSON.stringify(settings)}`;
}

export type SummaryState =
  | { status: 'loading' }
  | { status: 'error'; error: Error }
  | { status: 'ready'; summary: AllianceSummary; updating: boolean };

/**
 * The popup's summary. Computing it reads months of touches, so the last result is kept in
 * extension storage: the popup shows it at once (still exact when nothing changed since) and
 * replaces it with the live result as soon as that is computed.
 */
export function useSummary(db: AllianceDb, settings: Settings): SummaryState {
  const [cached, setCached] = useState<{ fresh: boolean; summary: AllianceSummary }>();
  // The live computation starts once the cache is read: it would only slow the first paint.
  const [cacheRead, setCacheRead] = useState(false);
  const live = useLiveQuery(
    () => (cacheRead ? loadSummary(db, settings, Date.now()) : null),
    [settings, cacheRead],
  );

  useEffect(() => {
    void Promise.all([summaryCacheItem.getValue(), dataChangedItem.getValue()]).then(
      ([entry, changedAt]) => {
        if (entry) {
          setCached({
            fresh: entry.key === cacheKey(changedAt, settings, Date.now()),
            summary: entry.summary,
          });
        }
        // After the cached summary has rendered, in a task of its own.
        setTimeout(() => setCacheRead(true), 0);
      },
    );
  }, [settings]);

  const computed = live.status === 'ready' ? live.value : null;
  useEffect(() => {
    if (!computed) return;
    void dataChangedItem
      .getValue()
      .then((changedAt) =>
        summaryCacheItem.setValue({
          key: cacheKey(changedAt, settings, Date.now()),
          summary: computed,
        }),
      );
  }, [computed, settings]);

  if (computed) return { status: 'ready', summary: computed, updating: false };
  if (live.status === 'error') return live;
  if (cached) return { status: 'ready', summary: cached.summary, updating: !cached.fresh };
  return { status: 'loading' };
}
