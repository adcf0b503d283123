/**
 * Schema version 7 exactly as it shipped: version 6 without the `columns` and `connections`
 * stores. People are stored as version 6 stores them (never edit this file; add v8.ts beside it).
 */
import Dexie from 'dexie';
import { SAMPLE as V6_SAMPLE } from './v6';

export const VERSION = 7;

export class AllianceDbV7 extends Dexie {
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
  }
}

/** What a version-7 user had: the version-6 sample. */
export const SAMPLE = V6_SAMPLE;

/** Writes the sample with version-7 code. */
export async function writeSample(name: string): Promise<void> {
  const db = new AllianceDbV7(name);
  for (const [table, rows] of Object.entries(SAMPLE)) await db.table(table).bulkAdd(rows);
  db.close();
}
