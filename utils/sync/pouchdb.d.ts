/**
 * The part of PouchDB 9's API that sync uses (PouchDB ships no types; DefinitelyTyped's are for
 * version 7 and redeclare Node's Buffer globally).
 */
declare module 'pouchdb-core' {
  export namespace PouchDB {
    interface Revisions {
      start: number;
      ids: string[];
    }

    /** A stored document: its id, its revision, and (as asked) its history and conflicts. */
    interface Doc {
      _id: string;
      _rev: string;
      _deleted?: boolean;
      _revisions?: Revisions;
      _conflicts?: string[];
      [field: string]: unknown;
    }

    interface Change {
      id: string;
      seq: number | string;
      changes: { rev: string }[];
      doc?: Doc;
      deleted?: boolean;
    }

    interface ChangesResponse {
      results: Change[];
      last_seq: number | string;
    }

    interface ChangesFeed extends PromiseLike<ChangesResponse> {
      on(event: 'change', listener: (change: Change) => void): this;
      on(event: 'error', listener: (error: unknown) => void): this;
      cancel(): void;
    }

    type WriteResult =
      | { ok: true; id: string; rev: string }
      | { error: true; id: string; name: string; status: number; message: string };

    interface ReplicationInfo {
      docs_read: number;
      docs_written: number;
      last_seq: number | string;
      pending?: number;
      errors: unknown[];
      ok?: boolean;
    }

    interface SyncChange {
      direction: 'push' | 'pull';
      change: ReplicationInfo;
    }

    /** What a one-shot sync did, each way. */
    interface SyncResult {
      push: ReplicationInfo;
      pull: ReplicationInfo;
    }

    /** A running replication: a promise when one-shot, events when live. */
    interface Sync extends PromiseLike<SyncResult> {
      on(event: 'change', listener: (info: SyncChange) => void): this;
      on(event: 'paused', listener: (error?: unknown) => void): this;
      on(event: 'active', listener: () => void): this;
      on(event: 'denied' | 'error', listener: (error: unknown) => void): this;
      on(event: 'complete', listener: (info: unknown) => void): this;
      cancel(): void;
    }

    interface SyncOptions {
      live?: boolean;
      retry?: boolean;
      batch_size?: number;
      batches_limit?: number;
      back_off_function?: (delay: number) => number;
    }

    interface Database {
      readonly name: string;
      info(): Promise<{ doc_count: number; update_seq: number | string }>;
      get(
        id: string,
        options?: { rev?: string; revs?: boolean; conflicts?: boolean },
      ): Promise<Doc>;
      get(
        id: string,
        options: { open_revs: 'all' | string[]; revs?: boolean },
      ): Promise<Array<{ ok?: Doc; missing?: string }>>;
      put(doc: {
        _id: string;
        _rev?: string;
        [field: string]: unknown;
      }): Promise<{ ok: true; id: string; rev: string }>;
      bulkDocs(docs: object[], options?: { new_edits?: boolean }): Promise<WriteResult[]>;
      allDocs(options: {
        keys?: string[];
        include_docs?: boolean;
        conflicts?: boolean;
        limit?: number;
        startkey?: string;
      }): Promise<{
        total_rows: number;
        rows: Array<{
          id?: string;
          key: string;
          value?: { rev: string; deleted?: boolean };
          /** Null for a deleted document, absent for one never written (`error` says so). */
          doc?: Doc | null;
          error?: string;
        }>;
      }>;
      changes(options: {
        since?: number | string;
        limit?: number;
        live?: boolean;
        include_docs?: boolean;
        conflicts?: boolean;
        style?: 'all_docs' | 'main_only';
        return_docs?: boolean;
      }): ChangesFeed;
      sync(remote: Database, options?: SyncOptions): Sync;
      /** Which of these revisions the database lacks: what a replication asks its target. */
      revsDiff(revisions: Record<string, string[]>): Promise<Record<string, { missing: string[] }>>;
      replicate: { to(target: Database, options?: SyncOptions): PromiseLike<ReplicationInfo> };
      destroy(): Promise<unknown>;
      close(): Promise<unknown>;
    }

    interface Options {
      adapter?: string;
      auto_compaction?: boolean;
      revs_limit?: number;
      skip_setup?: boolean;
      /** Basic authentication for the HTTP adapter. */
      auth?: { username: string; password: string };
      fetch?: (url: string | Request, init?: RequestInit) => Promise<Response>;
    }

    interface Static {
      new (name: string, options?: Options): Database;
      plugin(plugin: unknown): Static;
      defaults(options: Options): Static;
    }
  }
  const PouchDB: PouchDB.Static;
  export default PouchDB;
}

declare module 'pouchdb-adapter-indexeddb' {
  const plugin: unknown;
  export default plugin;
}

declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}

declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}

declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}

declare module 'express-pouchdb' {
  import type { RequestListener } from 'node:http';
  import type { PouchDB } from 'pouchdb-core';
  function expressPouchDb(
    pouchDb: PouchDB.Static,
    options?: { mode?: 'minimumForPouchDB' | 'fullCouchDB'; logPath?: string },
  ): RequestListener;
  export default expressPouchDb;
}
