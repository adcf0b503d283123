import { liveQuery } from 'dexie';
import { useLayoutEffect, useState } from 'preact/hooks';

/** The answer of a Dexie query, kept current as the data changes in any extension view. */
export type Live<T> =
  { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: Error };

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
      error: (error: unknown) =>
        setState({
          status: 'error',
          error: error instanceof Error ? error : new Error(String(error)),
        }),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return state;
}

/** The value of a live query once ready, else `fallback`. */
export function liveValue<T>(live: Live<T>, fallback: T): T {
  return live.status === 'ready' ? live.value : fallback;
}
