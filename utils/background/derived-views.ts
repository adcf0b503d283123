/**
 * Keeps the popup summary and this week's report computed ahead of the user. After the data or
 * the settings change, the service worker recomputes the views the user has opened before (those
 * with a cached copy) and caches them under the new data version. A page opened after a change
 * then draws an exact copy at once, or as soon as the background has it, instead of reading and
 * scoring months of data in a fresh page whose code is not compiled yet. A page whose copy the
 * background did not bring up to date computes the view itself (components/useCachedView.ts).
 */
import {
  cachedKey,
  reportCache,
  reportScope,
  storeView,
  summaryCache,
  summaryScope,
  viewKey,
  type ViewCache,
} from '@/utils/derived-cache';
import type { AllianceDb } from '@/utils/db/schema';
import { loadWeeklyReport } from '@/utils/db/report-data';
import { loadSummary } from '@/utils/db/summary';
import { weekStartOf } from '@/utils/insights/weeks';
import type { Settings } from '@/utils/model';
import { dataChangedItem, loadSettings } from '@/utils/settings';

/** The views the background keeps current. */
export type DerivedView = 'summary' | 'report';

export interface DerivedViewsContext {
  db: AllianceDb;
}

/**
 * Recomputes one cached view unless it is already current or was never opened. The result is
 * stored only if the data did not change meanwhile and the copy was not deleted meanwhile
 * ("delete everything" must not find names written back from data read before it).
 */
async function refreshView<T>(
  cache: ViewCache<T>,
  scope: (settings: Settings, now: number) => string,
  compute: (settings: Settings, now: number) => Promise<T>,
): Promise<void> {
  const [changedAt, settings, before] = await Promise.all([
    dataChangedItem.getValue(),
    loadSettings(),
    cachedKey(cache),
  ]);
  const now = Date.now();
  const key = viewKey(changedAt, scope(settings, now), now);
  if (before === undefined || before === key) return;
  const value = await compute(settings, now);
  const [changedSince, stillCached] = await Promise.all([
    dataChangedItem.getValue(),
    cachedKey(cache),
  ]);
  if (changedSince !== changedAt || stillCached === undefined) return;
  await storeView(cache, key, value);
}

/** The popup summary, as the popup computes it. */
export function refreshSummary({ db }: DerivedViewsContext): Promise<void> {
  return refreshView(summaryCache, summaryScope, (settings, now) => loadSummary(db, settings, now));
}

/** This week's report, as the report page computes it. */
export function refreshReport({ db }: DerivedViewsContext): Promise<void> {
  const thisWeek = (settings: Settings, now: number) => weekStartOf(now, settings.weekStart);
  return refreshView(
    reportCache,
    (settings, now) => reportScope(thisWeek(settings, now), settings),
    (settings, now) => loadWeeklyReport(db, thisWeek(settings, now), settings, now),
  );
}

/**
 * `refresh` run at most once at a time. A call while it runs is answered by one more run after
 * it, however many calls came: a 10,000-row import costs a few refreshes, not one per slice.
 */
export function coalesced(refresh: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let next: Promise<void> | undefined;
  const run = (): Promise<void> => {
    if (!running) {
      running = refresh()
        // A failed refresh leaves the old copy, which the pages mark as updating and replace.
        .catch(() => undefined)
        .finally(() => (running = undefined));
      return running;
    }
    next ??= running.then(() => {
      next = undefined;
      return run();
    });
    return next;
  };
  return run;
}

/**
 * How long the data must stay unchanged before a view is recomputed unasked: a burst of writes
 * (an import's slices, typing in a note) is one recomputation after it, not one per write that
 * competes with the writes. The report, hundreds of milliseconds of scoring, waits longer.
 */
export const QUIET_MS: Record<DerivedView, number> = { summary: 250, report: 1_500 };

/**
 * The background's side: each view is recomputed once the data has been quiet for a moment
 * after a change, or at once when a page asks (its copy was out of date when it opened).
 */
export function derivedViews(context: DerivedViewsContext) {
  const refresh: Record<DerivedView, () => Promise<void>> = {
    summary: coalesced(() => refreshSummary(context)),
    report: coalesced(() => refreshReport(context)),
  };
  const timers = new Map<DerivedView, ReturnType<typeof setTimeout>>();
  return {
    changed(): void {
      for (const view of ['summary', 'report'] as const) {
        clearTimeout(timers.get(view));
        timers.set(
          view,
          setTimeout(() => void refresh[view](), QUIET_MS[view]),
        );
      }
    },
    refresh(view: DerivedView): Promise<void> {
      return refresh[view]();
    },
  };
}
