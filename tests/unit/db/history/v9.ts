/**
 * Schema version 9 exactly as it shipped: version 8 with a `marked` index on people, the people
 * the user marked themselves (a role, a level, a stance…), which the map reads alone. The sample
 * is the version-8 user, Dana (tagged) marked (never edit this file; add v10.ts beside it).
 */
import Dexie from 'dexie';
import { SAMPLE as V8_SAMPLE } from './v8';

export const VERSION = 9;

export class AllianceDbV9 extends Dexie {
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
    this.version(9).stores({ people: 'slug, *aliases, memberId, tracked, marked, *nameWords' });
  }
}

/** What a version-9 user had: the version-8 sample, Dana marked. */
export const SAMPLE = {
  ...V8_SAMPLE,
  people: V8_SAMPLE.people.map((person) =>
    (person as { slug: string }).slug === 'dana-lee' ? { ...person, marked: 1 } : person,
  ),
};

/** Writes the sample with version-9 code. */
export async function writeSample(name: string): Promise<void> {
  const db = new AllianceDbV9(name);
  for (const [table, rows] of Object.entries(SAMPLE)) await db.table(table).bulkAdd(rows);
  db.close();
}
