import { storage } from 'wxt/utils/storage';
import type { AllianceSummary } from '@/utils/db/summary';
import type { WeeklyReport } from '@/utils/insights';

const HOUR_MS = 3_600_000;

/** A view computed from the data, with what it was computed from. */
export interface CachedView<T> {
  key: string;
  value: T;
}

function derivedItem<T>(name: string) {
  return storage.defineItem<CachedView<T> | null>(`local:${name}`, { fallback: null });
}

/**
 * The last popup summary and weekly report computed, so that they open at once. Both hold names
 * and follow-ups: deleting everything clears them (`clearDerivedCaches`).
 */
export const summaryCache = derivedItem<AllianceSummary>('summaryCache');
export const reportCache = derivedItem<WeeklyReport>('reportCache');

/**
 * What a cached view depends on: the data (its last change), the `scope` (settings, the week)
 * and the hour, since "due" and "overdue" move with time.
 */
export function viewKey(dataChangedAt: number, scope: string, now: number): string {
  return `${dataChangedAt}|${Math.floor(now / HOUR_MS)}|${scope}`;
}

/** Forgets every cached view (with "delete everything"). */
export async function clearDerivedCaches(): Promise<void> {
  await Promise.all([summaryCache.removeValue(), reportCache.removeValue()]);
}
