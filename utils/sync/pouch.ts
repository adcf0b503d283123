/**
 * The two PouchDB databases of sync in the extension: the local copy of the sealed documents
 * (IndexedDB, beside Dexie's database) and the user's server (HTTP). PouchDB's replication
 * between them keeps its checkpoints in both, so a replication cut off by the service worker
 * stopping resumes where it was (docs/sync.md, "In the background"). The options page only
 * reaches the server: `serverDb` (./server.ts) is apart, without the local adapter and replication.
 */
import PouchDB from 'pouchdb-core';
import indexedDbAdapter from 'pouchdb-adapter-indexeddb';
import replication from 'pouchdb-replication';
import type { PouchDB as Pouch } from 'pouchdb-core';

const Pouches = PouchDB.plugin(indexedDbAdapter).plugin(replication);

/** The name of the local copy of the space `space`: another space never reads this one's. */
function localName(space: string): string {
  return `alliance-map-sync-${space.replace(/[^A-Za-z0-9]/g, '')}`;
}

/** The local copy of the sealed documents of the space `space`. */
export function localCopy(space: string): Pouch.Database {
  // Not compacted: settling a conflict opens the revision both sides started from. The last 50
  // revisions of a document are kept, far more than two devices drift apart between syncs.
  return new Pouches(localName(space), { adapter: 'indexeddb', revs_limit: 50 });
}
