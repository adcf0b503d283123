/**
 * Sync in the background (docs/sync.md, "In the background"). A pass sends what changed here to
 * the local copy, replicates the local copy with the server (PouchDB, from its checkpoints), and
 * writes what came back into the tables; passes never overlap, and one asked for during a pass
 * runs right after it. Between passes a live changes feed of the server asks for a pass when
 * another device wrote. Nothing here is needed across a service-worker restart: the tables hold
 * what is left to send, PouchDB's checkpoints what is left to replicate, and the `applied`
 * sequence what is left to write.
 */
import { serverLogin } from './account';
import { SyncEngine } from './engine';
import { KEY_DOC_ID, type SyncKeys } from './envelope';
import { SyncProblem } from './problem';
import { describeSyncError, isUnreachable } from './status';
import { readState, type ServerLogin, type SyncAccount, type SyncStatusRow } from './tables';
import type { AllianceDb } from '@/utils/db/schema';
import type { PouchDB } from 'pouchdb-core';

export interface RunnerDeps {
  db: AllianceDb;
  localCopy(space: string): PouchDB.Database;
  serverDb(login: ServerLogin): PouchDB.Database;
  /**
   * Whether the user's grant of host access to the server still holds: without it nothing is
   * sent (the user may withdraw it in the browser's settings at any time).
   */
  mayReach(url: string): Promise<boolean>;
  now(): number;
  /** Resolves when sync may write its next batch (./give-way.ts); at once when absent. */
  giveWay?(): Promise<AbortSignal>;
}

/** Documents per replication request: a first sync of 31,000 documents in about 31 requests. */
const BATCH_SIZE = 1000;
/** A burst of changes from the server asks for one pass. */
const LIVE_DEBOUNCE_MS = 300;

interface Connection {
  /** Which account and space it was opened for: another means closing it. */
  signature: string;
  space: string;
  local: PouchDB.Database;
  remote: PouchDB.Database;
  watcher?: PouchDB.ChangesFeed;
}

function signatureOf(account: SyncAccount): string {
  return JSON.stringify([account.url, account.username, account.password.ct, account.space]);
}

export class SyncRunner {
  private readonly deps: RunnerDeps;
  private connection: Connection | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private liveTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * The changes waiting when the last pass failed: the status it wrote is a data change too, and
   * only a new change (or the alarm, or the user) should try again.
   */
  private failedWith: number | undefined;

  constructor(deps: RunnerDeps) {
    this.deps = deps;
  }

  /** Runs a pass now, or right after the one running; resolves when that pass is done. */
  request(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.pass();
      } while (this.again);
    })().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Asks for a pass when something here is waiting to be sent, or sync was turned on or off. */
  async onDataChanged(): Promise<void> {
    const account = await readState(this.deps.db, 'account');
    const connected = this.connection?.signature;
    if (account ? connected !== signatureOf(account) : connected !== undefined) {
      await this.request();
      return;
    }
    if (!account) return;
    const waiting = await this.deps.db.syncChanges.count();
    if (waiting > 0 && waiting !== this.failedWith) await this.request();
  }

  private async pass(): Promise<void> {
    const { db } = this.deps;
    const [account, keys] = await Promise.all([readState(db, 'account'), readState(db, 'keys')]);
    if (!account || !keys) {
      await this.disconnect(true);
      return;
    }
    const progress =
      (direction: 'send' | 'receive') =>
      (done: number, total: number): void =>
        void this.setStatus({ state: 'syncing', progress: { done, total, direction } });
    try {
      if (!(await this.deps.mayReach(account.url))) {
        await this.disconnect(false);
        throw new SyncProblem('sync_errorNoAccess', { host: new URL(account.url).host });
      }
      const { local, remote } = await this.connect(account, keys);
      const engine = new SyncEngine({
        db,
        local,
        keys,
        now: this.deps.now,
        giveWay: this.deps.giveWay,
      });
      await this.setStatus({ state: 'syncing', progress: null });
      await engine.send(progress('send'));
      const replicated = await local.sync(remote, { batch_size: BATCH_SIZE });
      const received = await engine.receive(progress('receive'));
      // Both ways ran at once, so the push looked at the local copy as it was before the pull.
      // After a large pull (a join) it looks again, once what came is in the tables: otherwise
      // the next pass's push reads every document pulled, to find the server holds them, before
      // that pass can pull an edit.
      if (replicated.pull.docs_written >= BATCH_SIZE)
        await local.replicate.to(remote, { batch_size: BATCH_SIZE });
      const waiting = await db.syncChanges.count();
      await this.setStatus({
        state: 'idle',
        progress: null,
        error: received.unreadable
          ? { plural: 'sync_unreadable', count: received.unreadable }
          : null,
        ...(waiting === 0 ? { lastSyncAt: this.deps.now() } : {}),
      });
      this.failedWith = undefined;
      this.watch();
    } catch (error) {
      this.failedWith = await db.syncChanges.count();
      await this.setStatus({
        state: isUnreachable(error) ? 'offline' : 'error',
        progress: null,
        error: describeSyncError(error),
      });
    }
  }

  private async connect(account: SyncAccount, keys: SyncKeys): Promise<Connection> {
    const signature = signatureOf(account);
    if (this.connection?.signature === signature) return this.connection;
    await this.disconnect(this.connection?.space !== account.space);
    this.connection = {
      signature,
      space: account.space,
      local: this.deps.localCopy(account.space),
      remote: this.deps.serverDb(await serverLogin(account, keys)),
    };
    return this.connection;
  }

  /** Closes the connection; `forget` also deletes the local copy (sync off, or another space). */
  private async disconnect(forget: boolean): Promise<void> {
    const connection = this.connection;
    if (!connection) return;
    this.connection = undefined;
    connection.watcher?.cancel();
    clearTimeout(this.liveTimer);
    await (forget ? connection.local.destroy() : connection.local.close()).catch(() => undefined);
    await connection.remote.close().catch(() => undefined);
  }

  /** Follows the server's changes while this context lives; a pass restarts it after an error. */
  private watch(): void {
    const connection = this.connection;
    if (!connection || connection.watcher) return;
    const watcher = connection.remote.changes({ since: 'now', live: true, return_docs: false });
    connection.watcher = watcher;
    watcher.on('change', (change) => {
      if (change.id === KEY_DOC_ID) return;
      clearTimeout(this.liveTimer);
      this.liveTimer = setTimeout(() => void this.request(), LIVE_DEBOUNCE_MS);
    });
    watcher.on('error', () => {
      if (connection.watcher === watcher) connection.watcher = undefined;
    });
  }

  private async setStatus(
    patch: Partial<Omit<SyncStatusRow, 'name' | 'updatedAt' | 'pending'>>,
  ): Promise<void> {
    const { db, now } = this.deps;
    await db.transaction('rw', db.syncState, db.syncChanges, async () => {
      // Sync turned off meanwhile: no status for an account that is gone.
      if (!(await db.syncState.get('account'))) return;
      const previous = await readState(db, 'status');
      const row: SyncStatusRow = {
        name: 'status',
        state: 'starting',
        lastSyncAt: null,
        error: null,
        progress: null,
        ...previous,
        ...patch,
        pending: await db.syncChanges.count(),
        updatedAt: now(),
      };
      await db.syncState.put(row);
    });
  }
}
