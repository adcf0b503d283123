import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backsMe, type InsightPerson } from '@/utils/insights';
import { MAX_PATH_TIES, pathsTo, rankPaths, routeTo } from '@/utils/insights/paths';
import { ROLES, STANCES, orderedPair, type Tie } from '@/utils/model';
import { person } from './fixtures';

function tie(x: string, y: string, label = ''): Tie {
  const [a, b] = orderedPair(x, y);
  return { id: `${a}-${b}`, a, b, label, createdAt: 0 };
}

/** Dana decides; Sam (ally) knows Alex (neutral), who knows Dana; Eve (sponsor) knows Dana. */
const dana = person('dana', {
  name: 'Dana',
  level: 'plus2',
  influence: 'high',
  decisionMaker: true,
});
const sam = person('sam', { name: 'Sam', roles: ['ally'], stance: 'supporter' });
const alex = person('alex', { name: 'Alex', stance: 'neutral' });
const eve = person('eve', { name: 'Eve', roles: ['sponsor'], stance: 'champion' });
const vic = person('vic', { name: 'Vic', stance: 'skeptic' });
const kim = person('kim', { name: 'Kim', roles: ['ally'] });

describe('routeTo', () => {
  it('ranks the sponsor tied to the key holder first and asks them to put the name forward', () => {
    const route = routeTo(
      [dana, sam, alex, eve],
      [tie('sam', 'alex'), tie('alex', 'dana'), tie('eve', 'dana')],
      'dana',
    )!;
    expect(route.direct).toBe(false);
    expect(route.paths.map((path) => path.slugs)).toEqual([
      ['eve', 'dana'],
      ['sam', 'alex', 'dana'],
    ]);
    expect(route.carriers.map((carrier) => [carrier.name, carrier.backsMe])).toEqual([
      ['Eve', true],
      ['Alex', false],
    ]);
    expect(route.next).toMatchObject({ personSlug: 'eve', habit: 'shared-work' });
    expect(route.next.text).toBe(
      'Share a recent win with Eve and ask them to put your name forward to Dana',
    );
  });

  it('asks a backer for an introduction when the way in is longer', () => {
    const route = routeTo([dana, sam, alex], [tie('sam', 'alex'), tie('alex', 'dana')], 'dana')!;
    expect(route.next).toMatchObject({ personSlug: 'sam', habit: 'message' });
    expect(route.next.text).toBe('Ask Sam for an introduction to Alex, who is tied to Dana');
    const three = routeTo(
      [dana, sam, alex, person('lou', { name: 'Lou' })],
      [tie('sam', 'alex'), tie('alex', 'lou'), tie('lou', 'dana')],
      'dana',
    )!;
    expect(three.next.text).toBe(
      'Ask Sam for an introduction to Alex, who knows Lou, who is tied to Dana',
    );
  });

  it('shares a win with an ally tied to the key holder, so they can mention it', () => {
    const route = routeTo([dana, kim], [tie('kim', 'dana')], 'dana')!;
    expect(route.next.text).toBe(
      'Share a recent win with Kim, who is tied to Dana, so they can mention it to Dana',
    );
  });

  it('never goes through a skeptic, nor further than three ties', () => {
    expect(
      routeTo([dana, sam, vic], [tie('sam', 'vic'), tie('vic', 'dana')], 'dana')!.paths,
    ).toEqual([]);
    const chain = ['a', 'b', 'c', 'd'].map((slug) => person(slug, { stance: 'neutral' }));
    const far = routeTo(
      [dana, sam, ...chain],
      [tie('sam', 'a'), tie('a', 'b'), tie('b', 'c'), tie('c', 'dana')],
      'dana',
    )!;
    expect(far.paths).toEqual([]);
    expect(far.next.personSlug).toBe('dana');
    expect(far.next.text).toContain('Nobody in your alliance is tied to Dana within 3 ties');
  });

  it('goes straight to a key holder who backs the user', () => {
    const champion = { ...dana, stance: 'champion' as const };
    const route = routeTo([champion, kim], [tie('kim', 'dana')], 'dana')!;
    expect(route.direct).toBe(true);
    expect(route.next).toMatchObject({ personSlug: 'dana', habit: 'shared-work' });
    expect(routeTo([dana], [], 'nobody')).toBeNull();
  });
});

