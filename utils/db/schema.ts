import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import { hasOwnMarks, storedPeople, type StoredPerson } from './stored-person';
import type { FollowUp, Note, Person, Tie, Touch } from '@/utils/model';
import type { SyncChange, SyncedDoc, SyncStateRow } from '@/utils/sync/tables';

/** The name of the IndexedDB database, in the extension's own origin only. */
export const DB_NAME = 'alliance-map';

/**
 * Version 6's step: everyone home in the people table, each with what the store keeps beside
 * them (./stored-person.ts). Versions 2 to 5 kept a column copy of people and touches and put
 * imported people in blocks of the `connections` store; version 7 drops both stores.
 */
async function everyoneHome(tx: Transaction): Promise<void> {
  const [people, blocks, touchKeys, noteKeys, followUpKeys, ties] = await Promise.all([
    tx.table<Person, string>('people').toArray(),
    tx.table<{ people: Person[] }, number>('connections').toArray(),
    tx.table('touches').orderBy('[personSlug+at]').keys(),
    tx.table('notes').orderBy('[personSlug+at]').keys(),
    tx.table('followUps').orderBy('personSlug').keys(),
    tx.table<Tie, string>('ties').toArray(),
  ]);
  const inTable = new Set(people.map((person) => person.slug));
  // A person in a block was never also in the table; were one both, the table's record is the
  // one every write went to.
  const fromBlocks = blocks.flatMap((block) => block.people).filter((p) => !inTable.has(p.slug));
  const pairs = (keys: unknown[]) => keys as [string, number][];
  const records = {
    touches: pairs(touchKeys).map(([personSlug, at]) => ({ personSlug, at })),
    notes: pairs(noteKeys).map(([personSlug]) => ({ personSlug })),
    followUps: (followUpKeys as string[]).map((personSlug) => ({ personSlug })),
    ties,
  };
  await tx.table('people').bulkPut(storedPeople([...people, ...fromBlocks], records));
}

/** Version 9's step: the people the user marked themselves get their `marked` index entry. */
async function indexMarked(tx: Transaction): Promise<void> {
  await tx
    .table<StoredPerson, string>('people')
    .where('tracked')
    .equals(1)
    .modify((person) => {
      if (hasOwnMarks(person)) person.marked = 1;
    });
}

/**
 * Every schema step the database has ever had, in order. Append only: a published version is
 * never edited, a mistake is fixed by a new version with an upgrade (docs/architecture.md,
 * "Changing the schema"). Each step's test lives in tests/unit/db/migrations.test.ts with data
 * written by the step before.
 */
export const SCHEMA_VERSIONS = [
  {
    version: 1,
    stores: {
      people: 'slug, *aliases, memberId, *roles, updatedAt, name',
      notes: 'id, [personSlug+at], at',
      touches: 'id, [personSlug+at], at, [kind+at]',
      ties: 'id, a, b, &[a+b]',
      followUps: 'id, personSlug, [status+due]',
    },
  },
  // Version 2 built a column copy of people and touches in its upgrade. Version 7 drops that
  // store unread, so the upgrade no longer runs: a copy built only to be dropped.
  { version: 2, stores: { columns: '[table+block]' } },
  { version: 3, stores: { people: 'slug, *aliases, memberId, name' } },
  { version: 4, stores: { people: 'slug, *aliases, memberId' } },
  { version: 5, stores: { connections: 'block' } },
  {
    version: 6,
    stores: {
      // Tracked people (the user's alliance, tens to hundreds) for the popup and the report;
      // the words of every name for the pickers. A connection from an import has neither a
      // `tracked` entry nor aliases nor a member id: only its name's words are indexed.
      people: 'slug, *aliases, memberId, tracked, *nameWords',
    },
    upgrade: everyoneHome,
  },
  { version: 7, stores: { columns: null, connections: null } },
  {
    version: 8,
    stores: {
      // End-to-end encrypted sync (docs/sync.md), empty until the user turns it on: the records
      // changed since they were last handed to sync (written in the transaction of the change),
      // the revision of each synced document the tables hold, and sync's own settings and state.
      syncChanges: 'key',
      syncedDocs: 'key, &id',
      syncState: 'name',
    },
  },
  {
    version: 9,
    // The people the user marked themselves (./stored-person.ts, `marked`): the map shows only
    // them and reads them alone, not every person a touch or a note keeps tracked.
    stores: { people: 'slug, *aliases, memberId, tracked, marked, *nameWords' },
    upgrade: indexMarked,
  },
] as const;

export class AllianceDb extends Dexie {
  people!: EntityTable<StoredPerson, 'slug'>;
  notes!: EntityTable<Note, 'id'>;
  touches!: EntityTable<Touch, 'id'>;
  ties!: EntityTable<Tie, 'id'>;
  followUps!: EntityTable<FollowUp, 'id'>;
  syncChanges!: EntityTable<SyncChange, 'key'>;
  syncedDocs!: EntityTable<SyncedDoc, 'key'>;
  syncState!: Table<SyncStateRow, SyncStateRow['name']>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    for (const step of SCHEMA_VERSIONS) {
      const version = this.version(step.version).stores(step.stores);
      if ('upgrade' in step) version.upgrade(step.upgrade);
    }
  }
}

/** The tables a transaction over all of the relationship data names. */
export const ALL_TABLES = ['people', 'notes', 'touches', 'ties', 'followUps'] as const;

/**
 * What a write of relationship data names besides the tables it writes: sync's note of what
 * changed, written in the same transaction (utils/sync/changes.ts).
 */
export const SYNC_NOTE_TABLES = ['syncChanges', 'syncState'] as const;

/** What a write over all of the relationship data names. */
export const WRITE_TABLES = [...ALL_TABLES, ...SYNC_NOTE_TABLES] as const;

/** The range of a `[personSlug+…]` index that holds one person's records. */
export function allOf(slug: string): [[string, unknown], [string, unknown]] {
  return [
    [slug, Dexie.minKey],
    [slug, Dexie.maxKey],
  ];
}
