import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  archiveReport,
  connectionsReport,
  isZip,
  readLinkedInFile,
  skippedPreview,
  stepProgress,
  writeLinkedInFile,
} from '@/utils/transfer/linkedin-import';
import type { AllianceDb } from '@/utils/db/schema';
import { newPerson } from '@/utils/model';
import { freshDb } from './db-helpers';
import { transferFixture } from './fixtures';
import { stored } from '../../support/stored';

const NOW = Date.UTC(2025, 0, 1);

/**
 * Reads `file` and writes it into `db`, as the import worker does, on one progress bar; checks
 * that a write closed the instance it opened.
 */
async function importInto(db: AllianceDb, file: Blob, progress: number[] = []) {
  const onProgress = (done: number, total: number) => progress.push(done / total);
  const read = await readLinkedInFile(file, stepProgress('read', onProgress));
  let opened = false;
  const report = await writeLinkedInFile(read, NOW, stepProgress('write', onProgress), () => {
    opened = true;
    return db;
  });
  if (opened) {
    expect(db.isOpen()).toBe(false);
    await db.open();
  }
  return report;
}

describe('isZip', () => {
  it('knows a ZIP by its first bytes, not its name', () => {
    expect(isZip(zipSync({ 'a.txt': strToU8('a') }))).toBe(true);
    expect(isZip(strToU8('First Name,Last Name'))).toBe(false);
    expect(isZip(new Uint8Array())).toBe(false);
  });
});

describe('readLinkedInFile and writeLinkedInFile', () => {
  it('imports a Connections.csv and reports each skipped line with its reason', async () => {
    const db = freshDb();
    const progress: number[] = [];
    const report = await importInto(
      db,
      new Blob([transferFixture('connections-current.csv')]),
      progress,
    );
    expect(report).toEqual({
      ok: true,
      changed: true,
      summary: 'Imported Connections.csv. 2 lines skipped (see below).',
      details: ['People: 4 new, 0 updated, 0 unchanged.'],
      skipped: [
        {
          file: 'Connections.csv',
          line: 7,
          reason: expect.stringMatching(/no name or profile URL/),
        },
        {
          file: 'Connections.csv',
          line: 10,
          reason: expect.stringMatching(/not a LinkedIn profile URL/),
        },
      ],
    });
    expect((await db.people.toArray()).map((p) => p.name).sort()).toEqual([
      'Ada Lovelace',
      'Grace Hopper',
      'Linus Example',
      'Zoë Ngô',
    ]);
    expect(progress.at(-1)).toBe(1);
    expect(
      progress.every((value, i) => value >= 0 && value <= 1 && value >= (progress[i - 1] ?? 0)),
    ).toBe(true);
  });

  it('imports the whole archive: connections and messages', async () => {
    const db = freshDb();
    const zip = zipSync({
      'export/Connections.csv': strToU8(transferFixture('connections-current.csv')),
      'export/messages.csv': strToU8(transferFixture('messages.csv')),
    });
    const report = await importInto(db, new Blob([zip]));
    expect(report.ok).toBe(true);
    expect(report.summary).toMatch(/^Imported the LinkedIn archive\./);
    expect(report.details[0]).toBe('People: 4 new, 0 updated, 0 unchanged.');
    expect(report.details[1]).toMatch(/^Messages: \d+ days? in touch logged, 0 already there\.$/);
    expect(await db.touches.count()).toBeGreaterThan(0);
    expect(report.skipped.some((line) => line.file === 'messages.csv')).toBe(true);
  });

  it('changes nothing and names the problem for a file that is not an export', async () => {
    const db = freshDb();
    await db.people.put(stored(newPerson('ada', NOW, { name: 'Ada' })));
    const before = await db.people.toArray();
    const csv = await importInto(db, new Blob(['name,phone\nAda,123\n']));
    expect(csv).toMatchObject({
      ok: false,
      summary: expect.stringMatching(/not a LinkedIn Connections\.csv/),
    });
    const zip = await importInto(db, new Blob([zipSync({ 'Profile.csv': strToU8('x') })]));
    expect(zip).toMatchObject({
      ok: false,
      summary: expect.stringMatching(/neither Connections\.csv/),
    });
    expect(await db.people.toArray()).toEqual(before);
  });

  it('reports a failed write without throwing', async () => {
    const db = freshDb();
    const read = await readLinkedInFile(new Blob([transferFixture('connections-current.csv')]));
    const report = await writeLinkedInFile(read, NOW, undefined, () => {
      // A closed instance refuses every transaction (Dexie 4 does not reopen it by itself).
      db.close();
      return db;
    });
    expect(report.ok).toBe(false);
    expect(report.summary).toMatch(/^The import failed and nothing was changed: /);
  });
});

describe('archiveReport', () => {
  it('lists files that could not be read, and fails when nothing could be', () => {
    expect(
      archiveReport({ connections: null, messages: null, problems: ['messages.csv: bad'] }),
    ).toEqual({
      ok: false,
      changed: false,
      summary: 'Nothing in this archive could be imported.',
      details: ['Not imported: messages.csv: bad'],
      skipped: [],
    });
  });
});

describe('an import that brings nobody in', () => {
  const file = { ok: true as const, rows: [], skipped: [], format: 'current' as const };
  const result = { created: 0, withoutProfile: 0, updated: 0, unchanged: 0, skipped: [] };

  it('is not reported as a success', () => {
    expect(connectionsReport(file, result)).toMatchObject({
      ok: true,
      changed: false,
      summary: 'Nobody was imported from Connections.csv. No line was skipped.',
    });
  });

  it('says when everyone was already there', () => {
    expect(connectionsReport(file, { ...result, unchanged: 3 })).toMatchObject({
      changed: false,
      summary:
        'Everyone in Connections.csv was already here: nothing changed. No line was skipped.',
    });
  });

  it('says how many came without a profile URL', () => {
    expect(connectionsReport(file, { ...result, created: 3, withoutProfile: 2 }).details).toEqual([
      'People: 3 new (2 without a profile URL: open their profile on LinkedIn and link it from the side panel), 0 updated, 0 unchanged.',
    ]);
  });
});

describe('skippedPreview', () => {
  it('shows the first lines and counts the rest', () => {
    const skipped = Array.from({ length: 5 }, (_, i) => ({ file: 'f', line: i + 1, reason: 'r' }));
    expect(skippedPreview(skipped, 3)).toEqual({ shown: skipped.slice(0, 3), more: 2 });
    expect(skippedPreview(skipped, 10)).toEqual({ shown: skipped, more: 0 });
  });
});
