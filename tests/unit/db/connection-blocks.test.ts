/**
 * People an import brings in are kept in connection blocks, and every reader of the people table
 * still finds them: by key, in full reads, in pages, by count, in live queries. A person written
 * or deleted leaves their block in the same transaction, so each person is stored once.
 */
import { liveQuery, type DBCore, type Middleware } from 'dexie';
import { describe, expect, it } from 'vitest';
import { readPeopleColumns } from '@/utils/db/columns';
import { findPeopleByName } from '@/utils/db/people-list';
import {
  deleteEverything,
  deletePerson,
  findRecordedPeopleByKeys,
  findPerson,
  mergePeople,
  toggleRole,
  updatePerson,
} from '@/utils/db/records';
import type { AllianceDb } from '@/utils/db/schema';
import { DEFAULT_SETTINGS, newPerson, type Person } from '@/utils/model';
import { importConnections, type ConnectionRow } from '@/utils/transfer/linkedin-connections';
import { readPeopleInPages } from '@/utils/transfer/pacing';
import { putImportedPeople } from '@/utils/transfer/imported-people';
import { applyImport, exportBackup } from '@/utils/transfer/backup';
import { parseBackup } from '@/utils/transfer/backup-format';
import { storedPlaces } from '../../support/stored-places';
import { freshDb } from '../transfer/db-helpers';

const NOW = Date.UTC(2026, 11, 2, 9);

function rows(count: number, fields: Partial<ConnectionRow> = {}): ConnectionRow[] {
  return Array.from({ length: count }, (_, i) => ({
    line: i + 5,
    slug: `person-${String(i).padStart(4, '0')}`,
    profileUrl: `https://www.linkedin.com/in/person-${String(i).padStart(4, '0')}`,
    firstName: 'Person',
    lastName: String(i),
    name: `Person ${i}`,
    email: null,
    company: 'Initech',
    position: 'Engineer',
    connectedOn: null,
    ...fields,
  }));
}

/** Counts the records each store is asked to write, below every middleware of ours. */
function countWrites(db: AllianceDb): Record<string, number> {
  const counts: Record<string, number> = {};
  const counter: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'count-writes',
    level: 5,
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (req) => {
            if (req.type === 'put' || req.type === 'add') {
              counts[name] = (counts[name] ?? 0) + req.values.length;
            }
            return table.mutate(req);
          },
        };
      },
    }),
  };
  db.use(counter);
  return counts;
}

