/**
 * Importing LinkedIn's own data export from a file the user picked: a Connections.csv or the
 * whole archive ZIP. Reading the file (which changes nothing) and writing it are two steps, so
 * that a file is read as soon as it is picked; the core importers (utils/transfer) do the work,
 * and their results become one report: what was created or updated, and each skipped line with
 * its reason.
 */
import type { AllianceDb } from '@/utils/db/schema';
import { english } from '@/utils/i18n/english';
import type { Translator } from '@/utils/i18n/translator';
import { describeFailedWrite } from '@/utils/db/write-errors';
import { partOf, type ProgressListener } from '@/utils/transfer/pacing';
import {
  importConnections,
  parseConnectionsCsv,
  type ConnectionsFile,
  type SkippedLine,
} from '@/utils/transfer/linkedin-connections';
import {
  importArchive,
  parseArchive,
  readArchive,
  type ArchiveImportResult,
  type ParsedArchive,
} from '@/utils/transfer/linkedin-archive';

/** What the page shows after an import: a headline, details, and the lines left out. */
export interface LinkedInImportReport {
  /** The file was read and written (or refused, and nothing changed). */
  ok: boolean;
  /** Someone was brought in or updated, or a day in touch logged: the import did something. */
  changed: boolean;
  summary: string;
  details: string[];
  /** Skipped lines, each named with its file. */
  skipped: Array<SkippedLine & { file: string }>;
}

/** Reading a file's 10,000 rows takes about a tenth of their import; writing them the rest. */
const READ_SHARE = 0.1;

/** `onProgress` of a whole import, fed by one of its steps: reading, or writing. */
export function stepProgress(
  step: 'read' | 'write',
  onProgress: ProgressListener | undefined,
): ProgressListener {
  return step === 'read'
    ? partOf(onProgress, 0, READ_SHARE)
    : partOf(onProgress, READ_SHARE, 1 - READ_SHARE);
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** A ZIP starts with `PK\x03\x04`, whatever its name says. */
export function isZip(firstBytes: Uint8Array): boolean {
  return ZIP_MAGIC.every((byte, index) => firstBytes[index] === byte);
}

/** A report of an import that changed nothing. */
export function failure(summary: string): LinkedInImportReport {
  return { ok: false, changed: false, summary, details: [], skipped: [] };
}

type PeopleResult = Awaited<ReturnType<typeof importConnections>>;

function peopleLine(result: PeopleResult, t: Translator): string {
  const { created, withoutProfile, updated, unchanged } = result;
  return withoutProfile
    ? t.t('import_peopleWithoutProfile', { created, withoutProfile, updated, unchanged })
    : t.t('import_people', { created, updated, unchanged });
}

/** The headline of an import that was written: what it did, or that it brought nobody in. */
function headline(
  t: Translator,
  file: string,
  result: PeopleResult | null,
  touchesAdded = 0,
): string {
  if ((result && result.created + result.updated > 0) || touchesAdded > 0)
    return t.t('import_done', { file });
  return result && result.unchanged > 0
    ? t.t('import_alreadyHere', { file })
    : t.t('import_nobody', { file });
}

/** The headline, then how many lines were skipped. */
function summaryOf(t: Translator, headline: string, skipped: number): string {
  const sentence = skipped ? t.n('import_skipped', skipped) : t.t('import_noneSkipped');
  return t.t('import_summary', { headline, skipped: sentence });
}

/** The report of a Connections.csv import (pure). */
export function connectionsReport(
  file: Extract<ConnectionsFile, { ok: true }>,
  result: PeopleResult,
  t: Translator = english,
): LinkedInImportReport {
  const skipped = [...file.skipped, ...result.skipped]
    .sort((x, y) => x.line - y.line)
    .map((line) => ({ ...line, file: 'Connections.csv' }));
  return {
    ok: true,
    changed: result.created + result.updated > 0,
    summary: summaryOf(t, headline(t, 'Connections.csv', result), skipped.length),
    details: [peopleLine(result, t)],
    skipped,
  };
}

/** The report of an archive import (pure, for the page and the tests). */
export function archiveReport(
  result: ArchiveImportResult,
  t: Translator = english,
): LinkedInImportReport {
  const details: string[] = [];
  const skipped: LinkedInImportReport['skipped'] = [];
  if (result.connections) {
    details.push(peopleLine(result.connections, t));
    skipped.push(
      ...result.connections.skipped.map((line) => ({ ...line, file: 'Connections.csv' })),
    );
  }
  if (result.messages) {
    details.push(
      t.n('import_messages', result.messages.added, { already: result.messages.alreadyThere }),
    );
    skipped.push(...result.messages.skipped.map((line) => ({ ...line, file: 'messages.csv' })));
  }
  details.push(...result.problems.map((problem) => t.t('import_notImported', { problem })));
  const imported = Boolean(result.connections || result.messages);
  const added = result.messages?.added ?? 0;
  const people = result.connections;
  return {
    ok: imported,
    changed: (people ? people.created + people.updated : 0) + added > 0,
    summary: imported
      ? summaryOf(t, headline(t, t.t('import_theArchive'), people, added), skipped.length)
      : t.t('import_archiveNothing'),
    details,
    skipped,
  };
}

/** A picked file, read: what importing it will write, or the report of why it cannot be. */
export type ReadLinkedInFile =
  | { ok: true; kind: 'connections'; file: Extract<ConnectionsFile, { ok: true }> }
  | { ok: true; kind: 'archive'; archive: ParsedArchive }
  | { ok: false; report: LinkedInImportReport };

/** Reads and parses a picked file (a ZIP by its first bytes, whatever its name); never throws. */
export async function readLinkedInFile(
  picked: Blob,
  onProgress?: ProgressListener,
  t: Translator = english,
): Promise<ReadLinkedInFile> {
  const refused = (summary: string) => ({ ok: false, report: failure(summary) }) as const;
  try {
    const bytes = new Uint8Array(await picked.arrayBuffer());
    if (isZip(bytes)) {
      // Unzipping is one synchronous call: the bar shows the import started.
      onProgress?.(0, 1);
      const read = readArchive(bytes, t);
      if (!read.ok) return refused(read.error);
      return { ok: true, kind: 'archive', archive: parseArchive(read.archive, onProgress, t) };
    }
    const file = parseConnectionsCsv(new TextDecoder('utf-8').decode(bytes), onProgress, t);
    return file.ok ? { ok: true, kind: 'connections', file } : refused(file.error);
  } catch (error) {
    return refused(describeFailedWrite(error, t));
  }
}

/**
 * Writes a read file, in one transaction, into a database instance of its own (the import
 * worker's, with relaxed durability: a bulk import, docs/principles.md), closed afterwards. Never throws:
 * a failed write is reported, and the transaction it ran in leaves the database as it was.
 */
export async function writeLinkedInFile(
  read: ReadLinkedInFile,
  now: number,
  onProgress: ProgressListener | undefined,
  openDb: () => AllianceDb,
  t: Translator = english,
): Promise<LinkedInImportReport> {
  if (!read.ok) return read.report;
  const db = openDb();
  try {
    if (read.kind === 'archive') {
      return archiveReport(await importArchive(db, read.archive, now, onProgress, t), t);
    }
    return connectionsReport(
      read.file,
      await importConnections(db, read.file.rows, now, onProgress, t),
      t,
    );
  } catch (error) {
    return failure(describeFailedWrite(error, t));
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
