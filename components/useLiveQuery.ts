import { liveQuery } from 'dexie';
import { useLayoutEffect, useState } from 'preact/hooks';
import { dataChangedItem } from '@/utils/settings';

/** The answer of a Dexie query, kept current as the data changes in any extension view. */
export type Live<T> =
  { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: Error };

function failed(error: unknown): Live<never> {
  return { status: 'error', error: error instanceof Error ? error : new Error(String(error)) };
}

/**
 * Subscribes to a Dexie live query for the life of the component. The query function must call
 * only Dexie (Dexie's rule for live queries); `deps` re-subscribe it.
 */
export function useLiveQuery<T>(query: () => Promise<T> | T, deps: readonly unknown[]): Live<T> {
  const [state, setState] = useState<Live<T>>({ status: 'loading' });
  // Subscribed as soon as the view has rendered, not a frame later (Preact runs effects after the
  // next paint): the popup's summary and the report wait for their first answer.
  useLayoutEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState({ status: 'ready', value }),
      error: (error: unknown) => setState(failed(error)),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return state;
}

/** The value of a live query once ready, else `fallback`. */
export function liveValue<T>(live: Live<T>, fallback: T): T {
  return live.status === 'ready' ? live.value : fallback;
}

/**
 * Like `useLiveQuery`, for a read of tens of thousands of records: read once, and again after
 * the extension's change notice (`dataChangedItem`, bumped after every committed write in any
 * context). A live query keeps every record it read in a key range set so that it can tell
 * which writes concern it; the weekly report reads every touch of half a year, and keeping
 * 48,000 keys cost more than its engine (profiled at 10,000 people and 100,000 touches).
 */
export function useReadOnChange<T>(read: () => Promise<T>, deps: readonly unknown[]): Live<T> {
  const [state, setState] = useState<Live<T>>({ status: 'loading' });
  useLayoutEffect(() => {
    let latest = 0;
    const run = () => {
      const asked = ++latest;
      read().then(
        (value) => asked === latest && setState({ status: 'ready', value }),
        (error: unknown) => asked === latest && setState(failed(error)),
      );
    };
    run();
    const unwatch = dataChangedItem.watch(run);
    return () => {
      latest = -1;
      unwatch();
    };
  }, deps);
  return state;
}