/** Every way in by brute force: each backer's simple paths to the target, checked one by one. */
function reference(people: InsightPerson[], ties: Tie[], target: string): Set<string> {
  const bySlug = new Map(people.map((p) => [p.slug, p]));
  const tied = (x: string, y: string) =>
    ties.some((t) => (t.a === x && t.b === y) || (t.a === y && t.b === x));
  const out = new Set<string>();
  const walk = (path: string[]) => {
    const last = path[path.length - 1]!;
    if (last === target && path.length > 1) {
      const between = path.slice(1, -1).map((slug) => bySlug.get(slug)!);
      if (between.every((p) => !backsMe(p) && p.stance !== 'skeptic')) out.add(path.join('>'));
      return;
    }
    if (path.length - 1 >= MAX_PATH_TIES) return;
    for (const next of bySlug.keys()) {
      if (!path.includes(next) && tied(last, next)) walk([...path, next]);
    }
  };
  for (const p of people) if (p.slug !== target && backsMe(p)) walk([p.slug]);
  return out;
}

const arbitraryGraph = fc
  .integer({ min: 2, max: 9 })
  .chain((count) =>
    fc.record({
      people: fc.tuple(
        ...Array.from({ length: count }, (_, i) =>
          fc
            .record({
              roles: fc.subarray([...ROLES], { maxLength: 2 }),
              stance: fc.constantFrom(...STANCES),
            })
            .map((fields) => person(`p${i}`, fields)),
        ),
      ),
      pairs: fc.array(fc.tuple(fc.nat(count), fc.nat(count)), { maxLength: 24 }),
      target: fc.nat(count - 1),
    }),
  )
  .map(({ people, pairs, target }) => {
    // Index `count` names someone not in the record: ties to them lead nowhere.
    const slugOf = (i: number) => (i < people.length ? `p${i}` : 'stranger');
    const ties = new Map<string, Tie>();
    for (const [x, y] of pairs)
      if (x !== y) ties.set(orderedPair(slugOf(x), slugOf(y)).join(), tie(slugOf(x), slugOf(y)));
    return { people, ties: [...ties.values()], target: `p${target}` };
  });

describe('pathsTo and rankPaths', () => {
  it('find exactly the ways in a brute force finds, each a chain of ties', () => {
    fc.assert(
      fc.property(arbitraryGraph, ({ people, ties, target }) => {
        const paths = pathsTo(people, ties, target);
        const found = paths.map((path) => path.slugs.join('>'));
        expect(new Set(found).size).toBe(found.length);
        expect(new Set(found)).toEqual(reference(people, ties, target));
        for (const path of paths) {
          expect(path.ties).toBe(path.slugs.length - 1);
          expect(path.ties).toBeLessThanOrEqual(MAX_PATH_TIES);
          expect(path.slugs[path.slugs.length - 1]).toBe(target);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('rank shorter ways first and name each carrier once, tied to the key holder', () => {
    fc.assert(
      fc.property(arbitraryGraph, ({ people, ties, target }) => {
        const ranked = rankPaths(people, pathsTo(people, ties, target));
        for (let i = 1; i < ranked.length; i++)
          expect(ranked[i]!.ties).toBeGreaterThanOrEqual(ranked[i - 1]!.ties);
        const route = routeTo(people, ties, target)!;
        const carriers = route.carriers.map((carrier) => carrier.slug);
        expect(new Set(carriers).size).toBe(carriers.length);
        for (const carrier of route.carriers) {
          const [a, b] = orderedPair(carrier.slug, target);
          expect(ties.some((t) => t.a === a && t.b === b)).toBe(true);
        }
        const keyHolder = people.find((p) => p.slug === target)!;
        if (!backsMe(keyHolder) && ranked.length)
          expect(route.next.personSlug).toBe(ranked[0]!.slugs[0]);
        if (!backsMe(keyHolder) && !ranked.length) expect(route.next.personSlug).toBe(target);
      }),
      { numRuns: 300 },
    );
  });
});
