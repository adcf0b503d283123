/**
 * Importing LinkedIn's own data export from a file the user picked: a Connections.csv or the
 * whole archive ZIP. Reads the file, runs the core importers (utils/transfer) and turns their
 * results into one report: what was created or updated, and each skipped line with its reason.
 */
import type { AllianceDb } from '@/utils/db/schema';
import { plural } from '@/utils/format';
import { describeFailedWrite } from './errors';
import type { ProgressListener } from '@/utils/transfer/pacing';
import {
  importConnections,
  parseConnectionsCsv,
  type SkippedLine,
} from '@/utils/transfer/linkedin-connections';
import {
  importArchive,
  readArchive,
  type ArchiveImportResult,
} from '@/utils/transfer/linkedin-archive';

/** What the page shows after an import: a headline, details, and the lines left out. */
export interface LinkedInImportReport {
  ok: boolean;
  summary: string;
  details: string[];
  /** Skipped lines, each named with its file. */
  skipped: Array<SkippedLine & { file: string }>;
}

/** How much of a parse is the share of the bar before writing starts. */
const PARSE_SHARE = 0.8;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** A ZIP starts with `PK\x03\x04`, whatever its name says. */
export function isZip(firstBytes: Uint8Array): boolean {
  return ZIP_MAGIC.every((byte, index) => firstBytes[index] === byte);
}

/** A report of an import that changed nothing. */
export function failure(summary: string): LinkedInImportReport {
  return { ok: false, summary, details: [], skipped: [] };
}

function peopleLine(result: { created: number; updated: number; unchanged: number }): string {
  return `People: ${result.created} new, ${result.updated} updated, ${result.unchanged} unchanged.`;
}

function skippedSentence(count: number): string {
  return count ? `${plural(count, 'line')} skipped (see below).` : 'No line was skipped.';
}

/** Imports a Connections.csv's text; the database is unchanged when the file is not one. */
export async function importConnectionsText(
  db: AllianceDb,
  text: string,
  now: number,
  onProgress?: ProgressListener,
): Promise<LinkedInImportReport> {
  const fraction = (share: number, offset: number) => (done: number, total: number) =>
    onProgress?.(offset + share * (done / Math.max(total, 1)), 1);
  const file = parseConnectionsCsv(text, fraction(PARSE_SHARE, 0));
  if (!file.ok) return failure(file.error);
  const result = await importConnections(
    db,
    file.rows,
    now,
    fraction(1 - PARSE_SHARE, PARSE_SHARE),
  );
  const skipped = [...file.skipped, ...result.skipped]
    .sort((x, y) => x.line - y.line)
    .map((line) => ({ ...line, file: 'Connections.csv' }));
  return {
    ok: true,
    summary: `Imported Connections.csv. ${skippedSentence(skipped.length)}`,
    details: [peopleLine(result)],
    skipped,
  };
}

/** The report of an archive import (pure, for the page and the tests). */
export function archiveReport(result: ArchiveImportResult): LinkedInImportReport {
  const details: string[] = [];
  const skipped: LinkedInImportReport['skipped'] = [];
  if (result.connections) {
    details.push(peopleLine(result.connections));
    skipped.push(
      ...result.connections.skipped.map((line) => ({ ...line, file: 'Connections.csv' })),
    );
  }
  if (result.messages) {
    details.push(
      `Messages: ${plural(result.messages.added, 'day in touch', 'days in touch')} logged, ${result.messages.alreadyThere} already there.`,
    );
    skipped.push(...result.messages.skipped.map((line) => ({ ...line, file: 'messages.csv' })));
  }
  details.push(...result.problems.map((problem) => `Not imported: ${problem}`));
  const imported = Boolean(result.connections || result.messages);
  return {
    ok: imported,
    summary: imported
      ? `Imported the LinkedIn archive. ${skippedSentence(skipped.length)}`
      : 'Nothing in this archive could be imported.',
    details,
    skipped,
  };
}

/** Imports an archive's bytes; the database is unchanged when the archive cannot be read. */
export async function importArchiveBytes(
  db: AllianceDb,
  bytes: Uint8Array,
  now: number,
  onProgress?: ProgressListener,
): Promise<LinkedInImportReport> {
  // Unzipping is one synchronous call: the bar shows the import started.
  onProgress?.(0, 1);
  const read = readArchive(bytes);
  if (!read.ok) return failure(read.error);
  return archiveReport(await importArchive(db, read.archive, now, onProgress));
}

/**
 * Imports a picked file into a database instance of its own (the import worker's, with relaxed
 * durability: a bulk import, DESIGN.md), closed afterwards. Never throws: a failed write is
 * reported, and the one transaction it ran in leaves the database as it was.
 */
export async function importLinkedInFile(
  file: Blob,
  now: number,
  onProgress: ProgressListener | undefined,
  openDb: () => AllianceDb,
): Promise<LinkedInImportReport> {
  const db = openDb();
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (isZip(bytes)) return await importArchiveBytes(db, bytes, now, onProgress);
    const text = new TextDecoder('utf-8').decode(bytes);
    return await importConnectionsText(db, text, now, onProgress);
  } catch (error) {
    return failure(describeFailedWrite(error));
  } finally {
    db.close();
  }
}

/** Skipped lines shown in the page; the rest are counted, so a huge file cannot flood it. */
export const SKIPPED_SHOWN = 100;

/** The skipped lines to list, and how many more there are. */
export function skippedPreview(
  skipped: LinkedInImportReport['skipped'],
  limit = SKIPPED_SHOWN,
): { shown: LinkedInImportReport['skipped']; more: number } {
  return { shown: skipped.slice(0, limit), more: Math.max(0, skipped.length - limit) };
}
