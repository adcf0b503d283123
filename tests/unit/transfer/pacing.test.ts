import { afterEach, describe, expect, it } from 'vitest';
import { AllianceDb } from '@/utils/db/schema';
import { newPerson } from '@/utils/model';
import {
  bulkPutWithProgress,
  partOf,
  readPeopleInPages,
  SLICES_AHEAD,
  throttleProgress,
} from '@/utils/transfer/pacing';
import { stored } from '../../support/stored';

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
      await db.people.bulkAdd(people.map(stored));
      expect(await readPeopleInPages(db)).toEqual(await db.people.toArray());
    });
  }
});

describe('bulkPutWithProgress', () => {
  /** A writer whose slices finish when the test says so. */
  function heldWriter() {
    const slices: Array<{ records: number[]; finish(error?: Error): void }> = [];
    const put = (records: number[]) =>
      new Promise<void>((resolve, reject) => {
        slices.push({ records, finish: (error) => (error ? reject(error) : resolve()) });
      });
    return { slices, put };
  }
  const settle = () => new Promise((resolve) => setTimeout(resolve));

  it('keeps slices queued ahead, hands them over in order and reports each when done', async () => {
    const { slices, put } = heldWriter();
    const records = Array.from({ length: 2_100 }, (_, i) => i);
    const progress: number[] = [];
    const writing = bulkPutWithProgress(put, records, (n) => progress.push(n));
    await settle();
    expect(slices).toHaveLength(SLICES_AHEAD);
    slices[0]!.finish();
    await settle();
    expect(progress).toEqual([250]);
    expect(slices).toHaveLength(SLICES_AHEAD + 1);
    for (let i = 1; i < 9; i++) {
      await settle();
      slices[i]!.finish();
    }
    await writing;
    expect(slices.flatMap((slice) => slice.records)).toEqual(records);
    expect(progress).toEqual([250, 500, 750, 1_000, 1_250, 1_500, 1_750, 2_000, 2_100]);
  });

  it('fails with the first failed slice, after the progress of those before it', async () => {
    const { slices, put } = heldWriter();
    const progress: number[] = [];
    const writing = bulkPutWithProgress(put, Array.from({ length: 1_000 }), (n) => {
      progress.push(n);
    });
    await settle();
    // A later slice fails first: nothing is unhandled, and it is reported in its turn.
    slices[2]!.finish(new Error('quota'));
    slices[0]!.finish();
    slices[1]!.finish();
    await expect(writing).rejects.toThrow('quota');
    expect(progress).toEqual([250, 500]);
  });

  it('writes nothing for no records', async () => {
    const { slices, put } = heldWriter();
    await bulkPutWithProgress(put, []);
    expect(slices).toHaveLength(0);
  });
});

describe('throttleProgress', () => {
  it('reports at most once per period, and always the end', () => {
    let clock = 0;
    const seen: number[] = [];
    const report = throttleProgress(
      (done) => seen.push(done),
      200,
      () => clock,
    );
    for (const [at, done] of [
      [0, 0],
      [50, 10],
      [199, 20],
      [200, 30],
      [350, 40],
      [360, 100],
    ] as const) {
      clock = at;
      report(done, 100);
    }
    expect(seen).toEqual([0, 30, 100]);
  });
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
