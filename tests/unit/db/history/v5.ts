/**
 * Schema version 5 exactly as it shipped: version 4 plus the `connections` store, where imports
 * keep the people they bring in, many to a record, by a mixed hash of the slug over 256 blocks. The
 * sample adds one imported person, kept in a block and in the people's column copy (never edit
 * this file; add v6.ts beside it).
 */
import Dexie from 'dexie';
import { BLOCKS as V2_BLOCKS, SAMPLE as V2_SAMPLE } from './v2';

export const VERSION = 5;

export class AllianceDbV5 extends Dexie {
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
  }
}

const T = Date.UTC(2026, 11, 2, 9);

/** A connection from a Connections.csv, untouched since. */
const IMPORTED = {
  slug: 'sam-okafor',
  profileUrl: 'https://www.linkedin.com/in/sam-okafor',
  aliases: [],
  name: 'Sam Okafor',
  headline: 'Staff Engineer',
  company: 'Initech',
  roles: [],
  level: 'unknown',
  influence: 'unknown',
  stance: 'unknown',
  basis: 'unknown',
  decisionMaker: false,
  motivations: '',
  influencedBy: '',
  cadenceDays: null,
  createdAt: T,
  updatedAt: T,
};

/** What a version-5 user had: the version-2 sample and one imported connection. */
export const SAMPLE = { ...V2_SAMPLE, people: [...V2_SAMPLE.people, IMPORTED] };

/** Writes the sample: the imported person in their block, everyone in the column copy. */
export async function writeSample(name: string): Promise<void> {
  const db = new AllianceDbV5(name);
  for (const [table, rows] of Object.entries(V2_SAMPLE)) await db.table(table).bulkAdd(rows);
  await db.table('connections').add({ block: 91, people: [IMPORTED] });
  await db.table('columns').bulkAdd([
    ...V2_BLOCKS,
    {
      table: 'people',
      block: 2,
      columns: {
        slug: ['sam-okafor'],
        name: ['Sam Okafor'],
        roles: [[]],
        level: ['unknown'],
        influence: ['unknown'],
        stance: ['unknown'],
        decisionMaker: [false],
        cadenceDays: [null],
        createdAt: [T],
      },
    },
  ]);
  db.close();
}
