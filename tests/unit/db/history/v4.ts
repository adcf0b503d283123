/**
 * Schema version 4 exactly as it shipped: version 3 without the people's `name` index (finding
 * by name reads the column copy). The records and column blocks are as version 2 wrote them
 * (never edit this file; add v5.ts beside it).
 */
import Dexie from 'dexie';
import { BLOCKS as V2_BLOCKS, SAMPLE as V2_SAMPLE } from './v2';

export const VERSION = 4;

export class AllianceDbV4 extends Dexie {
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
  }
}

/** What a version-4 user had: the version-2 sample. */
export const SAMPLE = V2_SAMPLE;

/** Writes the sample and its column blocks, as a version-4 extension would have. */
export async function writeSample(name: string): Promise<void> {
  const db = new AllianceDbV4(name);
  for (const [table, rows] of Object.entries(SAMPLE)) await db.table(table).bulkAdd(rows);
  await db.table('columns').bulkAdd(V2_BLOCKS);
  db.close();
}
