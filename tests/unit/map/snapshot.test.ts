import { describe, expect, it } from 'vitest';
import { clearSnapshot, readSnapshot, snapshotKey, writeSnapshot } from '@/utils/map/snapshot';
import type { MapData } from '@/utils/loaders/map';
import { DEFAULT_SETTINGS } from '@/utils/model';

/** Page storage as the browser gives it, with a quota. */
function storage(quota = Infinity): Storage {
  const values = new Map<string, string>();
  return {
    get length() {
      return values.size;
    },
    clear: () => values.clear(),
    key: (i) => [...values.keys()][i] ?? null,
    getItem: (key) => values.get(key) ?? null,
    removeItem: (key) => void values.delete(key),
    setItem: (key, value) => {
      if (value.length > quota) throw new DOMException('full', 'QuotaExceededError');
      values.set(key, value);
    },
  };
}

const data: MapData = { people: [], record: [], ties: [] };
const NOW = new Date(2025, 2, 12, 12).getTime();

describe('the map snapshot', () => {
  it('is drawn only for the data version, settings and day it was made for', () => {
    const store = storage();
    const key = snapshotKey(7, DEFAULT_SETTINGS, NOW);
    writeSnapshot(store, key, data);
    expect(readSnapshot(store, key)).toEqual(data);
    expect(readSnapshot(store, snapshotKey(8, DEFAULT_SETTINGS, NOW))).toBeNull();
    expect(
      readSnapshot(store, snapshotKey(7, { ...DEFAULT_SETTINGS, visibilityWindowDays: 14 }, NOW)),
    ).toBeNull();
    expect(readSnapshot(store, snapshotKey(7, DEFAULT_SETTINGS, NOW + 86_400_000))).toBeNull();
    clearSnapshot(store);
    expect(readSnapshot(store, key)).toBeNull();
  });

  it('keeps no copy when the storage is full, and reads a damaged one as none', () => {
    const full = storage(10);
    const key = snapshotKey(1, DEFAULT_SETTINGS, NOW);
    writeSnapshot(full, key, data);
    expect(readSnapshot(full, key)).toBeNull();
    const damaged = storage();
    damaged.setItem('alliance-map:map-snapshot', '{not json');
    expect(readSnapshot(damaged, key)).toBeNull();
  });
});
