/**
 * Schema version 6 exactly as it shipped (with version 7, in the same release): the people
 * table gains the `tracked` and `nameWords` indexes, and its upgrade brings the people of the
 * connection blocks home. The sample is what version-6 code stores for the version-5 sample:
 * every person in the table with their last touch, their place among the tracked and the words
 * of their name (never edit this file; add v7.ts beside it).
 */
import Dexie from 'dexie';
import { SAMPLE as V5_SAMPLE } from './v5';

export const VERSION = 6;

export class AllianceDbV6 extends Dexie {
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
  }
}

const T = Date.UTC(2026, 0, 15, 12);

/** What each person of the version-5 sample is stored with beside them. */
const BESIDE: Record<string, object> = {
  // Tagged, with a touch.
  'dana-lee': { nameWords: ['dana', 'lee'], tracked: 1, lastTouchAt: T },
  // Nothing of their own, but tied to Dana.
  'zoë-müller': { nameWords: ['zoe', 'muller'], tracked: 1 },
  // A connection from a Connections.csv: only the words of the name.
  'sam-okafor': { nameWords: ['sam', 'okafor'] },
};

/** What a version-6 user had: the version-5 sample, stored as version 6 stores people. */
export const SAMPLE = {
  ...V5_SAMPLE,
  people: V5_SAMPLE.people.map((person) => ({
    ...person,
    ...BESIDE[(person as { slug: string }).slug],
  })),
};

/** Writes the sample with version-6 code. */
export async function writeSample(name: string): Promise<void> {
  const db = new AllianceDbV6(name);
  for (const [table, rows] of Object.entries(SAMPLE)) await db.table(table).bulkAdd(rows);
  db.close();
}
