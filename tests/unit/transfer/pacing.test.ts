import { afterEach, describe, expect, it, vi } from 'vitest';
import { AllianceDb } from '@/utils/db/schema';
import { newPerson } from '@/utils/model';
import { pageTurns, readPeopleInPages } from '@/utils/transfer/pacing';

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

describe('pageTurns', () => {
  afterEach(() => vi.useRealTimers());

  it('gives the page a turn only once the work since the last one has run its time', async () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const turn = pageTurns(40);
    const yielded = async () => {
      let other = false;
      // A task queued now runs before the turn returns only if the turn gave one up.
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (other = true);
      channel.port2.postMessage(null);
      await turn();
      channel.port1.close();
      return other;
    };
    expect(await yielded()).toBe(false);
    vi.advanceTimersByTime(39);
    expect(await yielded()).toBe(false);
    vi.advanceTimersByTime(1);
    expect(await yielded()).toBe(true);
    // The clock starts again after a turn.
    vi.advanceTimersByTime(20);
    expect(await yielded()).toBe(false);
  });
});
