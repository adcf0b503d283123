/**
 * The property sync is for: two devices that edit the same records while offline, then sync in
 * either order, end with the same records, lose no note either of them wrote or edited, and keep
 * the store's invariants (each person once, their stored fields what their records say).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { storeAction } from '../../support/store-action-arbitrary';
import { runStoreActions, storeProblems } from '../../support/store-actions';
import { device, memoryServer, settle, testKeys } from '../../support/sync-devices';
import type { AllianceDb } from '@/utils/db/schema';
import { personOf } from '@/utils/db/stored-person';
import { byCodeUnit, DAY_MS, type Note } from '@/utils/model';

const NOW = Date.UTC(2025, 2, 1);

/** Every record, in key order, people as a backup holds them. */
async function snapshot(db: AllianceDb) {
  const [people, notes, touches, ties, followUps] = await Promise.all([
    db.people.toArray(),
    db.notes.toArray(),
    db.touches.toArray(),
    db.ties.toArray(),
    db.followUps.toArray(),
  ]);
  return { people: people.map(personOf), notes, touches, ties, followUps };
}

/** The notes of `db` that are new or changed since `before`. */
async function notesWritten(db: AllianceDb, before: readonly Note[]): Promise<Note[]> {
  const old = new Map(before.map((note) => [note.id, note.text]));
  return (await db.notes.toArray()).filter((note) => old.get(note.id) !== note.text);
}

describe('two devices editing offline', () => {
  it('converge on the same records and lose no note, whatever each did and whoever syncs first', async () => {
    const keys = await testKeys();
    await fc.assert(
      fc.asyncProperty(
        fc.array(storeAction, { maxLength: 8 }),
        fc.array(storeAction, { maxLength: 8 }),
        fc.array(storeAction, { maxLength: 8 }),
        fc.boolean(),
        async (shared, onA, onB, aFirst) => {
          const server = memoryServer();
          const a = await device(server, keys);
          const b = await device(server, keys);
          try {
            await runStoreActions(a.db, shared, NOW);
            await settle([a, b]);
            const common = await a.db.notes.toArray();
            await runStoreActions(a.db, onA, NOW + DAY_MS);
            await runStoreActions(b.db, onB, NOW + 2 * DAY_MS);
            const written = [
              ...(await notesWritten(a.db, common)),
              ...(await notesWritten(b.db, common)),
            ];
            await settle(aFirst ? [a, b] : [b, a]);

            const [onDeviceA, onDeviceB] = [await snapshot(a.db), await snapshot(b.db)];
            expect(onDeviceB).toEqual(onDeviceA);
            expect(await storeProblems(a.db)).toEqual([]);
            expect(await storeProblems(b.db)).toEqual([]);
            for (const note of written) {
              const kept = onDeviceA.notes.find(
                (n) => n.text === note.text && (n.id === note.id || n.id.startsWith(`${note.id}~`)),
              );
              expect(kept, `the note "${note.text}" (${note.id})`).toBeDefined();
            }
            expect(onDeviceA.people.map((p) => p.slug)).toEqual(
              [...onDeviceA.people.map((p) => p.slug)].sort(byCodeUnit),
            );
          } finally {
            await a.close();
            await b.close();
          }
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);
});
