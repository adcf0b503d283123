/**
 * Turning sync on and off in the app's database (the server and the passphrase are checked
 * before, by ./space.ts). On: the account and the keys are saved and every record is noted as
 * changed, in one transaction, so that the first sync sends everything this device holds. Off:
 * sync's tables are emptied; the data stays.
 */
import { personDoc, recordChanges, tieDoc } from './changes';
import { open, seal, type Sealed, type SyncKeys } from './envelope';
import type { ServerLogin, SyncAccount } from './tables';
import type { AllianceDb } from '@/utils/db/schema';

/** What the server password is sealed for: it can be opened as nothing else. */
const PASSWORD_ID = 'local:server-password';

/** The server password sealed with the sync keys, to be kept on this computer. */
function sealPassword(keys: SyncKeys, password: string): Promise<Sealed> {
  return seal(keys, PASSWORD_ID, password);
}

/** The login to the server, its password opened with the sync keys. */
export async function serverLogin(account: SyncAccount, keys: SyncKeys): Promise<ServerLogin> {
  const password = await open(keys, PASSWORD_ID, account.password);
  return { url: account.url, username: account.username, password: String(password) };
}

/**
 * Saves the account (its password sealed) and keys and notes every record for the first sync.
 */
export async function startSync(
  db: AllianceDb,
  { password, ...login }: ServerLogin & Pick<SyncAccount, 'space'>,
  keys: SyncKeys,
): Promise<void> {
  // Sealed before the transaction: WebCrypto's promises would end it.
  const account: SyncAccount = {
    name: 'account',
    ...login,
    password: await sealPassword(keys, password),
  };
  await db.transaction(
    'rw',
    [db.syncState, db.syncChanges, db.syncedDocs, db.people, db.ties],
    async () => {
      await db.syncState.bulkPut([account, { name: 'keys', ...keys }]);
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
