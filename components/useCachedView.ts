import { useLayoutEffect, useState } from 'preact/hooks';
import type { DerivedView } from '@/utils/background/derived-views';
import { ask } from '@/utils/messaging/protocol';
import { readView, storeView, viewKey, type ViewCache } from '@/utils/derived-cache';
import { dataChangedItem } from '@/utils/settings';

export type CachedViewState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: Error }
  | { status: 'ready'; value: T; updating: boolean };

type Shown<T> =
  { scope: string; value: T; fresh: boolean } | { scope: string; error: Error } | undefined;

/**
 * A view computed from months of data (the popup summary, the weekly report), shown at once
 * from its cached copy: exact when nothing changed since, marked as updating otherwise. An
 * out-of-date copy is brought up to date by the background, which keeps the views the user
 * opened current after every change (utils/background/derived-views.ts) in a warm service
 * worker, while this page is still starting. Only when the background does not keep this view
 * (no copy yet, a past week: `keptByBackground` null) or did not bring it up to date does the
 * page compute it itself, and cache it. Every later change of the data does the same again.
 * `scope` names everything but the data the view depends on (settings, week).
 */
export function useCachedView<T>(
  cache: ViewCache<T>,
  scope: string,
  compute: () => Promise<T>,
  keptByBackground: DerivedView | null,
): CachedViewState<T> {
  const [shown, setShown] = useState<Shown<T>>();

  // A layout effect: the copy is asked for as soon as the page has rendered, not a frame later.
  useLayoutEffect(() => {
    let current = true;
    // Each change of the data starts a round; a round that a newer one overtook stops.
    let round = 0;
    /** The cached copy, and the key an exact one has for the data as it is now. */
    const readCopy = async () => {
      const [entry, changedAt] = await Promise.all([readView(cache), dataChangedItem.getValue()]);
      return { entry, key: viewKey(changedAt, scope, Date.now()) };
    };
    /** Shows the cached copy if it is exact. */
    const adoptIfExact = async (): Promise<boolean> => {
      const { entry, key } = await readCopy();
      if (!current || entry?.key !== key) return false;
      setShown({ scope, value: entry.value, fresh: true });
      return true;
    };
    const update = async (mine: number) => {
      const { entry, key } = await readCopy();
      if (!current || mine !== round) return;
      if (entry?.key === key) return setShown({ scope, value: entry.value, fresh: true });
      const sameScope = entry?.key.endsWith(`|${scope}`) === true;
      setShown((before) =>
        sameScope && entry
          ? { scope, value: entry.value, fresh: false }
          : before?.scope === scope && 'value' in before
            ? { ...before, fresh: false }
            : before,
      );
      if (keptByBackground && sameScope) {
        await ask('views/refresh', { view: keptByBackground });
        if (!current || mine !== round || (await adoptIfExact())) return;
      }
      try {
        const value = await compute();
        if (!current || mine !== round) return;
        setShown({ scope, value, fresh: true });
        await storeView(cache, key, value);
      } catch (error) {
        if (current && mine === round)
          setShown({ scope, error: error instanceof Error ? error : new Error(String(error)) });
      }
    };
    void update(round);
    const unwatchData = dataChangedItem.watch(() => void update(++round));
    // The background's copy may land before its answer does: its key is written last.
    const unwatchCache = cache.key.watch((key) => {
      if (key?.endsWith(`|${scope}`)) void adoptIfExact();
    });
    return () => {
      current = false;
      unwatchData();
      unwatchCache();
    };
  }, [cache, scope, keptByBackground]);

  if (shown?.scope !== scope) return { status: 'loading' };
  if ('error' in shown) return { status: 'error', error: shown.error };
  return { status: 'ready', value: shown.value, updating: !shown.fresh };
}
