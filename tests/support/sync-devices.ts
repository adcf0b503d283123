/**
 * Devices that sync through a server, in memory: each its own Dexie database (fake-indexeddb),
 * its own local copy and one shared "server" (PouchDB's memory adapter), with the real engine
 * between them. For the unit and property tests of sync.
 */
import PouchDB from 'pouchdb-core';
import memoryAdapter from 'pouchdb-adapter-memory';
import replication from 'pouchdb-replication';
import { AllianceDb } from '@/utils/db/schema';
import { startSync } from '@/utils/sync/account';
import { newKeyDocument, type SyncKeys } from '@/utils/sync/envelope';
import { SyncEngine } from '@/utils/sync/engine';
import type { PouchDB as Pouch } from 'pouchdb-core';

const MemoryPouch = PouchDB.plugin(memoryAdapter)
  .plugin(replication)
  .defaults({ adapter: 'memory' });

/** Keys derived cheaply (the real work factor costs a second per derivation). */
export async function testKeys(passphrase = 'correct horse battery staple'): Promise<SyncKeys> {
  return (await newKeyDocument(passphrase, 1_000)).keys;
}

export function memoryServer(): Pouch.Database {
  return new MemoryPouch(`server-${crypto.randomUUID()}`);
}

export interface Device {
  db: AllianceDb;
  local: Pouch.Database;
  engine: SyncEngine;
  /** Sends, replicates both ways and receives; true when anything moved. */
  sync(): Promise<boolean>;
  close(): Promise<void>;
}

/** A device with sync turned on against `server`, its existing data noted for sending. */
export async function device(
  server: Pouch.Database,
  keys: SyncKeys,
  now = () => Date.now(),
): Promise<Device> {
  const db = new AllianceDb(`device-${crypto.randomUUID()}`);
  const local = new MemoryPouch(`local-${crypto.randomUUID()}`);
  await startSync(db, { url: 'memory://server', username: '', password: '', space: 'test' }, keys);
  const engine = new SyncEngine({ db, local, keys, now });
  return {
    db,
    local,
    engine,
    async sync() {
      const before = (await local.info()).update_seq;
      const sent = await engine.send();
      await local.sync(server);
      const received = await engine.receive();
      return sent.count + received.count > 0 || (await local.info()).update_seq !== before;
    },
    async close() {
      db.close();
      await local.destroy();
    },
  };
}

/** Syncs the devices in turn until a whole round moves nothing: they have converged. */
export async function settle(devices: readonly Device[], maxRounds = 10): Promise<void> {
  for (let round = 0; round < maxRounds; round++) {
    let moved = false;
    for (const d of devices) moved = (await d.sync()) || moved;
    if (!moved) return;
  }
  throw new Error(`The devices did not settle in ${maxRounds} rounds.`);
}
