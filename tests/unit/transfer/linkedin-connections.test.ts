import { describe, expect, it } from 'vitest';
import { isNoProfileKey, newPerson } from '@/utils/model';
import {
  importConnections,
  parseConnectionsCsv,
  type ConnectionRow,
  type ConnectionsFile,
} from '@/utils/transfer/linkedin-connections';
import { linkedInDateReader, parseLinkedInDate } from '@/utils/transfer/linkedin-dates';
import { freshDb } from './db-helpers';
import { transferFixture } from './fixtures';
import { stored } from '../../support/stored';
import { findNoProfileNamesakes } from '@/utils/db/name-search';

function parsed(text: string): Extract<ConnectionsFile, { ok: true }> {
  const file = parseConnectionsCsv(text);
  if (!file.ok) throw new Error(file.error);
  return file;
}

const NOW = Date.UTC(2025, 0, 1);

describe('parseConnectionsCsv', () => {
  it('reads a current export after its Notes preamble', async () => {
    const file = parsed(transferFixture('connections-current.csv'));
    expect(file.format).toBe('current');
    expect(file.rows.map((row) => row.slug)).toEqual([
      'ada-lovelace-1815',
      'gracehopper',
      'zoë-ngô-7a1b2c3',
      'linus-example',
    ]);
    const [ada, grace, zoe] = file.rows;
    expect(ada).toMatchObject({
      line: 5,
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      position: 'Head of Research, Computing',
      connectedOn: new Date(2024, 3, 3).getTime(),
    });
    expect(grace?.company).toBe('US Navy, Reserve');
    expect(zoe).toMatchObject({ name: 'Zoë Ngô', email: null, company: 'Ünïcode GmbH' });
    expect(file.skipped).toEqual([
      { line: 7, reason: expect.stringMatching(/no name or profile URL/) },
      { line: 10, reason: expect.stringMatching(/not a LinkedIn profile URL/) },
    ]);
  });

  it('reads a BOM, CRLF and doubled quotes', async () => {
    const file = parsed(transferFixture('connections-current-bom-crlf.csv'));
    expect(file.rows).toEqual([
      expect.objectContaining({
        line: 5,
        slug: 'marie-curie',
        connectedOn: new Date(2019, 10, 7).getTime(),
      }),
      expect.objectContaining({
        line: 6,
        name: 'Jo Smith, Jr.',
        company: 'Acme, Inc.',
        position: 'Engineer "II"',
      }),
    ]);
  });

  it('reads a legacy export: no preamble, no URL, US dates with a time', async () => {
    const file = parsed(transferFixture('connections-legacy-2018.csv'));
    expect(file.format).toBe('legacy');
    expect(file.rows.map((row) => [row.slug, row.name, row.company, row.connectedOn])).toEqual([
      [null, 'Ada Lovelace', 'Analytical Engines', new Date(2018, 0, 8, 18, 14).getTime()],
      [null, 'Alan Turing', 'NPL, Teddington', new Date(2017, 11, 24, 9, 5).getTime()],
      [null, 'Unknown Person', 'Somewhere', new Date(2016, 2, 3, 0, 0).getTime()],
    ]);
    expect(file.skipped).toEqual([]);
  });

  it('reads the in-between export: a preamble but no URL column', async () => {
    const file = parsed(transferFixture('connections-2020-no-url.csv'));
    expect(file.format).toBe('legacy');
    expect(file.rows[0]).toMatchObject({
      slug: null,
      name: 'Ada Lovelace',
      connectedOn: new Date(2020, 0, 15).getTime(),
    });
  });

  it('names the problem when the file is something else', async () => {
    expect(parseConnectionsCsv('Date,ShareLink\n2024-01-01,x\n')).toEqual({
      ok: false,
      error: expect.stringMatching(/not a LinkedIn Connections\.csv/),
    });
    expect(parseConnectionsCsv('').ok).toBe(false);
  });

  it('reads 10,000 rows, reporting progress', async () => {
    const lines = ['First Name,Last Name,URL,Email Address,Company,Position,Connected On'];
    for (let i = 0; i < 10_000; i += 1) {
      lines.push(
        `Person,${i},https://www.linkedin.com/in/person-${i},,"Company ${i % 50}, Ltd",Engineer,03 Apr 2024`,
      );
    }
    const progress: number[] = [];
    const file = parseConnectionsCsv(lines.join('\n'), (done, total) =>
      progress.push(done / total),
    );
    expect(file.ok && file.rows.length).toBe(10_000);
    expect(progress.length).toBeGreaterThan(10);
    expect(progress.at(-1)).toBe(1);

    const db = freshDb();
    const rows = file.ok ? file.rows : [];
    const writes: number[] = [];
    const result = await importConnections(db, rows, NOW, (done) => writes.push(done));
    expect(result).toMatchObject({ created: 10_000, updated: 0, skipped: [] });
    expect(await db.people.count()).toBe(10_000);
    expect(writes.at(-1)).toBe(10_000);
  });
});

