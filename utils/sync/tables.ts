/**
 * The rows of sync's three tables in the app's database (utils/db/schema.ts, version 8). They
 * hold no relationship data: which records changed, which revision of each synced document the
 * tables hold, and sync's own settings and state (docs/sync.md).
 */
import type { TieContent } from './documents';
import type { Sealed, SyncKeys } from './envelope';
import type { SyncNotice } from './status';
import type { AllianceDb } from '@/utils/db/schema';

/** A record changed since it was last handed to sync; written in the transaction of the change. */
export interface SyncChange {
  /** The synced document the record belongs to (`./changes.ts`, `personDoc` / `tieDoc`). */
  key: string;
  /** A fresh value on every change: sync forgets the change only if no newer one replaced it. */
  mark: string;
}

/** The revision of a synced document that the tables hold, and what it held. */
export interface SyncedDoc {
  key: string;
  /** The document's opaque id on the server. */
  id: string;
  rev: string;
  /** A digest of the document's plain content, to tell a real change from a rewrite. */
  digest: string;
}

/** What a request to the server needs: the database's URL and the login, in the clear. */
export interface ServerLogin {
  /** The database's URL, e.g. https://couch.example.com/alliance-map. */
  url: string;
  username: string;
  password: string;
}

/** The server the user chose, as kept on this computer. */
export interface SyncAccount extends Omit<ServerLogin, 'password'> {
  name: 'account';
  /**
   * The server password, sealed with the sync keys (./account.ts): never kept in the clear
   * (docs/sync.md, "What is kept on this computer").
   */
  password: Sealed;
  /** The id of the sync space (its key document's salt): another space means starting over. */
  space: string;
}

/** The keys derived from the passphrase (never the passphrase): non-extractable WebCrypto keys. */
export interface SyncKeysRow extends SyncKeys {
  name: 'keys';
}

/** How far the local copy of the documents has been written into the tables. */
export interface SyncApplied {
  name: 'applied';
  seq: number | string;
}

/**
 * Ties received before both their people (a batch holds what the server sent, in its order):
 * written when the people arrive.
 */
export interface SyncWaiting {
  name: 'waiting';
  docs: Array<SyncedDoc & { content: TieContent }>;
}

/** What the options page shows (./status.ts). */
export interface SyncStatusRow {
  name: 'status';
  state: 'starting' | 'syncing' | 'idle' | 'offline' | 'error' | 'stopped';
  /** When a sync last finished with nothing left to send or receive. */
  lastSyncAt: number | null;
  /** Changes made here that the server does not have yet. */
  pending: number;
  /** The last problem (shown in words, ./status.ts); null when the last attempt worked. */
  error: SyncNotice | null;
  /** Documents handled of those known to need it, during a long sync. */
  progress: { done: number; total: number; direction: 'send' | 'receive' } | null;
  updatedAt: number;
}

export type SyncStateRow = SyncAccount | SyncKeysRow | SyncApplied | SyncWaiting | SyncStatusRow;

/** The row of sync's state named `name`. */
export type StateRow<N extends SyncStateRow['name']> = Extract<SyncStateRow, { name: N }>;

/** Reads one row of sync's state. */
export async function readState<N extends SyncStateRow['name']>(
  db: AllianceDb,
  name: N,
): Promise<StateRow<N> | undefined> {
  return (await db.syncState.get(name)) as StateRow<N> | undefined;
}
