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
import { readPeopleColumns, readTouchColumns } from '@/utils/db/columns';
import { findPeopleByName } from '@/utils/db/people-list';
import { AllianceDb, ALL_TABLES, SCHEMA_VERSIONS } from '@/utils/db/schema';
import { engineView } from '../../support/engine-view';

/** The frozen versions, oldest first; add each new one here when the schema changes. */
const HISTORY = [v1, v2, v3, v4, v5];

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
        for (const table of ALL_TABLES) {
          const rows = await db.table(table).toArray();
          expect(rows, table).toEqual(expect.arrayContaining(old.SAMPLE[table]));
          expect(rows, table).toHaveLength(old.SAMPLE[table].length);
        }
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
        // The column copies hold exactly the tables' people and touches.
        expect(await readPeopleColumns(db)).toEqual((await db.people.toArray()).map(engineView));
        expect(await readTouchColumns(db, -Infinity, Infinity)).toEqual(
          await db.touches.orderBy('at').toArray(),
        );
        expect(db.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
        // The stored indexes are the current schema's, no more (versions 3 and 4 dropped three).
        const stored = db.backendDB().transaction('people').objectStore('people').indexNames;
        expect([...stored].sort()).toEqual(['aliases', 'memberId']);
      } finally {
        await db.delete();
      }
    });
  }
});