describe('parseLinkedInDate', () => {
  it.each([
    ['03 Apr 2024', new Date(2024, 3, 3).getTime()],
    ['1/8/18, 6:14 PM', new Date(2018, 0, 8, 18, 14).getTime()],
    ['12/1/18, 12:30 AM', new Date(2018, 11, 1, 0, 30).getTime()],
    ['01/22/2024', new Date(2024, 0, 22).getTime()],
    ['2023-05-01 14:22:10 UTC', Date.UTC(2023, 4, 1, 14, 22, 10)],
    ['2024-02-29', new Date(2024, 1, 29).getTime()],
  ])('reads %s', (text, expected) => expect(parseLinkedInDate(text)).toBe(expected));

  it.each([
    '',
    'yesterday',
    '31 Feb 2024',
    '13/1/18',
    '32 Jan 2024',
    '01 Foo 2024',
    '1/8/18, 16:14 PM',
  ])('refuses %j', (text) => expect(parseLinkedInDate(text)).toBeNull());

  it('reads the same through a reader that remembers the dates it has read', () => {
    const read = linkedInDateReader();
    const texts = ['03 Apr 2024', 'yesterday', '31 Feb 2024', '1/8/18, 6:14 PM'];
    for (const text of [...texts, ...texts]) expect(read(text)).toBe(parseLinkedInDate(text));
  });
});

describe('importConnections', () => {
  const row = (fields: Partial<ConnectionRow>): ConnectionRow => ({
    line: 2,
    slug: null,
    profileUrl: '',
    firstName: '',
    lastName: '',
    name: '',
    email: null,
    company: '',
    position: '',
    connectedOn: null,
    ...fields,
  });

  it('creates, refreshes and never blanks what the user has; matches URL-less rows by name', async () => {
    const db = freshDb();
    await db.people.bulkPut(
      [
        newPerson('ada', 0, {
          name: 'Ada Lovelace',
          company: 'Babbage & Co',
          headline: 'My mentor',
          roles: ['mentor'],
        }),
        newPerson('alan', 0, { name: 'Alan Turing', aliases: ['alan-turing-old'] }),
        newPerson('twin-1', 0, { name: 'Sam Twin' }),
        newPerson('twin-2', 0, { name: 'Sam Twin' }),
      ].map(stored),
    );
    const result = await importConnections(
      db,
      [
        row({
          line: 2,
          slug: 'ada',
          name: 'Ada Lovelace',
          profileUrl: 'https://www.linkedin.com/in/ada',
        }),
        row({
          line: 3,
          slug: 'alan-turing-old',
          name: 'Alan Turing',
          company: 'NPL',
          position: 'Mathematician',
        }),
        row({
          line: 4,
          slug: 'grace',
          profileUrl: 'https://www.linkedin.com/in/grace/',
          name: 'Grace Hopper',
          company: 'Navy',
          position: 'Admiral',
        }),
        row({ line: 5, name: 'ada  LOVELACE', position: 'Countess' }),
        row({ line: 6, name: 'Sam Twin', company: 'X' }),
        row({ line: 7, name: 'Nobody Known' }),
      ],
      NOW,
    );
    expect(result).toEqual({
      created: 2,
      withoutProfile: 1,
      updated: 2,
      unchanged: 1,
      skipped: [{ line: 6, reason: 'no profile URL, and 2 people are named Sam Twin' }],
    });
    // Someone nobody knew is kept, without a profile until the user links one.
    const [kept] = await findNoProfileNamesakes(db, 'nobody known');
    expect(kept).toMatchObject({ name: 'Nobody Known', profileUrl: '', roles: [] });
    expect(isNoProfileKey(kept!.slug)).toBe(true);
    expect(await db.people.get('ada')).toMatchObject({
      name: 'Ada Lovelace',
      company: 'Babbage & Co',
      headline: 'Countess',
      roles: ['mentor'],
      updatedAt: NOW,
    });
    expect(await db.people.get('alan')).toMatchObject({
      company: 'NPL',
      headline: 'Mathematician',
      updatedAt: NOW,
    });
    expect(await db.people.get('grace')).toMatchObject({
      name: 'Grace Hopper',
      headline: 'Admiral',
      profileUrl: 'https://www.linkedin.com/in/grace/',
      createdAt: NOW,
    });
    expect(await db.people.get('twin-1')).toMatchObject({ company: '' });
  });

  it('keeps the people of an export without URLs, once each, whatever the times it is imported', async () => {
    const db = freshDb();
    const file = parsed(transferFixture('connections-legacy-2018.csv'));
    expect(file.format).toBe('legacy');
    const first = await importConnections(db, file.rows, NOW);
    expect(first.created).toBe(file.rows.length);
    expect(first.withoutProfile).toBe(file.rows.length);
    const people = await db.people.toArray();
    expect(people.every((person) => isNoProfileKey(person.slug) && !person.tracked)).toBe(true);
    // A second import finds each by name and changes nothing: nobody is stored twice.
    const again = await importConnections(db, file.rows, NOW + 1);
    expect(again).toMatchObject({ created: 0, withoutProfile: 0, unchanged: file.rows.length });
    expect(await db.people.count()).toBe(file.rows.length);
  });

  it('keeps two rows of one name without URLs as two people', async () => {
    const db = freshDb();
    const result = await importConnections(
      db,
      [
        row({ line: 2, name: 'Sam Lee', company: 'A' }),
        row({ line: 3, name: 'Sam Lee', company: 'B' }),
      ],
      NOW,
    );
    expect(result).toMatchObject({ created: 2, withoutProfile: 2, skipped: [] });
    expect((await findNoProfileNamesakes(db, 'sam lee')).map((p) => p.company).sort()).toEqual([
      'A',
      'B',
    ]);
  });

  it('imports the same file twice without changing anything the second time', async () => {
    const db = freshDb();
    const file = parsed(transferFixture('connections-current.csv'));
    expect((await importConnections(db, file.rows, NOW)).created).toBe(4);
    expect(await importConnections(db, file.rows, NOW + 1)).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 4,
    });
  });
});
