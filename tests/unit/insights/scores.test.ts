import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { connectivity, visibility } from '@/utils/insights';
import { INFLUENCES, LEVELS, ROLES, STANCES, TOUCH_KINDS, type Person } from '@/utils/model';
import { data, daysAgo, generated, NOW, person, tie, touch } from './fixtures';

function part(score: { parts: Array<{ id: string; value: number }> }, id: string) {
  return score.parts.find((p) => p.id === id);
}

/** "A promising employee with strong support from their manager but no contact with the head of office two levels up." */
function promisingEmployee() {
  const people = [
    person('maria', {
      name: 'Maria',
      level: 'plus1',
      influence: 'high',
      stance: 'champion',
      roles: ['ally', 'mentor'],
    }),
    person('hugo', { name: 'Hugo', level: 'plus2', influence: 'high', stance: 'neutral' }),
    person('pat', {
      name: 'Pat',
      level: 'peer',
      influence: 'low',
      stance: 'supporter',
      roles: ['ally'],
    }),
    person('kim', {
      name: 'Kim',
      level: 'peer',
      influence: 'medium',
      stance: 'supporter',
      roles: ['ally'],
    }),
  ];
  const touches = [
    touch('maria', 'shared-work', daysAgo(3)),
    touch('maria', 'received-help', daysAgo(10)),
    touch('maria', 'showed-appreciation', daysAgo(9)),
    touch('pat', 'spent-time', daysAgo(5)),
    touch('kim', 'offered-help', daysAgo(6)),
  ];
  return data({ people, touches, ties: [tie('maria', 'pat'), tie('maria', 'kim')] });
}

