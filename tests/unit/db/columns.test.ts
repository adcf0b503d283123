/**
 * The column copies of people and touches equal the tables after any sequence of writes, made
 * any way Dexie offers (add, put, update, modify, delete by key or range, clear), in one
 * transaction or concurrently inside one, committed, failed or rolled back.
 */
import Dexie from 'dexie';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { readPeopleColumns, readTouchColumns, touchBlock, WEEK_MS } from '@/utils/db/columns';
import { AllianceDb } from '@/utils/db/schema';
import { bulkPutWithProgress } from '@/utils/transfer/pacing';
import { putImportedPeople } from '@/utils/transfer/imported-people';
import { DAY_MS, newPerson, ROLES, type Touch } from '@/utils/model';
import { engineView } from '../../support/engine-view';
import { storedPlaces } from '../../support/stored-places';

const NOW = Date.UTC(2026, 5, 1, 12);
const opened: AllianceDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

function openDb(): AllianceDb {
  const db = new AllianceDb(`columns-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}

/**
 * The copies equal the tables, in the tables' own order, and each person is stored once, in the
 * table or in a connection block.
 */
async function expectInStep(db: AllianceDb): Promise<void> {
  const places = await storedPlaces(db);
  const people = await db.people.toArray();
  expect(people.map((person) => person.slug)).toEqual([...places.table, ...places.blocks].sort());
  expect(await readPeopleColumns(db)).toEqual(people.map(engineView));
  expect(await readTouchColumns(db, -Infinity, Infinity)).toEqual(
    await db.touches.orderBy('at').toArray(),
  );
  // No block is left empty, and every row sits in the block of its date.
  for (const block of await db.columns.toArray()) {
    const first = Object.values(block.columns)[0]!;
    expect(first.length).toBeGreaterThan(0);
    if (block.table === 'touches') {
      for (const at of block.columns.at as number[]) expect(touchBlock(at)).toBe(block.block);
    }
  }
}

// 'ana' and 'ana-afh' share a connection block, so that imports and writes rewrite blocks others
// are in.
const SLUGS = ['ana', 'ana-afh', 'ben', 'chloé', 'dev', 'eun-ji'];
const IDS = ['t1', 't2', 't3', 't4', 't5', 't6'];

const touchArb = fc.record({
  id: fc.constantFrom(...IDS),
  personSlug: fc.constantFrom(...SLUGS),
  // Weeks apart or in one week, so that writes move touches between blocks and share them.
  at: fc.integer({ min: -40, max: 40 }).map((days) => NOW + days * DAY_MS),
  kind: fc.constantFrom('meeting' as const, 'shared-work' as const, 'they-promoted-me' as const),
  direction: fc.constantFrom('gave' as const, 'received' as const, 'both' as const),
  note: fc.string({ maxLength: 5 }),
  createdAt: fc.constant(NOW),
});

const personArb = fc
  .record({
    slug: fc.constantFrom(...SLUGS),
    name: fc.string({ maxLength: 6 }),
    roles: fc.subarray([...ROLES]),
    cadenceDays: fc.option(fc.integer({ min: 1, max: 90 })),
  })
  .map(({ slug, ...fields }) => newPerson(slug, NOW, fields));

/** A write, shown by what it does when fast-check reports a counterexample. */
function write(label: string, run: (db: AllianceDb) => Promise<unknown>): Write {
  return Object.assign(run, { toString: () => label });
}

/** One write, in the ways the app and a restore or import make them. */
const writeArb: fc.Arbitrary<Write> = fc.oneof(
  touchArb.map((t) => write(`add ${JSON.stringify(t)}`, (db) => db.touches.add(t))),
  fc
    .array(touchArb, { maxLength: 4 })
    .map((ts) => write(`bulkPut ${JSON.stringify(ts)}`, (db) => db.touches.bulkPut(ts))),
  fc
    .tuple(fc.constantFrom(...IDS), fc.integer({ min: -60, max: 60 }))
    .map(([id, days]) =>
      write(`move ${id} to day ${days}`, (db) =>
        db.touches.update(id, { at: NOW + days * DAY_MS }),
      ),
    ),
  fc.constantFrom(...IDS).map((id) => write(`delete ${id}`, (db) => db.touches.delete(id))),
  fc
    .constantFrom(...SLUGS)
    .map((slug) =>
      write(`delete the touches of ${slug}`, (db) =>
        db.touches
          .where('[personSlug+at]')
          .between([slug, Dexie.minKey], [slug, Dexie.maxKey])
          .delete(),
      ),
    ),
  fc
    .tuple(fc.constantFrom(...SLUGS), fc.constantFrom(...SLUGS))
    .map(([from, into]) =>
      write(`give the touches of ${from} to ${into}`, (db) =>
        db.touches
          .where('[personSlug+at]')
          .between([from, Dexie.minKey], [from, Dexie.maxKey])
          .modify({ personSlug: into }),
      ),
    ),
  fc
    .constantFrom('t1', 't4')
    .map((below) =>
      write(`delete touches below ${below}`, (db) => db.touches.where('id').below(below).delete()),
    ),
  fc.constant(write('clear touches', (db) => db.touches.clear())),
  personArb.map((p) => write(`put ${JSON.stringify(p)}`, (db) => db.people.put(p))),
  personArb.map((p) => write(`add ${JSON.stringify(p)}`, (db) => db.people.add(p))),
  fc
    .tuple(fc.constantFrom(...SLUGS), fc.subarray([...ROLES]))
    .map(([slug, roles]) =>
      write(`set roles of ${slug} to ${roles.join('+')}`, (db) =>
        db.people.update(slug, { roles }),
      ),
    ),
  fc.constantFrom(...SLUGS).map((slug) => write(`delete ${slug}`, (db) => db.people.delete(slug))),
  fc.constant(write('clear people', (db) => db.people.clear())),
);

/**
 * An import's write: the people new to the database go into connection blocks. It reads before
 * it writes, so it never runs beside other writes (an import has a transaction of its own).
 */
const importArb: fc.Arbitrary<Write> = fc
  .array(personArb, { minLength: 1, maxLength: 3 })
  // The people of an import are untagged (a tagged one would go to the table).
  .map((people) => people.map((person) => ({ ...person, roles: [] })))
  .map((people) =>
    write(`import ${JSON.stringify(people)}`, (db) =>
      db.transaction('rw', db.people, db.connections, async () => {
        const known = await db.people.bulkGet(people.map((person) => person.slug));
        const isNew = new Set(people.filter((_, i) => !known[i]).map((person) => person.slug));
        await putImportedPeople(db, people, (slug) => isNew.has(slug));
      }),
    ),
  );

const anyWriteArb = fc.oneof(writeArb, importArb);

type Write = (db: AllianceDb) => Promise<unknown>;

/**
 * Several writes: one by one, concurrently in one transaction, one after another in one (as an
 * import writes its slices), or in one that rolls back.
 */
const stepArb = fc.oneof(
  anyWriteArb.map((write) => ({ kind: 'alone' as const, writes: [write] })),
  fc.array(writeArb, { minLength: 2, maxLength: 4 }).map((writes) => ({
    kind: 'together' as const,
    writes,
  })),
  fc.array(anyWriteArb, { minLength: 2, maxLength: 4 }).map((writes) => ({
    kind: 'in order' as const,
    writes,
  })),
  fc.array(anyWriteArb, { minLength: 1, maxLength: 3 }).map((writes) => ({
    kind: 'rolled back' as const,
    writes,
  })),
);

async function run(db: AllianceDb, step: { kind: string; writes: Write[] }): Promise<void> {
  const tables = [db.people, db.touches, db.connections];
  // A failed write (an `add` of a key that exists) is part of the test: it changes nothing.
  const attempt = (write: Write) => write(db).catch(() => undefined);
  if (step.kind === 'alone') await attempt(step.writes[0]!);
  if (step.kind === 'together') {
    await db.transaction('rw', tables, () => Promise.all(step.writes.map(attempt)));
  }
  if (step.kind === 'in order') {
    await db.transaction('rw', tables, async () => {
      for (const write of step.writes) await attempt(write);
    });
  }
  if (step.kind === 'rolled back') {
    await db
      .transaction('rw', tables, async () => {
        for (const write of step.writes) await attempt(write);
        throw new Error('roll back');
      })
      .catch(() => undefined);
  }
}

describe('column copies', () => {
  it('equal the tables after any sequence of writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 8 }), async (steps) => {
        const db = openDb();
        try {
          for (const step of steps) await run(db, step);
          await expectInStep(db);
        } finally {
          await db.delete();
        }
      }),
      { numRuns: 150 },
    );
  });

  it('keep the rows of a bulk add that succeeded, not those that failed', async () => {
    const db = openDb();
    const touch = (id: string, at: number): Touch => ({
      id,
      personSlug: 'ana',
      at,
      kind: 'meeting',
      direction: 'both',
      note: '',
      createdAt: at,
    });
    await db.touches.add(touch('t1', NOW));
    await expect(
      db.touches.bulkAdd([touch('t1', NOW + WEEK_MS), touch('t2', NOW + 2 * WEEK_MS)]),
    ).rejects.toThrow();
    expect((await readTouchColumns(db, -Infinity, Infinity)).map((t) => [t.id, t.at])).toEqual([
      ['t1', NOW],
      ['t2', NOW + 2 * WEEK_MS],
    ]);
    await expectInStep(db);
  });

  it('read only the weeks asked for, and only the touches inside the span', async () => {
    const db = openDb();
    const at = (days: number) => NOW + days * DAY_MS;
    await db.touches.bulkAdd(
      [-30, -8, -7, -1, 0, 6, 20].map((days, i) => ({
        id: `t${i}`,
        personSlug: 'ana',
        at: at(days),
        kind: 'meeting' as const,
        direction: 'both' as const,
        note: '',
        createdAt: NOW,
      })),
    );
    expect((await readTouchColumns(db, at(-7), at(6))).map((t) => t.at)).toEqual(
      [-7, -1, 0].map(at),
    );
    expect(await readTouchColumns(db, at(6), at(6))).toEqual([]);
  });

  it('write each block once for a transaction of many slices, as an import writes', async () => {
    const db = openDb();
    let blockWrites = 0;
    db.use({
      stack: 'dbcore',
      name: 'count-block-writes',
      level: 5, // below the copies' middleware, which writes through it
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          if (name !== 'columns') return table;
          return {
            ...table,
            mutate: (req) => {
              if (req.type === 'put') blockWrites += req.values.length;
              return table.mutate(req);
            },
          };
        },
      }),
    });
    const people = Array.from({ length: 2_000 }, (_, i) => newPerson(`person-${i}`, NOW));
    const progress: number[] = [];
    // The import's own writer: a slice goes down before the one before it is done.
    await db.transaction('rw', db.people, () =>
      bulkPutWithProgress(
        (slice) => db.people.bulkPut(slice),
        people,
        (n) => progress.push(n),
      ),
    );
    expect(blockWrites).toBe(16);
    expect(progress).toEqual(Array.from({ length: 8 }, (_, i) => (i + 1) * 250));
    await expectInStep(db);
  });

  it('keep the order of the writes when one that needs no read follows one that waits', async () => {
    const db = openDb();
    const before = newPerson('ana', NOW, { name: 'Before' });
    const after = newPerson('ana', NOW, { name: 'After' });
    const touch = (at: number): Touch => ({
      id: 't1',
      personSlug: 'ana',
      at,
      kind: 'meeting',
      direction: 'both',
      note: '',
      createdAt: NOW,
    });
    await db.people.put(before);
    await db.touches.add(touch(NOW));
    await db.transaction('rw', [db.people, db.touches], () =>
      Promise.all([
        // Each first write waits its turn in the copy; the second must not reach the table first.
        db.people.clear(),
        db.people.put(after),
        db.touches.delete('t1'),
        db.touches.add(touch(NOW + 3 * WEEK_MS)),
      ]),
    );
    expect(await db.people.toArray()).toEqual([after]);
    expect((await db.touches.toArray()).map((t) => t.at)).toEqual([NOW + 3 * WEEK_MS]);
    await expectInStep(db);
  });
});
