/**
 * Sync gives way to the user (docs/sync.md, "Giving way to the user"): a request the user caused
 * holds sync's next batch for a second, a question asked again after a change does not, and the
 * engine waits at every batch it writes.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { device, memoryServer, testKeys, type Device } from '../../support/sync-devices';
import { toggleRole } from '@/utils/db/records';
import { causedByUser } from '@/utils/messaging/protocol';
import { SyncEngine } from '@/utils/sync/engine';
import { HOLD_MS, holdSyncForUser, untilUserIsAway } from '@/utils/sync/give-way';

const NOW = Date.UTC(2025, 2, 1);

let devices: Device[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(devices.map((d) => d.close()));
  devices = [];
});

describe('holding sync for the user', () => {
  it('lets sync go at once when the user asked nothing, and a second after their last request', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] });
    vi.advanceTimersByTime(10 * HOLD_MS);
    let away = false;
    await untilUserIsAway().then(() => (away = true));
    expect(away).toBe(true);

    holdSyncForUser();
    away = false;
    void untilUserIsAway().then(() => (away = true));
    await vi.advanceTimersByTimeAsync(HOLD_MS / 2);
    holdSyncForUser(); // a second request: the hold runs from it
    await vi.advanceTimersByTimeAsync(HOLD_MS - 1);
    expect(away).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(away).toBe(true);
  });

  it('is held by what the user did on LinkedIn, not by a question asked again after a change', () => {
    expect(causedByUser({ type: 'profile/summary', identity: { slug: 'dana-lee' } })).toBe(true);
    expect(causedByUser({ type: 'profile/toggle-role', identity: {}, role: 'ally' })).toBe(true);
    expect(causedByUser({ type: 'lists/lookup', keys: ['dana-lee'] })).toBe(true);
    expect(causedByUser({ type: 'profile/summary', identity: {}, afterChange: true })).toBe(false);
    expect(causedByUser({ type: 'lists/lookup', keys: [], afterChange: true })).toBe(false);
    expect(causedByUser(null)).toBe(false);
  });
});

describe('the engine giving way', () => {
  it('waits before each batch it receives and writes, and writes nothing while held', async () => {
    const server = memoryServer();
    const keys = await testKeys();
    devices = [await device(server, keys), await device(server, keys)];
    const [a, b] = devices as [Device, Device];
    for (const slug of ['ana-ruiz', 'ben-cole', 'cy-wong'])
      await toggleRole(a.db, { slug, name: slug }, 'ally', NOW);
    await a.engine.send();
    await a.local.sync(server);
    await b.local.sync(server);

    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const waits: number[] = [];
    const engine = new SyncEngine({
      db: b.db,
      local: b.local,
      keys,
      batch: 1,
      giveWay: async () => {
        waits.push(await b.db.people.count());
        // Held before the first batch is written, as while the user opens a profile.
        if (waits.length === 2) await held;
      },
    });
    const receiving = engine.receive();
    await vi.waitFor(() => expect(waits).toHaveLength(2));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await b.db.people.count()).toBe(0);
    release();
    expect((await receiving).count).toBe(3);
    // Before reading each batch and again before writing it; then before finding none left.
    expect(waits).toEqual([0, 0, 1, 1, 2, 2, 3]);
  });
});