describe('visibility: scenarios from the essays', () => {
  it('names the head of office two levels up, whom nobody is tied to, as the top risk', () => {
    const result = visibility(promisingEmployee(), NOW);
    expect(result.keyHolders.map((k) => [k.slug, k.awareness])).toEqual(
      expect.arrayContaining([
        ['maria', 'full'],
        ['hugo', 'none'],
      ]),
    );
    const [top] = result.topRisks;
    expect(top?.slug).toBe('hugo');
    expect(top?.reachable).toBe(false);
    expect(top?.reason).toBe(
      'Hugo (+2, high influence) has had no contact with you in 30 days, and nobody in your alliance is tied to them.',
    );
    expect(result.reason).toBe(`1 of 2 key holders knows your recent work. ${top?.reason}`);
    // Maria: 3 × 1 = 3, fully aware; Hugo: 3 × 1.5 = 4.5, unaware → 3 / 7.5.
    expect(result.score).toBe(40);
  });

  it('makes a key holder tied to a +2 sponsor who promoted the user partly aware', () => {
    const people = [
      person('sofia', {
        name: 'Sofia',
        level: 'plus2',
        influence: 'high',
        stance: 'champion',
        roles: ['sponsor'],
      }),
      person('dana', { name: 'Dana', level: 'plus3', influence: 'high', stance: 'neutral' }),
    ];
    const base = data({
      people,
      ties: [tie('sofia', 'dana')],
      touches: [touch('sofia', 'shared-work', daysAgo(2))],
    });
    const before = visibility(base, NOW);
    expect(before.keyHolders.find((k) => k.slug === 'dana')?.awareness).toBe('none');
    expect(before.topRisks[0]?.reason).toBe(
      'Dana (+3 and above, high influence) has had no contact with you in 30 days; Sofia is tied to them and could put your name forward.',
    );

    const after = visibility(
      { ...base, touches: [...base.touches, touch('sofia', 'they-promoted-me', daysAgo(5))] },
      NOW,
    );
    const dana = after.keyHolders.find((k) => k.slug === 'dana');
    expect(dana).toMatchObject({ awareness: 'partial', heardThrough: 'sofia' });
    expect(dana?.reason).toContain('only through Sofia');
    // Sofia 3 × 1.5 = 4.5 full; Dana 3 × 2 = 6 at half credit → (4.5 + 3) / 10.5.
    expect(after.score).toBe(71);
    expect(after.score).toBeGreaterThan(before.score);
  });

  it('makes a key holder tied to any backer who promoted the user partly aware, with less credit than a sponsor', () => {
    // An ally and supporter who is neither sponsor nor champion publicly promotes the user.
    const people = [
      person('ali', { name: 'Ali', level: 'peer', stance: 'supporter', roles: ['ally'] }),
      person('dana', { name: 'Dana', level: 'plus2', influence: 'high', stance: 'neutral' }),
    ];
    const base = data({ people, ties: [tie('ali', 'dana')] });
    expect(visibility(base, NOW).score).toBe(0);
    const promoted = {
      ...base,
      touches: [touch('ali', 'they-promoted-me', daysAgo(4), { note: 'Praised my launch' })],
    };
    const result = visibility(promoted, NOW);
    const dana = result.keyHolders.find((k) => k.slug === 'dana');
    expect(dana).toMatchObject({ awareness: 'partial', credit: 0.25, heardThrough: 'ali' });
    expect(dana?.reason).toBe(
      'Dana (+2, high influence) knows your work only through Ali, who promoted you.',
    );
    // Dana alone: a quarter of the credit of knowing it first-hand.
    expect(result.score).toBe(25);
    expect(result.parts.map((p) => p.label)).toEqual([
      'Know your recent work',
      'Heard of it from another backer',
      'Do not know your recent work',
    ]);

    // The same promotion by a champion counts for half.
    const champion = people.map((p) =>
      p.slug === 'ali' ? { ...p, stance: 'champion' as const } : p,
    );
    expect(visibility({ ...promoted, people: champion }, NOW).score).toBe(50);
    // A mentee-only contact does not back the user: no awareness.
    const mentee = people.map((p) =>
      p.slug === 'ali' ? { ...p, stance: 'unknown' as const, roles: ['mentee' as const] } : p,
    );
    expect(visibility({ ...promoted, people: mentee }, NOW).score).toBe(0);
  });

  it('takes the best of several promoters, never more than half', () => {
    const people = [
      person('ali', { level: 'peer', stance: 'supporter' }),
      person('spo', { level: 'plus2', roles: ['sponsor'] }),
      person('dana', { level: 'plus3', influence: 'high' }),
    ];
    const record = data({
      people,
      ties: [tie('ali', 'dana'), tie('spo', 'dana')],
      touches: [
        touch('ali', 'they-promoted-me', daysAgo(2)),
        touch('spo', 'they-promoted-me', daysAgo(3)),
      ],
    });
    const dana = visibility(record, NOW).keyHolders.find((k) => k.slug === 'dana');
    expect(dana).toMatchObject({ credit: 0.5, heardThrough: 'spo' });
  });

  it('forgets a shared win once it is older than the visibility window', () => {
    const people = [person('dana', { level: 'plus1', influence: 'high' })];
    expect(
      visibility(data({ people, touches: [touch('dana', 'shared-work', daysAgo(29))] }), NOW).score,
    ).toBe(100);
    expect(
      visibility(data({ people, touches: [touch('dana', 'shared-work', daysAgo(31))] }), NOW).score,
    ).toBe(0);
    const longer = { ...data().settings, visibilityWindowDays: 60 };
    expect(
      visibility(
        data({ people, touches: [touch('dana', 'shared-work', daysAgo(31))], settings: longer }),
        NOW,
      ).score,
    ).toBe(100);
  });

  it('ignores a promotion by someone not tied to the key holder, or by a skeptic', () => {
    const people = [
      person('sofia', { level: 'peer', stance: 'champion' }),
      person('vic', { level: 'peer', stance: 'skeptic', roles: ['sponsor'] }),
      person('dana', { level: 'plus2', influence: 'medium' }),
    ];
    const touches = [
      touch('sofia', 'they-promoted-me', daysAgo(1)),
      touch('vic', 'they-promoted-me', daysAgo(1)),
    ];
    expect(
      visibility(data({ people, touches, ties: [tie('vic', 'dana')] }), NOW).keyHolders[0]
        ?.awareness,
    ).toBe('none');
    expect(
      visibility(data({ people, touches, ties: [tie('sofia', 'dana')] }), NOW).keyHolders[0]
        ?.awareness,
    ).toBe('partial');
  });

  it('counts a decision maker the user marked, whatever their level', () => {
    const people = [
      person('ola', { level: 'peer', influence: 'low', decisionMaker: true }),
      person('pat', { level: 'peer', influence: 'high' }),
    ];
    const result = visibility(data({ people }), NOW);
    expect(result.keyHolders.map((k) => k.slug)).toEqual(['ola']);
    expect(result.keyHolders[0]?.weight).toBe(2);
  });

  it('ranks a skeptic above an equally weighted neutral key holder', () => {
    const people = [
      person('ned', { level: 'plus1', influence: 'high', stance: 'neutral' }),
      person('sal', { level: 'plus1', influence: 'high', stance: 'skeptic' }),
    ];
    expect(visibility(data({ people }), NOW).topRisks.map((k) => k.slug)).toEqual(['sal', 'ned']);
  });

  it('says what to do when there are no key holders', () => {
    const result = visibility(data(), NOW);
    expect(result.score).toBe(0);
    expect(result.reason).toMatch(/No key holders yet: set the level and influence/);
    expect(result.topRisks).toEqual([]);
  });
});

