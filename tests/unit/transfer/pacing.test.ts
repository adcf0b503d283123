import { afterEach, describe, expect, it } from 'vitest';
import { AllianceDb } from '@/utils/db/schema';
import { newPerson } from '@/utils/model';
import { readPeopleInPages } from '@/utils/transfer/pacing';

let db: AllianceDb | undefined;
afterEach(() => db?.delete());

describe('readPeopleInPages', () => {
  for (const count of [0, 1, 1_999, 2_000, 2_001, 4_500]) {
    it(`reads all of ${count} people, in slug order, once each`, async () => {
      db = new AllianceDb(`pages-${crypto.randomUUID()}`);
      // Some slugs sort differently by code unit than by locale: the pages follow the keys.
      const people = Array.from({ length: count }, (_, i) =>
        newPerson(i % 3 ? `p-${i}` : `Ä-${i}-ü`, 0),
      );
      await db.people.bulkAdd(people);
      expect(await readPeopleInPages(db)).toEqual(await db.people.toArray());
    });
  }
});
