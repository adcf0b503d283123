import { liveQuery } from 'dexie';
import { useLayoutEffect, useState } from 'preact/hooks';
import { dataChangedItem } from '@/utils/settings';
import { onUserInput } from '@/utils/user-input';

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
 * After a read that a change notice found running, the next one waits this many times as long
 * as that read took: a view spends at most a quarter of its time reading while a storm of changes
 * goes on (another device joining writes its people batch after batch). A notice that finds no
 * read running is read at once.
 */
const REST_PER_READ = 3;

/** With `waitForQuietInput`, how long after the user's last key, click or wheel a read may start. */
const INPUT_QUIET_MS = 1000;

/**
 * Like `useLiveQuery`, for a read of tens of thousands of records: read once, and again after
 * the extension's change notice (`dataChangedItem`, bumped after every committed write in any
 * context). A live query keeps every record it read in a key range set so that it can tell
 * which writes concern it; the weekly report reads every touch of half a year, and keeping
 * 48,000 keys cost more than its engine (profiled at 10,000 people and 100,000 touches). One read
 * runs at a time; the notices that come during it are answered by one read after it. With
 * `waitForQuietInput` (the people list, whose read and rebuild of 30,000 rows would stall the
 * user's typing), a read after a change also waits until the user has stopped for a second.
 */
export function useReadOnChange<T>(
  read: () => Promise<T>,
  deps: readonly unknown[],
  { waitForQuietInput = false } = {},
): Live<T> {
  const [state, setState] = useState<Live<T>>({ status: 'loading' });
  useLayoutEffect(() => {
    let mounted = true;
    let reading = false;
    let changedMeanwhile = false;
    let restUntil = 0;
    let lastInput = -Infinity;
    let waiting: ReturnType<typeof setTimeout> | undefined;
    const listening = new AbortController();
    if (waitForQuietInput) onUserInput(() => (lastInput = performance.now()), listening.signal);
    /** Reads now, or once the rest after the last read and the user's typing are over. */
    const readSoon = () => {
      if (reading) changedMeanwhile = true;
      if (reading || waiting) return;
      const startAt = Math.max(restUntil, waitForQuietInput ? lastInput + INPUT_QUIET_MS : 0);
      const wait = startAt - performance.now();
      if (wait <= 0) return void run();
      waiting = setTimeout(() => {
        waiting = undefined;
        readSoon();
      }, wait);
    };
    const run = async () => {
      reading = true;
      changedMeanwhile = false;
      const started = performance.now();
      try {
        const value = await read();
        if (mounted) setState({ status: 'ready', value });
      } catch (error) {
        if (mounted) setState(failed(error));
      }
      reading = false;
      if (!mounted || !changedMeanwhile) return;
      restUntil = performance.now() + REST_PER_READ * (performance.now() - started);
      readSoon();
    };
    void run();
    const unwatch = dataChangedItem.watch(readSoon);
    return () => {
      mounted = false;
      clearTimeout(waiting);
      listening.abort();
      unwatch();
    };
  }, deps);
  return state;
}
