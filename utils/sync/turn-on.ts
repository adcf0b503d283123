/**
 * Turning sync on from the options page, once the user granted host access: the server and the
 * passphrase are checked first, and only then is anything saved on this computer (a wrong
 * passphrase, a weak one for a new space, or a server that refuses change nothing).
 */
import { SyncProblem } from './problem';
import { startSync } from './account';
import { passphraseStrength, MIN_PASSPHRASE_LENGTH } from './passphrase';
import { openSpace } from './space';
import type { SyncAccount } from './tables';
import type { AllianceDb } from '@/utils/db/schema';
import type { PouchDB } from 'pouchdb-core';

export interface TurnOnInput {
  url: string;
  username: string;
  password: string;
  passphrase: string;
}

/** The passphrase is too weak to start a new sync space. */
export class WeakPassphraseError extends SyncProblem {
  constructor(label: string) {
    super(
      `There is no synced data on this server yet, so this passphrase would start it, and it is too easy to guess (rated “${label}”). Choose at least ${MIN_PASSPHRASE_LENGTH} characters that are hard to guess, such as four or five unrelated words. Nothing was changed.`,
    );
    this.name = 'WeakPassphraseError';
  }
}

/**
 * Joins the sync space on the server, or starts one when the server has none; returns whether
 * it started one.
 */
export async function turnOnSync(
  db: AllianceDb,
  input: TurnOnInput,
  serverDb: (account: Pick<SyncAccount, 'url' | 'username' | 'password'>) => PouchDB.Database,
): Promise<{ created: boolean }> {
  const remote = serverDb(input);
  try {
    let opened = await openSpace(remote, input.passphrase, false);
    const created = opened === 'empty';
    if (opened === 'empty') {
      const strength = passphraseStrength(input.passphrase);
      if (!strength.enough) throw new WeakPassphraseError(strength.label);
      opened = await openSpace(remote, input.passphrase, true);
    }
    if (opened === 'empty') throw new Error('The server did not keep the sync space.');
    const { url, username, password } = input;
    await startSync(db, { url, username, password, space: opened.space }, opened.keys);
    return { created };
  } finally {
    await remote.close().catch(() => undefined);
  }
}
