/**
 * Schema version 2 exactly as it shipped: version 1 plus the `columns` store, the column copies
 * of people and touches. Frozen here with the blocks its code wrote for the sample, so later
 * versions are tested on the on-disk format itself (never edit this file; add v3.ts beside it).
 */
import Dexie from 'dexie';
import { SAMPLE as V1_SAMPLE } from './v1';

export const VERSION = 2;

export class AllianceDbV2 extends Dexie {
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
  }
}

/** What a version-2 user had: the version-1 sample. */
export const SAMPLE = V1_SAMPLE;

const T = Date.UTC(2026, 0, 15, 12);

/** The column blocks version 2 kept for SAMPLE: people by a hash of the slug, touches by week. */
export const BLOCKS = [
  {
    table: 'people',
    block: 15,
    columns: {
      slug: ['dana-lee'],
      name: ['Dana Lee'],
      roles: [['sponsor', 'advisor']],
      level: ['plus2'],
      influence: ['high'],
      stance: ['champion'],
      decisionMaker: [true],
      cadenceDays: [14],
      createdAt: [T],
    },
  },
  {
    table: 'people',
    block: 3,
    columns: {
      slug: ['zoë-müller'],
      name: ['Zoë Müller'],
      roles: [[]],
      level: ['unknown'],
      influence: ['unknown'],
      stance: ['unknown'],
      decisionMaker: [false],
      cadenceDays: [null],
      createdAt: [T],
    },
  },
  {
    table: 'touches',
    block: 2924,
    columns: {
      id: ['t1'],
      personSlug: ['dana-lee'],
      at: [T],
      kind: ['shared-work'],
      direction: ['gave'],
      note: ['Sent the results'],
      createdAt: [T],
    },
  },
];

/** Writes the sample and its column blocks, as a version-2 extension would have. */
export async function writeSample(name: string): Promise<void> {
  const db = new AllianceDbV2(name);
  for (const [table, rows] of Object.entries(SAMPLE)) await db.table(table).bulkAdd(rows);
  await db.table('columns').bulkAdd(BLOCKS);
  db.close();
}
