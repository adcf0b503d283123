/**
 * The two halves of sync between the app's tables and the local copy of the encrypted documents
 * (a PouchDB database beside Dexie; docs/sync.md). PouchDB's replication carries that copy to
 * and from the server; this module never talks to the server.
 *
 * - `send` turns the changes the writes noted (./changes.ts) into new revisions: each document
 *   as the tables hold it, sealed, written as the child of the revision the tables held before.
 *   When another device wrote meanwhile, that makes a conflict, which `receive` settles.
 * - `receive` reads the local copy's changes feed: a document with conflicting versions is
 *   merged (./merge.ts) from its versions and the one they started from, the result written as
 *   one revision and the others closed; then the batch is written into the tables (./apply.ts).
 */
import { applyReceived, type ReceivedDoc } from './apply';
import {
  canonicalText,
  parseContent,
  readContents,
  sameContent,
  type DocContent,
} from './documents';
import {
  digestOf,
  KEY_DOC_ID,
  opaqueId,
  open,
  seal,
  UnreadableDocumentError,
  type Sealed,
  type SyncKeys,
} from './envelope';
import { mergeVersions } from './merge';
import { readState, type SyncedDoc } from './tables';
import { keySpan } from './key-span';
import type { Table } from 'dexie';
import type { AllianceDb } from '@/utils/db/schema';
import type { PouchDB } from 'pouchdb-core';

/** A document of the local copy: an opaque id and ciphertext. */
export type EncryptedDoc = Sealed;

type StoredDoc = PouchDB.Doc;

/**
 * Documents received per batch: each batch is written into the tables in one transaction, small
 * enough not to hold them from the views.
 */
const BATCH = 250;
/**
 * Documents sent per batch: sending only reads the tables, and writes sync's own rows, so a
 * larger batch holds no view up and pays each batch's fixed costs (a local-copy write, a note
 * of what was sent, a progress line) a quarter as often.
 */
const SEND_BATCH = 1000;
/**
 * Changes read at once from the local copy's feed: a read costs about the same whatever its
 * size, and a first sync reads back every document it sent. They are written BATCH at a time.
 */
const FEED_BATCH = 1000;

/** The signal of a write nothing gives up: no user to wait for, or nothing to write. */
const NEVER_ABORTED = new AbortController().signal;

export interface EngineOptions {
  db: AllianceDb;
  local: PouchDB.Database;
  keys: SyncKeys;
  now?: () => number;
  /** Documents received or sent per batch (the changes feed is read at least FEED_BATCH at once). */
  batch?: number;
  /**
   * Resolves when sync may write its next batch, with a signal that aborts when the user comes
   * back: sync gives way to the user (./give-way.ts).
   */
  giveWay?: () => Promise<AbortSignal>;
}

/** What a pass of `send` or `receive` did. */
export interface PassReport {
  /** Documents written (send) or applied to the tables (receive). */
  count: number;
  /** Documents that could not be opened with the keys or read, left as they are. */
  unreadable: number;
}

function revPosition(rev: string): number {
  return Number(rev.slice(0, rev.indexOf('-')));
}

function revHash(rev: string): string {
  return rev.slice(rev.indexOf('-') + 1);
}