describe('connectivity', () => {
  it('scores a full board of six advisors fully, and a board outside 5–8 less', () => {
    const board = (n: number) =>
      Array.from({ length: n }, (_, i) => person(`adv${i}`, { roles: ['advisor'] }));
    expect(part(connectivity(data({ people: board(6) }), NOW), 'board')?.value).toBe(1);
    expect(part(connectivity(data({ people: board(3) }), NOW), 'board')?.value).toBe(0.6);
    expect(part(connectivity(data({ people: board(10) }), NOW), 'board')?.value).toBe(0.8);
  });

  it('wants a sponsor at +2 or above, and half counts one below', () => {
    const at = (level: Person['level']) =>
      part(
        connectivity(data({ people: [person('s', { roles: ['sponsor'], level })] }), NOW),
        'sponsor',
      )?.value;
    expect(at('plus2')).toBe(1);
    expect(at('plus3')).toBe(1);
    expect(at('plus1')).toBe(0.5);
    expect(
      part(connectivity(data({ people: [person('m', { roles: ['mentor'] })] }), NOW), 'sponsor')
        ?.value,
    ).toBe(0);
  });

  it('measures cadence, give/take and reach', () => {
    const people = [
      person('ally1', { roles: ['ally'], stance: 'supporter' }),
      person('ally2', { roles: ['ally'] }),
      person('boss', { level: 'plus1', influence: 'high' }),
      person('head', { level: 'plus2', influence: 'high' }),
    ];
    const touches = [
      touch('ally1', 'received-help', daysAgo(3)), // only takes from ally1
      touch('ally2', 'offered-help', daysAgo(40)), // past the 21-day ally cadence
    ];
    const result = connectivity(data({ people, touches, ties: [tie('ally1', 'boss')] }), NOW);
    expect(part(result, 'cadence')?.value).toBe(0.5);
    expect(part(result, 'balance')?.value).toBe(0.5);
    expect(part(result, 'reach')?.value).toBe(0.5);
    expect(result.reason).toMatch(/You have no sponsor yet/);
  });

  it('says what to do when nothing is tagged', () => {
    const result = connectivity(data(), NOW);
    expect(result.score).toBe(0);
    expect(result.reason).toBe(
      'Nobody tagged yet: tag a sponsor, a mentor and a few allies to map your alliance.',
    );
  });

  it('reaches 100 for an alliance that has everything', () => {
    const people = [
      person('spon', {
        roles: ['sponsor', 'advisor'],
        level: 'plus2',
        influence: 'high',
        stance: 'champion',
      }),
      person('ment', { roles: ['mentor', 'advisor'] }),
      ...Array.from({ length: 4 }, (_, i) => person(`adv${i}`, { roles: ['advisor', 'ally'] })),
    ];
    const touches = people.map((p) => touch(p.slug, 'spent-time', daysAgo(1)));
    touches.push(touch('spon', 'shared-work', daysAgo(1)));
    const result = connectivity(data({ people, touches }), NOW);
    expect(result.score).toBe(100);
    expect(result.reason).toBe('Your alliance is in good shape on all 7 measures.');
  });
});