describe('connection blocks', () => {
  it('hold an import of new people in a few hundred records, not one per person', async () => {
    const db = freshDb();
    const writes = countWrites(db);
    expect((await importConnections(db, rows(3_000), NOW)).created).toBe(3_000);
    expect(writes.people).toBeUndefined();
    expect(writes.connections).toBe(256);
    const places = await storedPlaces(db);
    expect(places.table).toEqual([]);
    expect(places.blocks).toHaveLength(3_000);
  });

  it('answer every read of the people table', async () => {
    const db = freshDb();
    await db.people.bulkPut([
      newPerson('person-0001-tagged', NOW, { roles: ['ally'] }),
      newPerson('zed', NOW, { memberId: 'ACoAAZ', aliases: ['ACoAAZ', 'zed-old'] }),
    ]);
    await importConnections(db, rows(40), NOW);
    const all = [...rows(40).map((row) => row.slug!), 'person-0001-tagged', 'zed'].sort();

    expect((await db.people.toArray()).map((p) => p.slug)).toEqual(all);
    expect(await db.people.count()).toBe(42);
    expect(await db.people.toCollection().primaryKeys()).toEqual(all);
    expect((await db.people.reverse().toArray()).map((p) => p.slug)).toEqual([...all].reverse());
    expect(
      (await db.people.where(':id').above('person-0010').limit(3).toArray()).map((p) => p.slug),
    ).toEqual(['person-0011', 'person-0012', 'person-0013']);
    expect((await readPeopleInPages(db)).map((p) => p.slug)).toEqual(all);

    expect(await db.people.get('person-0007')).toMatchObject({
      name: 'Person 7',
      company: 'Initech',
      headline: 'Engineer',
    });
    expect(await db.people.get('nobody')).toBeUndefined();
    expect((await db.people.bulkGet(['person-0003', 'nobody', 'zed'])).map((p) => p?.slug)).toEqual(
      ['person-0003', undefined, 'zed'],
    );
    expect((await findPerson(db, 'person-0039'))?.name).toBe('Person 39');
    expect((await findPerson(db, 'zed-old'))?.slug).toBe('zed');
    // A list's lookup wants people with a record of their own: tagged ones are never in blocks.
    const byKeys = await findRecordedPeopleByKeys(db, [
      'person-0002',
      'person-0001-tagged',
      'ACoAAZ',
      'nobody',
    ]);
    expect([...byKeys].map(([key, person]) => [key, person.slug])).toEqual([
      ['person-0001-tagged', 'person-0001-tagged'],
      ['ACoAAZ', 'zed'],
    ]);
    // The picker's scan by company reaches the blocks too.
    expect((await findPeopleByName(db, 'initech', 5)).map((p) => p.slug)).toHaveLength(5);
    expect((await readPeopleColumns(db)).map((p) => p.slug)).toEqual(all);
  });

  it('let a person leave their block when they are written, and only them', async () => {
    const db = freshDb();
    await importConnections(db, rows(600), NOW);
    await toggleRole(db, { slug: 'person-0005' }, 'mentor', NOW + 1);
    await updatePerson(db, 'person-0006', { company: 'Globex' }, NOW + 1);
    await db.people.update('person-0007', { stance: 'champion' });
    const places = await storedPlaces(db);
    expect(places.table).toEqual(['person-0005', 'person-0006', 'person-0007']);
    expect(places.blocks).toHaveLength(597);
    expect(await db.people.get('person-0005')).toMatchObject({
      name: 'Person 5',
      company: 'Initech',
      roles: ['mentor'],
    });
    expect((await db.people.get('person-0006'))?.company).toBe('Globex');
    expect((await db.people.get('person-0007'))?.stance).toBe('champion');
    expect(await db.people.count()).toBe(600);
  });

  it('keep tagged people and people with an alias in the table, even when new', async () => {
    const db = freshDb();
    await db.transaction('rw', db.people, db.connections, () =>
      putImportedPeople(
        db,
        [
          newPerson('tagged', NOW, { roles: ['mentor'] }),
          newPerson('renamed', NOW, { aliases: ['renamed-old'] }),
          newPerson('member', NOW, { memberId: 'ACoAAM' }),
          newPerson('plain', NOW),
        ],
        () => true,
      ),
    );
    expect(await storedPlaces(db)).toEqual({
      table: ['member', 'renamed', 'tagged'],
      blocks: ['plain'],
    });
  });

  it('move someone out of their block when an import gives them what a block cannot hold', async () => {
    const db = freshDb();
    const put = (people: Person[], isNew: boolean) =>
      db.transaction('rw', db.people, db.connections, () =>
        putImportedPeople(db, people, () => isNew),
      );
    // 'ana' and 'ana-afh' share a block.
    await put([newPerson('ana', NOW), newPerson('ana-afh', NOW), newPerson('ben', NOW)], true);
    await put(
      [newPerson('ana', NOW, { memberId: 'ACoAAA' }), newPerson('ben', NOW, { roles: ['ally'] })],
      false,
    );
    expect(await storedPlaces(db)).toEqual({ table: ['ana', 'ben'], blocks: ['ana-afh'] });
    expect((await db.people.get('ana'))?.memberId).toBe('ACoAAA');
    expect(await readPeopleColumns(db)).toHaveLength(3);
  });

  it('refuse to add a person a block holds, as the table refuses a key it has', async () => {
    const db = freshDb();
    await importConnections(db, rows(3), NOW);
    await expect(db.people.add(newPerson('person-0001', NOW, { name: 'Other' }))).rejects.toThrow(
      /exists/,
    );
    await db.people.bulkAdd([newPerson('new-one', NOW)]);
    expect((await db.people.get('person-0001'))?.name).toBe('Person 1');
    expect((await storedPlaces(db)).table).toEqual(['new-one']);
  });

  it('lose the people deleted, merged away or cleared', async () => {
    const db = freshDb();
    await importConnections(db, rows(10), NOW);
    await deletePerson(db, 'person-0001');
    await mergePeople(db, 'person-0002', 'person-0003', NOW + 1);
    await db.people.where(':id').between('person-0007', 'person-0009', true, true).delete();
    expect((await db.people.toArray()).map((p) => p.slug)).toEqual([
      'person-0000',
      'person-0003',
      'person-0004',
      'person-0005',
      'person-0006',
    ]);
    expect((await storedPlaces(db)).table).toEqual(['person-0003']);
    expect((await readPeopleColumns(db)).map((p) => p.slug)).toHaveLength(5);
    await deleteEverything(db);
    expect(await storedPlaces(db)).toEqual({ table: [], blocks: [] });
    expect(await readPeopleColumns(db)).toEqual([]);
  });

  it('take a re-import where each person is: blocks for the untouched, the table for the rest', async () => {
    const db = freshDb();
    const writes = countWrites(db);
    await importConnections(db, rows(20), NOW);
    await toggleRole(db, { slug: 'person-0004' }, 'ally', NOW + 1);
    writes.people = 0;
    const result = await importConnections(db, rows(20, { company: 'Globex' }), NOW + 2);
    expect(result).toMatchObject({ created: 0, updated: 20 });
    expect(writes.people).toBe(1);
    expect((await db.people.toArray()).every((p) => p.company === 'Globex')).toBe(true);
    expect((await db.people.get('person-0004'))?.roles).toEqual(['ally']);
    const places = await storedPlaces(db);
    expect(places.table).toEqual(['person-0004']);
    expect(places.blocks).toHaveLength(19);
  });

  it('tell a live query when an import changes the person it shows', async () => {
    const db = freshDb();
    await importConnections(db, rows(5), NOW);
    const seen: Array<string | undefined> = [];
    const subscription = liveQuery(() => findPerson(db, 'person-0002')).subscribe((person) =>
      seen.push(person?.company),
    );
    try {
      await expect.poll(() => seen).toEqual(['Initech']);
      await importConnections(db, rows(5, { company: 'Globex' }), NOW + 1);
      await expect.poll(() => seen).toEqual(['Initech', 'Globex']);
    } finally {
      subscription.unsubscribe();
    }
  });

  it('take a backup restored over them, replacing or merging, in one transaction', async () => {
    for (const mode of ['replace', 'merge'] as const) {
      const source = freshDb();
      await source.people.bulkPut([
        newPerson('ana', NOW),
        newPerson('ben', NOW, { roles: ['ally'] }),
      ]);
      await source.ties.put({
        id: 'tie-1',
        a: 'ana',
        b: 'ben',
        label: 'Same team',
        createdAt: NOW,
      });
      const parsed = parseBackup(await exportBackup(source, DEFAULT_SETTINGS, NOW));
      if (!parsed.ok) throw new Error(parsed.error);
      const target = freshDb();
      await importConnections(target, rows(30), NOW);
      await applyImport(target, parsed.backup, mode);
      const slugs = (await target.people.toArray()).map((person) => person.slug);
      expect(slugs).toEqual(
        mode === 'replace' ? ['ana', 'ben'] : ['ana', 'ben', ...rows(30).map((row) => row.slug!)],
      );
      expect(await target.ties.count()).toBe(1);
      expect((await storedPlaces(target)).table).toEqual(['ana', 'ben']);
    }
  });
});
