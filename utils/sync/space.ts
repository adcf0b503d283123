/**
 * A sync space on the server: the database and its key document (./envelope.ts). Joining checks
 * the passphrase against the key document before anything is written on this computer; the
 * first device creates the key document, and two first devices at once settle on one of them.
 */
import { SyncProblem } from './problem';
import { KEY_DOC_ID, newKeyDocument, parseKeyDocument, unlock, type SyncKeys } from './envelope';
import type { PouchDB } from 'pouchdb-core';

/** The keys of the space and its id (the key document's salt). */
export interface OpenedSpace {
  keys: SyncKeys;
  space: string;
}

/** The database holds something, but not Alliance Map's sync data. */
export class NotASyncSpaceError extends SyncProblem {
  constructor() {
    super('sync_notASpace');
    this.name = 'NotASyncSpaceError';
  }
}

function status(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null
    ? (error as { status?: number }).status
    : undefined;
}

async function keyDocument(remote: PouchDB.Database): Promise<unknown> {
  try {
    return await remote.get(KEY_DOC_ID);
  } catch (error) {
    if (status(error) === 404) return undefined;
    throw error;
  }
}

/**
 * Opens the space on `remote` with `passphrase`; throws `WrongPassphraseError` for another
 * passphrase. When the server has no space yet, returns 'empty' unless `create` is set, when a
 * new space is made with this passphrase.
 */
export async function openSpace(
  remote: PouchDB.Database,
  passphrase: string,
  create: boolean,
): Promise<OpenedSpace | 'empty'> {
  let found = await keyDocument(remote);
  if (found === undefined) {
    if (!create) return 'empty';
    const fresh = await newKeyDocument(passphrase);
    try {
      await remote.put(fresh.doc);
      return { keys: fresh.keys, space: fresh.doc.kdf.salt };
    } catch (error) {
      // Another device made the space a moment before: join it.
      if (status(error) !== 409) throw error;
      found = await keyDocument(remote);
    }
  }
  const doc = parseKeyDocument(found);
  if (!doc) throw new NotASyncSpaceError();
  return { keys: await unlock(doc, passphrase), space: doc.kdf.salt };
}
