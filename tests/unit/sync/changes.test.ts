/**
 * Every write notes the synced documents it changes, in its own transaction: after any sequence
 * of what a user does (tag, note, merge, delete, import, restore…), each document whose content
 * differs from before is noted. Nothing is noted while sync is off.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { storeAction } from '../../support/store-action-arbitrary';
import { runStoreActions } from '../../support/store-actions';
import { testKeys } from '../../support/sync-devices';
import { addNote, toggleRole } from '@/utils/db/records';
import { AllianceDb, WRITE_TABLES } from '@/utils/db/schema';
import { startSync } from '@/utils/sync/account';
import { personDoc, tieDoc } from '@/utils/sync/changes';
import { canonicalText, readContents } from '@/utils/sync/documents';

const NOW = Date.UTC(2025, 2, 1);
const account = { url: 'https://couch.example.com/db', username: '', password: '', space: 's' };

/** Every document's content as the tables hold it, by key. */
async function contents(db: AllianceDb): Promise<Map<string, string>> {
  const [slugs, ties] = await Promise.all([
    db.people.toCollection().primaryKeys(),
    db.ties.toArray(),
  ]);
  const keys = [...slugs.map(personDoc), ...ties.map((tie) => tieDoc(tie.a, tie.b))];
  const read = await readContents(db, keys);
  return new Map([...read].map(([key, content]) => [key, canonicalText(content)]));
}

describe('the note of what changed', () => {
  it('is not written while sync is off', async () => {
    const db = new AllianceDb(`changes-${crypto.randomUUID()}`);
    await toggleRole(db, { slug: 'dana-lee', name: 'Dana Lee' }, 'ally', NOW);
    expect(await db.syncChanges.count()).toBe(0);
    await db.delete();
  });

  it('names every document a write changed, whatever the user did', async () => {
    const keys = await testKeys();
    await fc.assert(
      fc.asyncProperty(
        fc.array(storeAction, { maxLength: 8 }),
        fc.array(storeAction, { minLength: 1, maxLength: 8 }),
        async (before, actions) => {
          const db = new AllianceDb(`changes-${crypto.randomUUID()}`);
          try {
            await runStoreActions(db, before, NOW);
            await startSync(db, account, keys);
            await db.syncChanges.clear();
            const was = await contents(db);
            await runStoreActions(db, actions, NOW + 1);
            const now = await contents(db);
            const changed = [...new Set([...was.keys(), ...now.keys()])].filter(
              (key) => was.get(key) !== now.get(key),
            );
            const noted = new Set(await db.syncChanges.toCollection().primaryKeys());
            expect(changed.filter((key) => !noted.has(key))).toEqual([]);
          } finally {
            await db.delete();
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('is written with the change or not at all', async () => {
    const db = new AllianceDb(`changes-${crypto.randomUUID()}`);
    await startSync(db, account, await testKeys());
    await db.syncChanges.clear();
    // A note with no text is refused: neither it nor a note of it is written.
    await expect(addNote(db, { slug: 'dana-lee' }, '   ', NOW)).rejects.toThrow();
    await expect(
      db.transaction('rw', WRITE_TABLES, async () => {
        await toggleRole(db, { slug: 'dana-lee' }, 'ally', NOW);
        throw new Error('aborted after the write');
      }),
    ).rejects.toThrow('aborted');
    expect(await db.syncChanges.count()).toBe(0);
    expect(await db.people.count()).toBe(0);
    await db.delete();
  });
});
