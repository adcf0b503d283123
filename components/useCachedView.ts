import { useEffect, useState } from 'preact/hooks';
import type { WxtStorageItem } from 'wxt/utils/storage';
import { useLiveQuery } from './useLiveQuery';
import { viewKey, type CachedView } from '@/utils/derived-cache';
import { dataChangedItem } from '@/utils/settings';

export type CachedViewState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: Error }
  | { status: 'ready'; value: T; updating: boolean };

/**
 * A view computed from months of data (the popup summary, the weekly report), shown at once
 * from its cached copy, exact when nothing changed since and marked as updating otherwise,
 * while the live one is computed after it; the live result then replaces it and is cached.
 * `scope` names everything but the data it depends on (settings, week); `compute` may call
 * only Dexie (a live query).
 */
export function useCachedView<T>(
  cache: WxtStorageItem<CachedView<T> | null, Record<string, unknown>>,
  scope: string,
  compute: () => Promise<T>,
): CachedViewState<T> {
  const [cached, setCached] = useState<{ scope: string; fresh: boolean; value: T }>();
  const [liveScope, setLiveScope] = useState<string>();
  const live = useLiveQuery(() => (liveScope === scope ? compute() : null), [scope, liveScope]);

  useEffect(() => {
    let current = true;
    void Promise.all([cache.getValue(), dataChangedItem.getValue()]).then(([entry, changedAt]) => {
      if (!current) return;
      const key = viewKey(changedAt, scope, Date.now());
      if (entry?.key.endsWith(`|${scope}`)) {
        setCached({ scope, fresh: entry.key === key, value: entry.value });
      }
      // After the cached copy has rendered, in a task of its own.
      setTimeout(() => current && setLiveScope(scope), 0);
    });
    return () => {
      current = false;
    };
  }, [cache, scope]);

  const computed = live.status === 'ready' && liveScope === scope ? live.value : null;
  useEffect(() => {
    if (computed === null) return;
    void dataChangedItem
      .getValue()
      .then((changedAt) =>
        cache.setValue({ key: viewKey(changedAt, scope, Date.now()), value: computed }),
      );
  }, [cache, computed, scope]);

  if (computed !== null) return { status: 'ready', value: computed, updating: false };
  if (live.status === 'error') return live;
  if (cached?.scope === scope)
    return { status: 'ready', value: cached.value, updating: !cached.fresh };
  return { status: 'loading' };
}
