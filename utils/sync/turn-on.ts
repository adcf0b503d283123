/**
 * Turning sync on from the options page, once the user granted host access: the server and the
 * passphrase are checked first, and only then is anything saved on this computer (a wrong
 * passphrase, a weak one for a new space, or a server that refuses change nothing).
 */
import { SyncProblem } from './problem';
import { startSync } from './account';
import { passphraseStrength, MIN_PASSPHRASE_LENGTH } from './passphrase';
import { openSpace } from './space';
import type { SyncNotice } from './status';
import type { ServerLogin } from './tables';
import type { AllianceDb } from '@/utils/db/schema';
import type { PouchDB } from 'pouchdb-core';

export interface TurnOnInput {
  url: string;
  username: string;
  password: string;
  passphrase: string;
}

/**
 * The options page's request to turn sync on. The background does it: only the background talks
 * to the server (docs/sync.md, "Who talks to the server").
 */
export interface TurnOnRequest {
  type: 'syncTurnOn';
  input: TurnOnInput;
}

export type TurnOnAnswer = { ok: true; created: boolean } | { ok: false; problem: SyncNotice };

export function isTurnOnRequest(message: unknown): message is TurnOnRequest {
  if (typeof message !== 'object' || message === null) return false;
  const { type, input } = message as Partial<TurnOnRequest>;
  return (
    type === 'syncTurnOn' &&
    typeof input === 'object' &&
    input !== null &&
    (['url', 'username', 'password', 'passphrase'] as const).every(
      (field) => typeof input[field] === 'string',
    )
  );
}

/** The passphrase is too weak to start a new sync space. */
export class WeakPassphraseError extends SyncProblem {
  constructor() {
    super('sync_weakPassphrase', { min: MIN_PASSPHRASE_LENGTH });
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
  serverDb: (login: ServerLogin) => PouchDB.Database,
): Promise<{ created: boolean }> {
  const remote = serverDb(input);
  try {
    let opened = await openSpace(remote, input.passphrase, false);
    const created = opened === 'empty';
    if (opened === 'empty') {
      const strength = passphraseStrength(input.passphrase);
      if (!strength.enough) throw new WeakPassphraseError();
      opened = await openSpace(remote, input.passphrase, true);
    }
    if (opened === 'empty') throw new SyncProblem('sync_spaceNotKept');
    const { url, username, password } = input;
    await startSync(db, { url, username, password, space: opened.space }, opened.keys);
    return { created };
  } finally {
    await remote.close().catch(() => undefined);
  }
}