describe('score wording', () => {
  it("never repeats a part's label in its detail, nor a sentence of the reason", () => {
    const records = [
      data(),
      promisingEmployee(),
      data({ people: [person('m', { roles: ['mentor'] })] }),
      generated(60, 400, 3),
    ];
    for (const record of records) {
      for (const score of [visibility(record, NOW), connectivity(record, NOW)]) {
        for (const p of score.parts) {
          const label = p.label.toLowerCase();
          expect(p.detail.toLowerCase().startsWith(label)).toBe(false);
          // "No sponsor yet: No sponsor yet: …" in any order of label, detail and reason.
          const line = `${p.label}: ${p.detail}`;
          const segments = line.split(': ').map((x) => x.toLowerCase());
          expect(new Set(segments).size).toBe(segments.length);
        }
        const sentences = score.reason.split(/(?<=\.) /);
        expect(new Set(sentences).size).toBe(sentences.length);
      }
    }
  });

  it('lists no score parts about key holders when there are none', () => {
    expect(visibility(data(), NOW).parts).toEqual([]);
    expect(connectivity(data(), NOW).parts.find((p) => p.id === 'reach')?.detail).toBe(
      'no key holders yet',
    );
  });
});

describe('edge cases', () => {
  it('handles one person with no touches', () => {
    const one = data({ people: [person('solo', { level: 'plus1', influence: 'high' })] });
    expect(visibility(one, NOW).score).toBe(0);
    expect(visibility(one, NOW).topRisks[0]?.reason).toContain('Solo (+1, high influence)');
    expect(connectivity(one, NOW).score).toBe(0);
  });

  it('ignores touches and ties naming people not in the record', () => {
    const one = data({
      people: [person('dana', { level: 'plus1', influence: 'high' })],
      touches: [touch('ghost', 'they-promoted-me', daysAgo(1))],
      ties: [tie('ghost', 'dana')],
    });
    expect(visibility(one, NOW).keyHolders[0]?.awareness).toBe('none');
  });

  it('scores 10,000 generated people and 100,000 touches', () => {
    const big = generated(10_000, 100_000);
    const v = visibility(big, NOW);
    const c = connectivity(big, NOW);
    expect(v.keyHolders.length).toBeGreaterThan(100);
    for (const score of [v.score, c.score]) expect(score).toBeGreaterThan(0);
  });
});

describe('properties', () => {
  const slugs = ['a', 'b', 'c', 'd', 'e'];
  const arbitraryData = fc
    .record({
      people: fc.tuple(
        ...slugs.map((slug) =>
          fc
            .record({
              level: fc.constantFrom(...LEVELS),
              influence: fc.constantFrom(...INFLUENCES),
              stance: fc.constantFrom(...STANCES),
              roles: fc.subarray([...ROLES]),
              decisionMaker: fc.boolean(),
            })
            .map((fields) => person(slug, fields)),
        ),
      ),
      touches: fc.array(
        fc.record({
          slug: fc.constantFrom(...slugs),
          kind: fc.constantFrom(...TOUCH_KINDS),
          days: fc.integer({ min: -5, max: 120 }),
        }),
        { maxLength: 30 },
      ),
      ties: fc.array(fc.tuple(fc.constantFrom(...slugs), fc.constantFrom(...slugs)), {
        maxLength: 6,
      }),
    })
    .map((raw) =>
      data({
        people: raw.people,
        touches: raw.touches.map((t) => touch(t.slug, t.kind, daysAgo(t.days))),
        ties: raw.ties.map(([x, y]) => tie(x, y)),
      }),
    );

  it('always gives integers from 0 to 100', () => {
    fc.assert(
      fc.property(arbitraryData, (record) => {
        for (const score of [visibility(record, NOW).score, connectivity(record, NOW).score]) {
          expect(Number.isInteger(score)).toBe(true);
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThanOrEqual(100);
        }
      }),
    );
  });

  it('never lowers visibility when the user shares work with a key holder', () => {
    fc.assert(
      fc.property(
        arbitraryData,
        fc.constantFrom(...slugs),
        fc.integer({ min: 0, max: 60 }),
        (record, slug, days) => {
          const before = visibility(record, NOW);
          fc.pre(before.keyHolders.some((k) => k.slug === slug));
          const after = visibility(
            { ...record, touches: [...record.touches, touch(slug, 'shared-work', daysAgo(days))] },
            NOW,
          );
          expect(after.score).toBeGreaterThanOrEqual(before.score);
        },
      ),
    );
  });
});
