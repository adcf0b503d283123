import Dexie, { type EntityTable } from 'dexie';
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

interface StoredView {
  name: string;
  key: string;
  value: unknown;
}

/** The database of the cached copies: derived data only, so it can be emptied at any time. */
export const VIEWS_DB_NAME = 'alliance-map-views';

let viewsDb: (Dexie & { views: EntityTable<StoredView, 'name'> }) | undefined;
function views() {
  if (!viewsDb) {
    viewsDb = new Dexie(VIEWS_DB_NAME) as Dexie & { views: EntityTable<StoredView, 'name'> };
    viewsDb.version(1).stores({ views: 'name' });
    // Whether a copy exists, or one for a given key, without reading a megabyte of report.
    viewsDb.version(2).stores({ views: 'name, [name+key]' });
  }
  return viewsDb;
}

/**
 * A cached view. The copy (a report is about a megabyte) lives in IndexedDB, where it is written
 * and read in ~15 ms where extension storage takes 150–300 ms and sends it to every open view;
 * its key is stored with it. The key is also written to extension storage after the copy: its
 * change tells the open pages that a new copy is there. Only a notice: a page closed between
 * the two writes leaves the copy without it.
 */
export interface ViewCache<T> {
  name: string;
  key: WxtStorageItem<string | null, Record<string, never>>;
  /** Type only: what the copy holds. */
  readonly value?: T;
}

function derivedView<T>(name: string): ViewCache<T> {
  return { name, key: storage.defineItem<string | null>(`local:${name}Key`, { fallback: null }) };
}

/**
 * The last popup summary and weekly report computed, so that they open at once. Both hold names
 * and follow-ups: deleting everything clears them (`clearDerivedCaches`).
 */
export const summaryCache = derivedView<AllianceSummary>('summaryCache');
export const reportCache = derivedView<WeeklyReport>('reportCache');

/** Opens the copies' database ahead of the first read (a page opening on its copy). */
export function openViews(): void {
  void views()
    .open()
    .catch(() => undefined);
}

/** The cached copy, or null when there is none (or it cannot be read). */
export async function readView<T>(cache: ViewCache<T>): Promise<CachedView<T> | null> {
  try {
    const stored = await views().views.get(cache.name);
    return stored ? { key: stored.key, value: stored.value as T } : null;
  } catch {
    return null;
  }
}

/** Whether a copy of the view exists (it was opened before), and whether it is the one for `key`. */
export async function copyState<T>(
  cache: ViewCache<T>,
  key: string,
): Promise<{ exists: boolean; exact: boolean }> {
  const table = views().views;
  const [copies, exact] = await Promise.all([
    table.where('name').equals(cache.name).count(),
    table.where('[name+key]').equals([cache.name, key]).count(),
  ]);
  return { exists: copies > 0, exact: exact > 0 };
}

/** Caches a view computed for `key`: the copy first, so that whoever sees the key finds it. */
export async function storeView<T>(cache: ViewCache<T>, key: string, value: T): Promise<void> {
  await views().views.put({ name: cache.name, key, value });
  await cache.key.setValue(key);
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
    storage.removeItems([summaryCache.key, reportCache.key]),
    views().views.clear(),
  ]);
}
