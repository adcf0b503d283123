/**
 * Keeps the popup summary and this week's report computed ahead of the user. After the data or
 * the settings change, the service worker recomputes the views the user has opened before (those
 * with a cached copy) and caches them under the new data version. A page opened after a change
 * then draws an exact copy at once, or as soon as the background has it, instead of reading and
 * scoring months of data in a fresh page whose code is not compiled yet. A page whose copy the
 * background did not bring up to date computes the view itself (components/useCachedView.ts).
 */
import {
  copyState,
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
export const DERIVED_VIEWS = ['summary', 'report'] as const;
export type DerivedView = (typeof DERIVED_VIEWS)[number];

export function isDerivedView(value: unknown): value is DerivedView {
  return typeof value === 'string' && (DERIVED_VIEWS as readonly string[]).includes(value);
}

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
  const [changedAt, settings] = await Promise.all([dataChangedItem.getValue(), loadSettings()]);
  const now = Date.now();
  const key = viewKey(changedAt, scope(settings, now), now);
  const before = await copyState(cache, key);
  if (!before.exists || before.exact) return;
  const value = await compute(settings, now);
  const [changedSince, after] = await Promise.all([
    dataChangedItem.getValue(),
    copyState(cache, key),
  ]);
  if (changedSince !== changedAt || !after.exists) return;
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
 * How long the data must stay unchanged before a view is recomputed again unasked: a burst of
 * writes (an import's slices, typing in a note) costs one recomputation after it rather than one
 * per write competing with the writes.
 */
export const QUIET_MS: Record<DerivedView, number> = { summary: 250, report: 1_500 };

/**
 * The background's side. After a change that follows a quiet moment the summary, cheap and opened
 * most, is recomputed at once, and the report right after it, so that the report's hundreds of
 * milliseconds of scoring never hold the summary up. During a burst of changes neither runs
 * again until the data has been quiet for its QUIET_MS, then once. Either is recomputed at once
 * when a page asks (its copy was out of date when it opened).
 */
export function derivedViews(context: DerivedViewsContext) {
  const refresh: Record<DerivedView, () => Promise<void>> = {
    summary: coalesced(() => refreshSummary(context)),
    report: coalesced(() => refreshReport(context)),
  };
  // Per view, the end of its quiet moment, and whether changes came during it.
  const quiet = new Map<DerivedView, { timer: ReturnType<typeof setTimeout>; again: boolean }>();
  /** Notes a change to `view`; the promise of the run it starts at once (after `after`), if any. */
  const changed = (view: DerivedView, after?: Promise<void>): Promise<void> | undefined => {
    const pending = quiet.get(view);
    if (pending) clearTimeout(pending.timer);
    const leading = pending ? undefined : (after ?? Promise.resolve()).then(refresh[view]);
    const again = pending !== undefined;
    const timer = setTimeout(() => {
      quiet.delete(view);
      if (again) void refresh[view]();
    }, QUIET_MS[view]);
    quiet.set(view, { timer, again });
    return leading;
  };
  return {
    changed(): void {
      changed('report', changed('summary'));
    },
    refresh(view: DerivedView): Promise<void> {
      return refresh[view]();
    },
  };
}
