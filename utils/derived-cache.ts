import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import type { AllianceSummary } from '@/utils/db/summary';
import type { WeeklyReport } from '@/utils/insights';
import type { Settings } from '@/utils/model';

const HOUR_MS = 3_600_000;

/** A view computed from the data, with what it was computed from. */
export interface CachedView<T> {
  key: string;
  value: T;
}

/**
 * A cached view. Its key is also kept apart, as the item's metadata, so that the background can
 * tell whether a copy exists and is current without reading a report of a megabyte.
 */
export type ViewCache<T> = WxtStorageItem<CachedView<T> | null, { key: string }>;

function derivedItem<T>(name: string): ViewCache<T> {
  return storage.defineItem<CachedView<T> | null, { key: string }>(`local:${name}`, {
    fallback: null,
  });
}

/**
 * The last popup summary and weekly report computed, so that they open at once. Both hold names
 * and follow-ups: deleting everything clears them (`clearDerivedCaches`).
 */
export const summaryCache = derivedItem<AllianceSummary>('summaryCache');
export const reportCache = derivedItem<WeeklyReport>('reportCache');

/** Caches a view computed for `key`. */
export async function storeView<T>(cache: ViewCache<T>, key: string, value: T): Promise<void> {
  await cache.setValue({ key, value });
  await cache.setMeta({ key });
}

/** The key of the cached copy, without reading the copy; undefined when there is none. */
export async function cachedKey<T>(cache: ViewCache<T>): Promise<string | undefined> {
  return (await cache.getMeta()).key ?? undefined;
}

/**
 * What a cached view depends on: the data (its last change), the `scope` (settings, the week)
 * and the hour, since "due" and "overdue" move with time.
 */
export function viewKey(dataChangedAt: number, scope: string, now: number): string {
  return `${dataChangedAt}|${Math.floor(now / HOUR_MS)}|${scope}`;
}

/** What the popup summary depends on besides the data. */
export function summaryScope(settings: Settings): string {
  return JSON.stringify(settings);
}

/** What the report of the week starting `weekStart` depends on besides the data. */
export function reportScope(weekStart: number, settings: Settings): string {
  return `${weekStart}|${JSON.stringify(settings)}`;
}

/** Forgets every cached view (with "delete everything"). */
export async function clearDerivedCaches(): Promise<void> {
  await Promise.all([
    summaryCache.removeValue({ removeMeta: true }),
    reportCache.removeValue({ removeMeta: true }),
  ]);
}
