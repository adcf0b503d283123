import { describe, expect, it, vi } from 'vitest';
import {
  formatBytes,
  readEstimate,
  requestPersistence,
  type StorageApi,
} from '@/utils/storage-status';

function fakeStorage(overrides: Partial<StorageApi>): StorageApi {
  return {
    persisted: vi.fn(async () => false),
    persist: vi.fn(async () => false),
    estimate: vi.fn(async () => ({ usage: 2048, quota: 1024 ** 3 })),
    ...overrides,
  };
}

describe('requestPersistence', () => {
  it('does not ask again when persistence is granted already', async () => {
    const api = fakeStorage({ persisted: vi.fn(async () => true) });
    expect(await requestPersistence(api)).toBe(true);
    expect(api.persist).not.toHaveBeenCalled();
  });

  it('asks when not granted and reports the answer', async () => {
    const granting = fakeStorage({ persist: vi.fn(async () => true) });
    expect(await requestPersistence(granting)).toBe(true);
    expect(granting.persist).toHaveBeenCalledOnce();
    expect(await requestPersistence(fakeStorage({}))).toBe(false);
  });

  it('says it cannot tell when the API is missing or fails', async () => {
    expect(await requestPersistence(undefined)).toBeNull();
    const failing = fakeStorage({ persisted: vi.fn(async () => Promise.reject(new Error('no'))) });
    expect(await requestPersistence(failing)).toBeNull();
  });
});

describe('readEstimate', () => {
  it('passes the estimate through, and null when unknown', async () => {
    expect(await readEstimate(fakeStorage({}))).toEqual({ usage: 2048, quota: 1024 ** 3 });
    expect(await readEstimate(fakeStorage({ estimate: vi.fn(async () => ({})) }))).toEqual({
      usage: null,
      quota: null,
    });
    expect(
      await readEstimate(fakeStorage({ estimate: vi.fn(async () => Promise.reject(new Error())) })),
    ).toEqual({ usage: null, quota: null });
    expect(await readEstimate(undefined)).toEqual({ usage: null, quota: null });
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0 bytes'],
    [1023, '1023 bytes'],
    [1024, '1 kB'],
    [1536, '1.5 kB'],
    [5 * 1024 ** 2 + 300 * 1024, '5.3 MB'],
    [150 * 1024 ** 3, '150 GB'],
    [3 * 1024 ** 5, '3072 TB'],
  ])('%d bytes reads as %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
