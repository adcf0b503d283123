/**
 * The map as it was last drawn, kept in the map page's own storage so that the page draws at
 * once when nothing changed since (docs/map.md, "Opening fast"). Reading the 500 people of a map
 * out of a record of 10,000 takes 0.3–0.6 s on the bench machine; this copy, a few milliseconds.
 * It is only ever a picture: the page's live query runs on every open and replaces it, edits go
 * to the database, and a copy whose data version or settings differ is never drawn. The one
 * race: an answer read just before a write in another view, kept after that view's version
 * bump reached this page and before the answer that follows it, holds the older picture under
 * the newer version; the next opening then shows it until its own live answer, half a second
 * later, replaces it.
 */
import type { Settings } from '@/utils/model';
import type { MapData } from '@/utils/loaders/map';

const STORAGE_KEY = 'alliance-map:map-snapshot';

interface Stored {
  key: string;
  data: MapData;
}

/**
 * What the copy depends on: the data version (bumped after every committed write, in any
 * view), the settings (the visibility window) and the day (awareness looks back from today).
 */
export function snapshotKey(dataVersion: number, settings: Settings, now: number): string {
  const day = new Date(now).toDateString();
  return JSON.stringify([dataVersion, settings.visibilityWindowDays, day]);
}

/** The copy made under exactly this key, or null. */
export function readSnapshot(storage: Storage, key: string): MapData | null {
  try {
    const stored = JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null') as Stored | null;
    return stored?.key === key ? stored.data : null;
  } catch {
    return null;
  }
}

/** Keeps `data` as the copy for `key`; a full storage only means no copy. */
export function writeSnapshot(storage: Storage, key: string, data: MapData): void {
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify({ key, data } satisfies Stored));
  } catch {
    storage.removeItem(STORAGE_KEY);
  }
}

/** Forgets the copy (everything was deleted). */
export function clearSnapshot(storage: Storage): void {
  storage.removeItem(STORAGE_KEY);
}
