import { afterEach, describe, expect, it } from 'vitest';
import { AllianceDb } from '@/utils/db/schema';
import { newPerson } from '@/utils/model';
import { partOf, readPeopleInPages } from '@/utils/transfer/pacing';

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

describe('partOf', () => {
  it("reports a part's progress as its share of the whole", () => {
    const seen: Array<[number, number]> = [];
    const whole = (done: number, total: number) => seen.push([done, total]);
    const writing = partOf(whole, 0.1, 0.9);
    writing(0, 40);
    writing(20, 40);
    writing(40, 40);
    // A part with nothing to do is at its start.
    partOf(whole, 0.5, 0.5)(0, 0);
    expect(seen).toEqual([
      [0.1, 1],
      [0.55, 1],
      [1, 1],
      [0.5, 1],
    ]);
  });
});
