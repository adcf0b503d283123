import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import { blocksOf, columnsMiddleware, type ColumnBlock } from './columns';
import { connectionsMiddleware, type ConnectionBlock } from './connection-blocks';
import type { FollowUp, Note, Person, Tie, Touch } from '@/utils/model';

/** The name of the IndexedDB database, in the extension's own origin only. */
export const DB_NAME = 'alliance-map';

/**
 * Every schema step the database has ever had, in order. Append only: a published version is
 * never edited, a mistake is fixed by a new version with an upgrade (DESIGN.md, "Nothing is lost").
 * Each step's test lives in tests/unit/db/migrations.test.ts with data written by the step before.
 */
export const SCHEMA_VERSIONS = [
  {
    version: 1,
    stores: {
      // slug is the key; aliases (former slugs, member ids) and roles are multi-entry so that a
      // batch of list keys and "people by role" are single index lookups.
      people: 'slug, *aliases, memberId, *roles, updatedAt, name',
      notes: 'id, [personSlug+at], at',
      touches: 'id, [personSlug+at], at, [kind+at]',
      ties: 'id, a, b, &[a+b]',
      followUps: 'id, personSlug, [status+due]',
    },
  },
  {
    version: 2,
    stores: {
      // Column copies of people and touches for the popup and the report (./columns.ts).
      columns: '[table+block]',
    },
    upgrade: async (tx: Transaction) => {
      const [people, touches] = await Promise.all([
        tx.table('people').toArray(),
        tx.table('touches').toArray(),
      ]);
      await tx
        .table('columns')
        .bulkPut([...blocksOf('people', people), ...blocksOf('touches', touches)]);
    },
  },
  {
    version: 3,
    stores: {
      // Nothing looks people up by role or by date of change: the popup and the report read
      // the column copy. Two index entries fewer per person makes an import's writes cheaper.
      people: 'slug, *aliases, memberId, name',
    },
  },
  {
    version: 4,
    stores: {
      // The name index was the only index entry of an imported person (their aliases and
      // member id are empty), 15–25% of an import's bare writes: finding people by name reads
      // the column copy, which holds every name, and the spreadsheet export sorts what it reads.
      people: 'slug, *aliases, memberId',
    },
  },
  {
    version: 5,
    stores: {
      // People an import brings in, many to a record, part of the people table to every
      // reader (./connection-blocks.ts). Those imported before stay records of their own.
      connections: 'block',
    },
  },
] as const;

export class AllianceDb extends Dexie {
  people!: EntityTable<Person, 'slug'>;
  notes!: EntityTable<Note, 'id'>;
  touches!: EntityTable<Touch, 'id'>;
  ties!: EntityTable<Tie, 'id'>;
  followUps!: EntityTable<FollowUp, 'id'>;
  /** Derived from people and touches, never written directly, not part of a backup. */
  columns!: Table<ColumnBlock, [string, number]>;
  /** People in blocks; read and written through `people`, filled by imports only. */
  connections!: Table<ConnectionBlock, number>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    for (const step of SCHEMA_VERSIONS) {
      const version = this.version(step.version).stores(step.stores);
      if ('upgrade' in step) version.upgrade(step.upgrade);
    }
    // In this order: the copies see the people of the blocks as part of the people table.
    this.use(connectionsMiddleware);
    this.use(columnsMiddleware);
  }
}

/** The tables a transaction over all of the relationship data names. */
export const ALL_TABLES = ['people', 'notes', 'touches', 'ties', 'followUps'] as const;
