/**
 * Turning sync on and off in the app's database (the server and the passphrase are checked
 * before, by ./space.ts). On: the account and the keys are saved and every record is noted as
 * changed, in one transaction, so that the first sync sends everything this device holds. Off:
 * sync's tables are emptied; the data stays.
 */
import { personDoc, recordChanges, tieDoc } from './changes';
import type { SyncKeys } from './envelope';
import type { SyncAccount } from './tables';
import type { AllianceDb } from '@/utils/db/schema';

/** Saves the account and keys and notes every record for the first sync. */
export async function startSync(
  db: AllianceDb,
  account: Omit<SyncAccount, 'name'>,
  keys: SyncKeys,
): Promise<void> {
  await db.transaction(
    'rw',
    [db.syncState, db.syncChanges, db.syncedDocs, db.people, db.ties],
    async () => {
      await db.syncState.bulkPut([
        { name: 'account', ...account },
        { name: 'keys', ...keys },
      ]);
      const [slugs, ties] = await Promise.all([
        db.people.toCollection().primaryKeys(),
        db.ties.toArray(),
      ]);
      await recordChanges(db, [
        ...slugs.map(personDoc),
        ...ties.map((tie) => tieDoc(tie.a, tie.b)),
      ]);
    },
  );
}

/** Forgets the account, the keys and sync's state; the relationship data is untouched. */
export async function stopSync(db: AllianceDb): Promise<void> {
  await db.transaction('rw', [db.syncState, db.syncChanges, db.syncedDocs], () =>
    Promise.all([db.syncState.clear(), db.syncChanges.clear(), db.syncedDocs.clear()]),
  );
}
