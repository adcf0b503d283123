/**
 * Schema version 8 exactly as it shipped: version 7 with sync's three tables (the records changed
 * since they were last handed to sync, the revision of each synced document the tables hold,
 * and sync's settings and state). The sample is a version-7 user who turned sync on and has one
 * change not yet sent (never edit this file; add v9.ts beside it).
 */
import Dexie from 'dexie';
import { SAMPLE as V7_SAMPLE } from './v7';

export const VERSION = 8;

export class AllianceDbV8 extends Dexie {
  constructor(name: string) {
    super(name);
    this.version(1).stores({
      people: 'slug, *aliases, memberId, *roles, updatedAt, name',
      notes: 'id, [personSlug+at], at',
      touches: 'id, [personSlug+at], at, [kind+at]',
      ties: 'id, a, b, &[a+b]',
      followUps: 'id, personSlug, [status+due]',
    });
    this.version(2).stores({ columns: '[table+block]' });
    this.version(3).stores({ people: 'slug, *aliases, memberId, name' });
    this.version(4).stores({ people: 'slug, *aliases, memberId' });
    this.version(5).stores({ connections: 'block' });
    this.version(6).stores({ people: 'slug, *aliases, memberId, tracked, *nameWords' });
    this.version(7).stores({ columns: null, connections: null });
    this.version(8).stores({ syncChanges: 'key', syncedDocs: 'key, &id', syncState: 'name' });
  }
}

const T = Date.UTC(2026, 3, 2, 9);

/** What a version-8 user with sync on had. */
export const SAMPLE = {
  ...V7_SAMPLE,
  syncChanges: [{ key: 'person:dana-lee', mark: '5b0c3f0e-55a4-4a36-9a51-1f1d5d0ad2a1' }],
  syncedDocs: [
    {
      key: 'person:dana-lee',
      id: '3f7d1c2b9a8e4d5f6a7b8c9d0e1f2a3b',
      rev: '2-0123456789abcdef0123456789abcdef',
      digest: 'q3F0c2QxZDJlM2Y0NWE2Nw==',
    },
    {
      key: 'person:sam-okafor',
      id: '9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d',
      rev: '1-fedcba9876543210fedcba9876543210',
      digest: 'bG9yZW0gaXBzdW0gZG9sb3I=',
    },
  ],
  syncState: [
    {
      name: 'account',
      url: 'https://couch.example.com/alliance-map',
      username: 'me',
      password: 'server password',
      space: 'c2FsdHNhbHRzYWx0c2FsdA==',
    },
    { name: 'applied', seq: 42 },
    {
      name: 'status',
      state: 'idle',
      lastSyncAt: T,
      pending: 1,
      error: null,
      progress: null,
      updatedAt: T,
    },
  ],
};

/** Writes the sample with version-8 code. */
export async function writeSample(name: string): Promise<void> {
  const db = new AllianceDbV8(name);
  for (const [table, rows] of Object.entries(SAMPLE)) await db.table(table).bulkAdd(rows);
  db.close();
}
