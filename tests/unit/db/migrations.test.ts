/**
 * Every schema version upgrades data written by every earlier version without losing any of
 * it. Each earlier version's code is frozen in tests/unit/db/history/ and writes its own data.
 */
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import * as v1 from './history/v1';
import * as v2 from './history/v2';
import * as v3 from './history/v3';
import * as v4 from './history/v4';
import * as v5 from './history/v5';
import * as v6 from './history/v6';
import * as v7 from './history/v7';
import * as v8 from './history/v8';
import * as v9 from './history/v9';
import { findPeopleByName } from '@/utils/db/name-search';
import { AllianceDb, ALL_TABLES, SCHEMA_VERSIONS } from '@/utils/db/schema';
import { personOf, storedPeople } from '@/utils/db/stored-person';
import type { Person } from '@/utils/model';

/** The frozen versions, oldest first; add each new one here when the schema changes. */
const HISTORY = [v1, v2, v3, v4, v5, v6, v7, v8, v9];

describe('schema history', () => {
  it('keeps a frozen copy of every version that has shipped', () => {
    const current = SCHEMA_VERSIONS.at(-1)!.version;
    expect(HISTORY.map((h) => h.VERSION)).toEqual(
      SCHEMA_VERSIONS.map((s) => s.version).filter((v) => v <= current),
    );
  });

  for (const old of HISTORY) {
    it(`opens a database written by version ${old.VERSION} and loses nothing`, async () => {
      const name = `migrate-v${old.VERSION}-${crypto.randomUUID()}`;
      await old.writeSample(name);
      const db = new AllianceDb(name);
      try {
        const tables = Object.fromEntries(
          await Promise.all(
            ALL_TABLES.map(async (table) => [table, await db.table(table).toArray()] as const),
          ),
        ) as Record<(typeof ALL_TABLES)[number], object[]>;
        for (const table of ALL_TABLES) {
          // People are compared as a backup holds them; what is kept beside them is below.
          const rows =
            table === 'people' ? (tables.people as Person[]).map(personOf) : tables[table];
          const sample = old.SAMPLE[table] as Person[];
          const expected = table === 'people' ? sample.map(personOf) : sample;
          expect(rows, table).toEqual(expect.arrayContaining(expected));
          expect(rows, table).toHaveLength(expected.length);
        }
        // Everyone is stored once, with what their records say beside them.
        const people = tables.people as Person[];
        expect(people).toEqual(
          storedPeople(
            people.map(personOf),
            tables as unknown as Parameters<typeof storedPeople>[1],
          ),
        );
        // The indexes the product relies on answer for the old data.
        expect(
          (await db.people.where('memberId').equals('ACoAAB1234567890abcdef').first())?.slug,
        ).toBe('dana-lee');
        expect((await findPeopleByName(db, 'zoe', 5)).map((person) => person.slug)).toEqual([
          'zoë-müller',
        ]);
        expect((await db.people.where('aliases').equals('dana-lee-old').first())?.slug).toBe(
          'dana-lee',
        );
        expect((await db.people.where('tracked').equals(1).primaryKeys()).sort()).toEqual([
          'dana-lee',
          'zoë-müller',
        ]);
        // The map's people: those the user marked themselves, not Zoë, who is there for a tie.
        expect(await db.people.where('marked').equals(1).primaryKeys()).toEqual(['dana-lee']);
        expect(
          await db.touches
            .where('[personSlug+at]')
            .between(['dana-lee', Dexie.minKey], ['dana-lee', Dexie.maxKey])
            .count(),
        ).toBe(1);
        expect(
          await db.followUps
            .where('[status+due]')
            .between(['open', 0], ['open', Dexie.maxKey])
            .count(),
        ).toBe(1);
        expect(db.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
        // Sync's own tables keep what they held.
        for (const [table, rows] of Object.entries(old.SAMPLE)) {
          if ((ALL_TABLES as readonly string[]).includes(table)) continue;
          expect(await db.table(table).toArray(), table).toEqual(rows);
        }
        expect(
          await db.syncedDocs.where('id').equals('9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d').count(),
        ).toBe(old.VERSION >= 8 ? 1 : 0);
        // The stores and indexes are the current schema's, no more: no copy, no blocks.
        const idb = db.backendDB();
        expect([...idb.objectStoreNames].sort()).toEqual(
          [...ALL_TABLES, 'syncChanges', 'syncState', 'syncedDocs'].sort(),
        );
        const stored = idb.transaction('people').objectStore('people').indexNames;
        expect([...stored].sort()).toEqual([
          'aliases',
          'marked',
          'memberId',
          'nameWords',
          'tracked',
        ]);
      } finally {
        await db.delete();
      }
    });
  }
});
