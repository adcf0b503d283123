/**
 * A CouchDB-protocol server on localhost for the sync tests and the bench: express-pouchdb over
 * PouchDB's memory adapter (test-only; docs/sync.md explains running against a real CouchDB 3).
 * It speaks the replication protocol PouchDB uses; it checks no credentials.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import expressPouchDb from 'express-pouchdb';
import PouchDB from 'pouchdb-core';
import memoryAdapter from 'pouchdb-adapter-memory';
import replication from 'pouchdb-replication';
import httpAdapter from 'pouchdb-adapter-http';
import type { PouchDB as Pouch } from 'pouchdb-core';

export interface SyncServer {
  /** The server's origin, e.g. http://127.0.0.1:41234. */
  origin: string;
  /** The database `name` as the server stores it (to search its documents). */
  database(name: string): Pouch.Database;
  /** How many requests reached the server. */
  readonly requests: number;
  /** Offline, every connection is cut at once, as when the network is down. */
  setOffline(offline: boolean): void;
  close(): Promise<void>;
}

/**
 * PouchDB with what the server needs. A plugin changes PouchDB itself, which Node keeps across
 * the test files of one run, and replication's cannot be added twice.
 */
function withPlugins(): typeof PouchDB {
  const pouch = PouchDB.plugin(memoryAdapter).plugin(httpAdapter);
  return 'replicate' in pouch ? pouch : pouch.plugin(replication);
}

export async function startSyncServer(): Promise<SyncServer> {
  const prefix = `sync-server-${crypto.randomUUID()}-`;
  const ServerPouch = withPlugins().defaults({ adapter: 'memory', prefix } as Pouch.Options);
  const app = expressPouchDb(ServerPouch, { mode: 'minimumForPouchDB', logPath: '/dev/null' });
  let offline = false;
  let requests = 0;
  const server: Server = createServer((request, response) => {
    requests += 1;
    if (offline) request.socket.destroy();
    else app(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    get requests() {
      return requests;
    },
    database: (name) => new ServerPouch(name),
    setOffline: (value) => {
      offline = value;
      // The live feeds' long polls are cut too.
      if (value) server.closeAllConnections();
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
