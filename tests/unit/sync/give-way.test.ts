/**
 * Sync gives way to the user (docs/sync.md, "Giving way to the user"): a request the user caused
 * holds sync's next batch for a second, a question asked again after a change does not, and the
 * engine waits at every batch it writes.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { storeProblems } from '../../support/store-actions';
import { device, memoryServer, testKeys, type Device } from '../../support/sync-devices';
import { addNote, toggleRole } from '@/utils/db/records';
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
  it('waits before each batch it reads and writes, and writes nothing while held', async () => {
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
        if (waits.length === 1) await held;
        return new AbortController().signal;
      },
    });
    const receiving = engine.receive();
    await vi.waitFor(() => expect(waits).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await b.db.people.count()).toBe(0);
    release();
    expect((await receiving).count).toBe(3);
    // Before reading each batch's documents and before writing them (the changes feed is read
    // more than a batch at a time), then, while documents come in, before reading the feed on.
    expect(waits).toEqual([0, 0, 1, 1, 2, 2, 3]);
  });

  it('gives up the batch it is writing when the user comes, writes none of it, and writes it again', async () => {
    const server = memoryServer();
    const keys = await testKeys();
    devices = [await device(server, keys), await device(server, keys)];
    const [a, b] = devices as [Device, Device];
    for (const slug of ['ana-ruiz', 'ben-cole', 'cy-wong']) {
      await toggleRole(a.db, { slug, name: slug }, 'ally', NOW);
      await addNote(a.db, { slug }, `About ${slug}`, NOW);
    }
    await a.engine.send();
    await a.local.sync(server);
    await b.local.sync(server);

    let userCame = new AbortController();
    const seenAtEachWait: number[] = [];
    const engine = new SyncEngine({
      db: b.db,
      local: b.local,
      keys,
      giveWay: async () => {
        seenAtEachWait.push((await b.db.people.count()) + (await b.db.notes.count()));
        return userCame.signal;
      },
    });
    // The user comes while the batch's notes are being written, before its people are.
    let notesWritten = 0;
    b.db.notes.hook('creating', () => {
      if (++notesWritten !== 1) return;
      userCame.abort();
      userCame = new AbortController();
    });
    expect((await engine.receive()).count).toBe(3);
    // Before reading, before writing, and again after giving up: nothing of the batch was
    // written; then before reading on, all of it.
    expect(seenAtEachWait).toEqual([0, 0, 0, 6]);
    // Three notes given up with their batch, then the same three written.
    expect(notesWritten).toBe(6);
    expect(await storeProblems(b.db)).toEqual([]);
    expect((await b.db.notes.toArray()).map((note) => note.text).sort()).toEqual([
      'About ana-ruiz',
      'About ben-cole',
      'About cy-wong',
    ]);
    expect(await b.db.syncState.get('applied')).toBeDefined();
  });

  it('does not wait to receive its own writes back: the pass that sends the next edit follows', async () => {
    const server = memoryServer();
    const keys = await testKeys();
    devices = [await device(server, keys)];
    const [a] = devices as [Device];
    const giveWay = vi.fn(() => new Promise<AbortSignal>(() => undefined)); // the user never leaves
    const engine = new SyncEngine({ db: a.db, local: a.local, keys, giveWay });
    await toggleRole(a.db, { slug: 'ana-ruiz', name: 'Ana Ruiz' }, 'ally', NOW);
    await engine.send();
    await a.local.sync(server);
    expect(await engine.receive()).toEqual({ count: 0, unreadable: 0 });
    expect(giveWay).not.toHaveBeenCalled();
  });
});
