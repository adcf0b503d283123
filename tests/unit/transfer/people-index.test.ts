/**
 * The index an import matches its rows with, loaded with only the people the rows can name:
 * for every slug and name asked about it answers as an index of everyone would.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newPerson, type Person } from '@/utils/model';
import { loadPeopleIndex, PeopleIndex, type WantedPeople } from '@/utils/transfer/people-index';
import { freshDb } from './db-helpers';
import { stored } from '../../support/stored';

const SLUGS = ['ana', 'ben', 'cleo', 'dev', 'eli', 'fay', 'gus', 'hal'];
const NAMES = ['Ana Ruiz', 'ana  ruiz', 'Ben Ode', 'Cleo Tan', ''];

const personArb = fc.record({
  slug: fc.constantFrom(...SLUGS),
  name: fc.constantFrom(...NAMES),
  // Former slugs and member ids, which may be another person's slug.
  aliases: fc.uniqueArray(fc.constantFrom(...SLUGS, 'ACoAAB1', 'ACoAAC2'), { maxLength: 2 }),
});

const wantedArb = fc.record({
  slugs: fc.uniqueArray(fc.constantFrom(...SLUGS, 'zed', 'ACoAAB1'), { maxLength: 6 }),
  names: fc.uniqueArray(fc.constantFrom(...NAMES, 'Nobody Here'), { maxLength: 3 }),
});

/** What an index says about the wanted slugs and names, by slug. */
function answers(index: PeopleIndex, wanted: WantedPeople) {
  return {
    bySlug: [...wanted.slugs].map((slug) => index.bySlugOrAlias(slug)?.slug ?? null),
    byName: [...wanted.names].map((name) =>
      index
        .named(name)
        .map((p) => p.slug)
        .sort(),
    ),
  };
}

async function loaded(people: Person[], wanted: WantedPeople): Promise<PeopleIndex> {
  const db = freshDb();
  await db.people.bulkPut(people.map(stored));
  return db.transaction('r', db.people, () => loadPeopleIndex(db, wanted));
}

describe('loadPeopleIndex', () => {
  it('answers for the wanted slugs and names as an index of everyone does', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(personArb, { selector: (p) => p.slug, maxLength: SLUGS.length }),
        wantedArb,
        async (rows, wantedRows) => {
          const people = rows.map((row) =>
            newPerson(row.slug, 0, {
              name: row.name,
              aliases: row.aliases.filter((alias) => alias !== row.slug),
            }),
          );
          const wanted = { slugs: new Set(wantedRows.slugs), names: new Set(wantedRows.names) };
          const index = await loaded(people, wanted);
          // Everyone as a read of the table gives them: in slug order.
          const everyone = new PeopleIndex([...people].sort((a, b) => (a.slug < b.slug ? -1 : 1)));
          expect(answers(index, wanted)).toEqual(answers(everyone, wanted));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('reads in full only the people the rows can name', async () => {
    const people = [
      newPerson('asked', 0, { name: 'Asked For' }),
      newPerson('named', 0, { name: 'Only By Name' }),
      newPerson('renamed', 0, { name: 'Has Moved', aliases: ['old-slug'] }),
      ...Array.from({ length: 50 }, (_, i) => newPerson(`stranger-${i}`, 0, { name: `S ${i}` })),
    ];
    const index = await loaded(people, {
      slugs: new Set(['asked', 'old-slug', 'new-person']),
      names: new Set(['only by name']),
    });
    expect(index.bySlugOrAlias('asked')?.name).toBe('Asked For');
    expect(index.bySlugOrAlias('old-slug')?.slug).toBe('renamed');
    expect(index.named('Only  By Name').map((p) => p.slug)).toEqual(['named']);
    expect(index.bySlugOrAlias('stranger-3')).toBeUndefined();
  });

  it('finds people by the names they have now, whether first asked before or after a change', () => {
    const index = new PeopleIndex([newPerson('ana', 0, { name: 'Ana Old' })]);
    index.put(newPerson('ana', 0, { name: 'Ana New' }));
    expect(index.named('ana old')).toEqual([]);
    expect(index.named('ANA  new').map((p) => p.slug)).toEqual(['ana']);
    index.put(newPerson('bo', 0, { name: 'Ana New' }));
    index.put(newPerson('ana', 0, { name: 'Ana Newer' }));
    expect(index.named('ana new').map((p) => p.slug)).toEqual(['bo']);
    expect(index.named('ana newer').map((p) => p.slug)).toEqual(['ana']);
  });

  it('reads everyone when most of them are wanted (a re-import)', async () => {
    const people = Array.from({ length: 40 }, (_, i) => newPerson(`p-${i}`, 0, { name: `P ${i}` }));
    const slugs = new Set(people.slice(0, 30).map((p) => p.slug));
    const index = await loaded(people, { slugs, names: new Set() });
    for (const slug of slugs) expect(index.bySlugOrAlias(slug)?.slug).toBe(slug);
  });
});
