/** The user's sync server as a PouchDB database over HTTP (docs/sync.md). */
import PouchDB from 'pouchdb-core';
import httpAdapter from 'pouchdb-adapter-http';
import type { ServerLogin } from './tables';
import type { PouchDB as Pouch } from 'pouchdb-core';

const Remote = PouchDB.plugin(httpAdapter);

export function serverDb(account: ServerLogin): Pouch.Database {
  return new Remote(account.url, {
    adapter: 'http',
    ...(account.username
      ? { auth: { username: account.username, password: account.password } }
      : {}),
  });
}
