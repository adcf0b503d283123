import Dexie, { type EntityTable } from 'dexie';
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
] as const;

export class AllianceDb extends Dexie {
  people!: EntityTable<Person, 'slug'>;
  notes!: EntityTable<Note, 'id'>;
  touches!: EntityTable<Touch, 'id'>;
  ties!: EntityTable<Tie, 'id'>;
  followUps!: EntityTable<FollowUp, 'id'>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    for (const step of SCHEMA_VERSIONS) this.version(step.version).stores(step.stores);
  }
}

/** The tables a transaction over all of the relationship data names. */
export const ALL_TABLES = ['people', 'notes', 'touches', 'ties', 'followUps'] as const;