function randomHash(): string {
  let hex = '';
  for (const byte of crypto.getRandomValues(new Uint8Array(16)))
    hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** A revision and its ancestors, newest first. */
function lineage(doc: StoredDoc): string[] {
  const { start, ids } = doc._revisions ?? {
    start: revPosition(doc._rev),
    ids: [revHash(doc._rev)],
  };
  return ids.map((id, i) => `${start - i}-${id}`);
}

/** The newest revision every one of the lineages shares, if any. */
export function commonAncestor(lineages: readonly string[][]): string | undefined {
  const [first, ...others] = lineages;
  const sets = others.map((revs) => new Set(revs));
  return first?.find((rev) => sets.every((set) => set.has(rev)));
}

export class SyncEngine {
  private readonly db: AllianceDb;
  private readonly local: PouchDB.Database;
  private readonly keys: SyncKeys;
  private readonly now: () => number;
  private readonly batch: number;
  private readonly sendBatch: number;
  private readonly feedBatch: number;
  private readonly giveWay: () => Promise<AbortSignal>;
  /** Ids of documents already known, by key: an HMAC per key is not worth repeating. */
  private readonly ids = new Map<string, string>();
  /**
   * The revision `send` wrote of each document, by id: what the tables hold of it until
   * `receive` writes it, so that receiving this device's own writes reads nothing at all.
   */
  private readonly sent = new Map<string, string>();

  constructor(options: EngineOptions) {
    this.db = options.db;
    this.local = options.local;
    this.keys = options.keys;
    this.now = options.now ?? Date.now;
    this.batch = options.batch ?? BATCH;
    this.sendBatch = options.batch ?? SEND_BATCH;
    this.feedBatch = Math.max(FEED_BATCH, this.batch);
    this.giveWay = options.giveWay ?? (() => Promise.resolve(NEVER_ABORTED));
  }

  private async idOf(key: string): Promise<string> {
    let id = this.ids.get(key);
    if (!id) this.ids.set(key, (id = await opaqueId(this.keys, key)));
    return id;
  }

  /** A document's content, opened and checked to belong at its id. */
  private async openDoc(doc: StoredDoc): Promise<DocContent> {
    const content = parseContent(await open(this.keys, doc._id, doc));
    if (!content || (await this.idOf(content.key)) !== doc._id)
      throw new UnreadableDocumentError(doc._id);
    return content;
  }

  /**
   * Sends every noted change to the local copy, batch by batch. `onProgress` hears how many of
   * the changes noted at the start are done.
   */
  async send(onProgress?: (done: number, total: number) => void): Promise<PassReport> {
    const total = await this.db.syncChanges.count();
    let done = 0;
    let count = 0;
    for (;;) {
      const marks = await this.db.syncChanges.limit(this.sendBatch).toArray();
      if (!marks.length) return { count, unreadable: 0 };
      const keys = marks.map((mark) => mark.key);
      const [contents, synced] = await Promise.all([
        readContents(this.db, keys),
        rowsOf(this.db.syncedDocs, keys),
      ]);
      const plans = await Promise.all(
        keys.map((key, i) => this.planSend(contents.get(key)!, synced[i])),
      );
      const docs = plans.flatMap((plan) => (plan ? [plan.doc] : []));
      if (docs.length) await this.local.bulkDocs(docs, { new_edits: false });
      await this.db.transaction('rw', this.db.syncChanges, this.db.syncedDocs, async () => {
        const current = await rowsOf(this.db.syncChanges, keys);
        // A change noted while this batch was sent stays noted, for the next batch.
        await deleteKeys(
          this.db.syncChanges,
          keys.filter((key, i) => current[i]?.mark === marks[i]!.mark),
        );
        await this.db.syncedDocs.bulkPut(plans.flatMap((plan) => (plan ? [plan.synced] : [])));
      });
      for (const plan of plans) if (plan) this.sent.set(plan.synced.id, plan.synced.rev);
      count += docs.length;
      done = Math.min(total, done + marks.length);
      onProgress?.(done, Math.max(total, done));
    }
  }

  /** The revision to write for `content`, or null when the local copy already holds it. */
  private async planSend(
    content: DocContent,
    previous: SyncedDoc | undefined,
  ): Promise<{ doc: StoredDoc; synced: SyncedDoc } | null> {
    const digest = await digestOf(canonicalText(content));
    if (previous ? previous.digest === digest : content.kind === 'gone') return null;
    const id = previous?.id ?? (await this.idOf(content.key));
    const hash = randomHash();
    const start = previous ? revPosition(previous.rev) + 1 : 1;
    const rev = `${start}-${hash}`;
    // The child of what the tables held: a sibling of anything written there since.
    const doc: StoredDoc = {
      _id: id,
      _rev: rev,
      _revisions: { start, ids: previous ? [hash, revHash(previous.rev)] : [hash] },
      ...(await seal(this.keys, id, content)),
    };
    return { doc, synced: { key: content.key, id, rev, digest } };
  }

  /**
   * Writes into the tables what the local copy holds that they do not, settling conflicts on
   * the way. `onProgress` hears how many documents were read of the local copy's changes.
   */
  async receive(onProgress?: (done: number, total: number) => void): Promise<PassReport> {
    let since = (await readState(this.db, 'applied'))?.seq ?? 0;
    const info = await this.local.info();
    let count = 0;
    let unreadable = 0;
    for (let receiving = false; ;) {
      // While documents come in (a join), reading the next batch waits for the user too.
      if (receiving) await this.giveWay();
      // Without the documents: most of a first sync's changes are this device's own writes.
      const feed = await this.local.changes({ since, limit: this.feedBatch, style: 'all_docs' });
      if (!feed.results.length) return { count, unreadable };
      for (let start = 0; start < feed.results.length; start += this.batch) {
        const changes = feed.results.slice(start, start + this.batch);
        const seq = start + this.batch < feed.results.length ? changes.at(-1)!.seq : feed.last_seq;
        const pass = await this.receiveBatch(changes, seq);
        count += pass.count;
        unreadable += pass.unreadable;
        receiving = pass.count > 0;
        since = seq;
        onProgress?.(Number(since), Math.max(Number(info.update_seq), Number(since)));
      }
    }
  }

  /** Settles one batch of the changes feed and writes it; the checkpoint moves to `seq`. */
  private async receiveBatch(
    changes: readonly PouchDB.Change[],
    seq: number | string,
  ): Promise<PassReport> {
    const pending = await this.unheld(changes);
    const settled = await Promise.all(pending.map((doc) => this.settle(doc).catch(errorOrNull)));
    const received = settled.filter(
      (doc): doc is ReceivedDoc => doc !== null && !(doc instanceof Error),
    );
    const other = settled.find(
      (doc) => doc instanceof Error && !(doc instanceof UnreadableDocumentError),
    );
    if (other) throw other;
    return {
      count: await this.apply(received, seq),
      unreadable: settled.filter((doc) => doc instanceof UnreadableDocumentError).length,
    };
  }

  /**
   * Writes a batch once the user is away; given up when they come back meanwhile (nothing of it
   * written) and written again once they are away. A batch with nothing to write (this device's
   * own writes coming back) only moves the checkpoint, at once: the user's edit must not hold
   * the pass that sends their next one.
   */
  private async apply(received: readonly ReceivedDoc[], seq: number | string): Promise<number> {
    for (;;) {
      const userCame = received.length ? await this.giveWay() : NEVER_ABORTED;
      try {
        return await applyReceived(this.db, received, seq, this.now(), userCame);
      } catch (error) {
        if (!userCame.aborted) throw error;
      }
    }
  }

  /**
   * The documents of `changes` as the local copy holds them, with their conflicts, but for those
   * whose one leaf is the revision the tables already hold (sent from here, or applied before):
   * those are not even read. A document with more leaves is read and settled.
   */
  private async unheld(changes: readonly PouchDB.Change[]): Promise<StoredDoc[]> {
    const live = changes.filter(
      (change) => !change.deleted && change.id !== KEY_DOC_ID && !change.id.startsWith('_'),
    );
    const read = await heldRevisions(
      this.db,
      live.flatMap(({ id }) => (this.sent.has(id) ? [] : [id])),
    );
    const held = (id: string) => this.sent.get(id) ?? read.get(id);
    const wanted = live.flatMap(({ id, changes: leaves }) =>
      leaves.length === 1 && leaves[0]!.rev === held(id) ? [] : [id],
    );
    if (!wanted.length) return [];
    // Reading and opening them is most of a batch's work: it waits for the user, as writing does.
    await this.giveWay();
    const { rows } = await this.local.allDocs({
      keys: wanted,
      include_docs: true,
      conflicts: true,
    });
    const unsettled = rows.flatMap(({ doc }) =>
      doc && !doc._deleted && (doc._conflicts?.length || held(doc._id) !== doc._rev) ? [doc] : [],
    );
    // What comes of these (a merge, a newer revision applied) is the tables' to say.
    for (const id of wanted) this.sent.delete(id);
    return unsettled;
  }

  /**
   * A document as it now stands, its conflicting versions merged into one revision (null when
   * the local copy changed under the merge: the next pass sees the new state).
   */
  private async settle(doc: StoredDoc): Promise<ReceivedDoc | null> {
    if (!doc._conflicts?.length) return this.received(doc._id, doc._rev, await this.openDoc(doc));
    const leaves = await this.local.get(doc._id, { open_revs: 'all', revs: true });
    const live = leaves.flatMap((leaf) => (leaf.ok && !leaf.ok._deleted ? [leaf.ok] : []));
    const versions = await Promise.all(live.map((leaf) => this.openDoc(leaf)));
    const ancestor = commonAncestor(live.map(lineage));
    const base = ancestor
      ? await this.local.get(doc._id, { rev: ancestor }).then(
          (old) => this.openDoc(old),
          () => undefined,
        )
      : undefined;
    const merged = mergeVersions(base, versions);
    const winner = versions[live.findIndex((leaf) => leaf._rev === doc._rev)]!;
    const writes: object[] = live
      .filter((leaf) => leaf._rev !== doc._rev)
      .map((leaf) => ({ _id: doc._id, _rev: leaf._rev, _deleted: true }));
    const rewrite = !sameContent(merged, winner);
    if (rewrite)
      writes.unshift({ _id: doc._id, _rev: doc._rev, ...(await seal(this.keys, doc._id, merged)) });
    const results = await this.local.bulkDocs(writes);
    if (results.some((result) => 'error' in result && result.error)) return null;
    const first = results[0];
    const rev = rewrite && first && 'rev' in first ? first.rev : doc._rev;
    return this.received(doc._id, rev, merged);
  }

  private async received(id: string, rev: string, content: DocContent): Promise<ReceivedDoc> {
    return { key: content.key, id, rev, digest: await digestOf(canonicalText(content)), content };
  }
}

/**
 * The rows of `keys`: one range read when they are at least half of what the range between the
 * first and the last holds (a first sync's batches, in key order), otherwise one read each.
 */
async function rowsOf<T extends { key: string }, I>(
  table: Table<T, string, I>,
  keys: readonly string[],
): Promise<(T | undefined)[]> {
  if (keys.length < 2) return table.bulkGet([...keys]);
  const span = await keySpan(table, keys);
  if (!span.dense) return table.bulkGet([...keys]);
  const byKey = new Map((await span.range.toArray()).map((row) => [row.key, row]));
  return keys.map((key) => byKey.get(key));
}

/** Deletes `keys`: at once when they are all the range holds between the first and the last. */
async function deleteKeys<T, I>(
  table: Table<T, string, I>,
  keys: readonly string[],
): Promise<void> {
  if (keys.length < 2) return table.bulkDelete([...keys]);
  const span = await keySpan(table, keys);
  await (keys.length === span.count ? span.range.delete() : table.bulkDelete([...keys]));
}

/** The revision the tables hold of each of the documents `ids`, by id. */
async function heldRevisions(db: AllianceDb, ids: readonly string[]): Promise<Map<string, string>> {
  // One index read each, all asked at once: an `anyOf` walks a cursor, a round trip per step.
  const rows = await db.transaction('r', db.syncedDocs, () =>
    Promise.all(ids.map((id) => db.syncedDocs.get({ id }))),
  );
  return new Map(rows.flatMap((row) => (row ? [[row.id, row.rev] as const] : [])));
}

function errorOrNull(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
