import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { newPerson } from '@/utils/model';
import {
  importArchive,
  parseArchive,
  parseMessagesCsv,
  readArchive,
  type LinkedInArchive,
} from '@/utils/transfer/linkedin-archive';
import { freshDb } from './db-helpers';
import { transferFixture } from './fixtures';
import { stored } from '../../support/stored';

const NOW = Date.UTC(2025, 0, 1);
const connections = transferFixture('connections-current.csv');
const messages = transferFixture('messages.csv');

function mustRead(bytes: Uint8Array): LinkedInArchive {
  const result = readArchive(bytes);
  if (!result.ok) throw new Error(result.error);
  return result.archive;
}

describe('readArchive', () => {
  it('finds both files in any folder and case, and ignores the rest', () => {
    const zip = zipSync({
      'Basic_LinkedInDataExport_01-01-2025/CONNECTIONS.CSV': strToU8(connections),
      'Basic_LinkedInDataExport_01-01-2025/messages.csv': strToU8(messages),
      'Basic_LinkedInDataExport_01-01-2025/guide_messages.csv': strToU8('CONVERSATION ID\nx\n'),
      'Profile.csv': strToU8('First Name\nMe\n'),
    });
    expect(mustRead(zip)).toEqual({ connectionsCsv: connections, messagesCsv: messages });
  });

  it('names the problem for a non-ZIP and for a ZIP without either file', () => {
    expect(readArchive(strToU8('First Name,Last Name\n'))).toEqual({
      ok: false,
      error: expect.stringMatching(/not a ZIP/),
    });
    expect(readArchive(zipSync({ 'Profile.csv': strToU8('x') }))).toEqual({
      ok: false,
      error: expect.stringMatching(/neither Connections\.csv nor messages\.csv/),
    });
  });
});

describe('parseMessagesCsv', () => {
  it('makes one touch per person per day, the owner being the most common sender', async () => {
    const file = parseMessagesCsv(messages);
    if (!file.ok) throw new Error(file.error);
    expect(file.owner).toBe('Me Myself');
    expect(file.touches.map((t) => [t.slug ?? t.name, t.direction, t.at, t.subject])).toEqual([
      ['ada-lovelace-1815', 'both', Date.UTC(2024, 3, 3, 9, 0), 'Lunch?'],
      ['gracehopper', 'received', Date.UTC(2024, 3, 4, 10, 0), ''],
      ['ada-lovelace-1815', 'gave', Date.UTC(2024, 3, 5, 8, 0), ''],
      ['linus-example', 'gave', Date.UTC(2024, 3, 5, 8, 0), ''],
      ['stranger-danger', 'received', Date.UTC(2024, 3, 6, 8, 0), ''],
    ]);
    // Line 3 holds a message over two lines, so the rows after it start one line later.
    expect(file.skipped).toEqual([
      { line: 6, reason: 'a draft that was never sent' },
      { line: 11, reason: 'no readable date (“not a date”)' },
      { line: 9, reason: 'no one but you in this message' },
    ]);
    expect(JSON.stringify(file)).not.toMatch(/secret/i);
  });

  it('refuses a file without the LinkedIn header', async () => {
    expect(parseMessagesCsv('a,b\n1,2\n').ok).toBe(false);
  });
});

describe('importArchive', () => {
  it('imports connections and message touches in one go, and a second run adds nothing', async () => {
    const db = freshDb();
    await db.people.put(
      stored(newPerson('linus-example', 0, { name: 'Linus Example', roles: ['ally'] })),
    );
    const archive = mustRead(
      zipSync({ 'Connections.csv': strToU8(connections), 'messages.csv': strToU8(messages) }),
    );
    const progress: number[] = [];
    const parsed = parseArchive(archive);
    const result = await importArchive(db, parsed, NOW, (done, total) =>
      progress.push(done / total),
    );

    expect(result.problems).toEqual([]);
    expect(result.connections).toMatchObject({ created: 3, updated: 0, unchanged: 1 });
    expect(result.messages).toEqual({
      added: 4,
      alreadyThere: 0,
      skipped: [
        { line: 6, reason: 'a draft that was never sent' },
        { line: 11, reason: 'no readable date (“not a date”)' },
        { line: 9, reason: 'no one but you in this message' },
        { line: 10, reason: 'Stranger Danger is not among your people' },
      ],
    });
    const touches = (await db.touches.toArray()).sort(
      (x, y) => x.at - y.at || x.personSlug.localeCompare(y.personSlug),
    );
    expect(touches.map((t) => [t.personSlug, t.kind, t.direction])).toEqual([
      ['ada-lovelace-1815', 'message', 'both'],
      ['gracehopper', 'message', 'received'],
      ['ada-lovelace-1815', 'message', 'gave'],
      ['linus-example', 'message', 'gave'],
    ]);
    expect(progress.at(-1)).toBe(1);
    expect([...progress].sort((x, y) => x - y)).toEqual(progress);

    const again = await importArchive(db, parseArchive(archive), NOW + 1);
    expect(again.messages).toMatchObject({ added: 0, alreadyThere: 4 });
    expect(again.connections).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
    expect(await db.touches.count()).toBe(4);
  });

  it('reports a file it cannot read and still imports the other', async () => {
    const db = freshDb();
    const result = await importArchive(
      db,
      parseArchive({ connectionsCsv: 'nonsense\n', messagesCsv: null }),
      NOW,
    );
    expect(result.problems).toEqual([
      expect.stringMatching(/^Connections\.csv: This is not a LinkedIn/),
    ]);
    expect(await db.people.count()).toBe(0);
  });
});
