import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildStatusIndex, personStatus } from '@/utils/insights';
import { DAY_MS, DEFAULT_SETTINGS, TOUCH_KINDS, type Touch } from '@/utils/model';
import { daysAgo, followUp, NOW, person, touch } from './fixtures';

const settings = DEFAULT_SETTINGS;

describe('personStatus', () => {
  it('dates the next touch from the last one and the role cadence', () => {
    const sam = person('sam', { roles: ['ally'] }); // allies: 21 days
    const status = personStatus(
      sam,
      [touch('sam', 'message', daysAgo(10)), touch('sam', 'meeting', daysAgo(30))],
      [],
      settings,
      NOW,
    );
    expect(status.lastTouchAt).toBe(daysAgo(10));
    expect(status.cadenceDays).toBe(21);
    expect(status.dueAt).toBe(daysAgo(10) + 21 * DAY_MS);
    expect(status.isDue).toBe(false);
    expect(personStatus(sam, [touch('sam', 'message', daysAgo(22))], [], settings, NOW).isDue).toBe(
      true,
    );
  });

  it('gives someone never touched a cadence of grace from the day they were added', () => {
    const added = daysAgo(5);
    const fresh = { ...person('new', { roles: ['mentor'] }), createdAt: added };
    const status = personStatus(fresh, [], [], settings, NOW);
    expect(status.lastTouchAt).toBeNull();
    expect(status.dueAt).toBe(added + 30 * DAY_MS);
    expect(status.isDue).toBe(false);
  });

  it('counts gave +1, received −1 and both as neither over 90 days', () => {
    const touches: Touch[] = [
      touch('lee', 'offered-help', daysAgo(1), { direction: 'gave' }),
      touch('lee', 'received-help', daysAgo(2), { direction: 'received' }),
      touch('lee', 'received-help', daysAgo(3), { direction: 'received' }),
      touch('lee', 'meeting', daysAgo(4), { direction: 'both' }),
      touch('lee', 'received-help', daysAgo(91), { direction: 'received' }),
    ];
    const status = personStatus(person('lee'), touches, [], settings, NOW);
    expect(status).toMatchObject({ gave90: 2, received90: 3, balance90: -1 });
  });

  it('ignores touches after the date, so past weeks can be recomputed', () => {
    const status = personStatus(
      person('sam'),
      [touch('sam', 'shared-work', daysAgo(-1))],
      [],
      settings,
      NOW,
    );
    expect(status.lastTouchAt).toBeNull();
    expect(status.lastSharedWorkAt).toBeNull();
  });

  it('counts follow-ups open on the date, and overdue ones', () => {
    const items = [
      followUp('sam', 'Send the deck', daysAgo(2)),
      followUp('sam', 'Intro to Ana', daysAgo(-3)),
      followUp('sam', 'Done long ago', daysAgo(9), { status: 'done', doneAt: daysAgo(8) }),
      followUp('sam', 'Done after the date', daysAgo(9), { status: 'done', doneAt: daysAgo(-1) }),
      followUp('sam', 'Created after the date', daysAgo(9), { createdAt: daysAgo(-1) }),
      followUp('ana', 'Someone else', daysAgo(9)),
    ];
    const status = personStatus(person('sam'), [], items, settings, NOW);
    expect(status.openFollowUps).toBe(3);
    expect(status.overdueFollowUps).toBe(2);
  });

  it('uses a person’s own cadence over their roles’', () => {
    const status = personStatus(
      person('sam', { roles: ['ally'], cadenceDays: 7 }),
      [touch('sam', 'message', daysAgo(8))],
      [],
      settings,
      NOW,
    );
    expect(status.cadenceDays).toBe(7);
    expect(status.isDue).toBe(true);
  });
});

describe('buildStatusIndex', () => {
  it('agrees with personStatus for every person', () => {
    const slugs = ['a', 'b', 'c', 'd'];
    const arbitraryTouch = fc.record({
      slug: fc.constantFrom(...slugs, 'unknown'),
      kind: fc.constantFrom(...TOUCH_KINDS),
      direction: fc.constantFrom('gave' as const, 'received' as const, 'both' as const),
      days: fc.integer({ min: -20, max: 200 }),
    });
    fc.assert(
      fc.property(
        fc.array(arbitraryTouch, { maxLength: 40 }),
        fc.array(fc.integer({ min: -10, max: 30 }), { maxLength: 5 }),
        (raw, dues) => {
          const people = slugs.map((slug, i) => person(slug, { roles: i % 2 ? ['mentor'] : [] }));
          const touches = raw.map((t) =>
            touch(t.slug, t.kind, daysAgo(t.days), { direction: t.direction }),
          );
          const items = dues.map((due, i) =>
            followUp(slugs[i % slugs.length] ?? 'a', 'x', daysAgo(due)),
          );
          const index = buildStatusIndex(people, touches, items, settings, NOW);
          for (const one of people)
            expect(index.get(one.slug)).toEqual(personStatus(one, touches, items, settings, NOW));
          expect(index.has('unknown')).toBe(false);
        },
      ),
    );
  });
});
