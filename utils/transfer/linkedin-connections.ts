/**
 * LinkedIn's own connections export (`Connections.csv`), in every shape it has had:
 * - current: a "Notes:" preamble (2–4 lines, its length has varied), then
 *   `First Name,Last Name,URL,Email Address,Company,Position,Connected On`, dates like `03 Apr 2024`;
 * - legacy: no preamble, no URL column, dates like `1/8/18, 6:14 PM`.
 * Either may carry a BOM and CRLF, quoted cells with commas, rows with only a date (members who
 * hide their details) and a member URN where the email would be. Columns are found by name.
 */
import { SYNC_NOTE_TABLES, type AllianceDb } from '@/utils/db/schema';
import { english } from '@/utils/i18n/english';
import type { Translator } from '@/utils/i18n/translator';
import { LIMITS, newPerson, noProfileKey, type Person } from '@/utils/model';
import { countLines, csvRows, isBlankRow } from './csv-rows';
import { linkedInDateReader } from './linkedin-dates';
import { CHUNK_ROWS, type ProgressListener } from './pacing';
import {
  loadPeopleIndex,
  nameKey,
  putChangedPeople,
  wantedBy,
  type PeopleIndex,
} from './people-index';
import { profileSlugFromUrl } from '@/utils/linkedin/urls';

/** One connection as read from the file. `line` is where it starts in the file. */
export interface ConnectionRow {
  line: number;
  slug: string | null;
  profileUrl: string;
  firstName: string;
  lastName: string;
  name: string;
  email: string | null;
  company: string;
  position: string;
  connectedOn: number | null;
}

/** A line of a file that was not imported, and why, for the user to read. */
export interface SkippedLine {
  line: number;
  reason: string;
}

/** A read Connections.csv, or why it could not be read. */
export type ConnectionsFile =
  | { ok: true; rows: ConnectionRow[]; skipped: SkippedLine[]; format: 'current' | 'legacy' }
  | { ok: false; error: string };

/** The header sits after a short preamble; a file without it in its first lines is not an export. */
const HEADER_SEARCH_ROWS = 12;

const COLUMN_NAMES = {
  firstName: ['first name'],
  lastName: ['last name'],
  url: ['url', 'profile url'],
  email: ['email address', 'e-mail address', 'email'],
  company: ['company'],
  position: ['position'],
  connectedOn: ['connected on'],
} as const;

type Column = keyof typeof COLUMN_NAMES;

function columnsOf(header: readonly string[]): Partial<Record<Column, number>> | null {
  const names = header.map((cell) => cell.trim().toLowerCase());
  const columns: Partial<Record<Column, number>> = {};
  for (const [column, aliases] of Object.entries(COLUMN_NAMES) as Array<
    [Column, readonly string[]]
  >) {
    const index = names.findIndex((name) => aliases.includes(name));
    if (index !== -1) columns[column] = index;
  }
  return columns.firstName !== undefined && columns.lastName !== undefined ? columns : null;
}

function clip(text: string, max: number): string {
  return text.trim().replace(/\s+/g, ' ').slice(0, max);
}

function readRow(
  cells: readonly string[],
  line: number,
  columns: Partial<Record<Column, number>>,
  readDate: (raw: string) => number | null,
) {
  const get = (column: Column) => {
    const index = columns[column];
    return index === undefined ? '' : (cells[index] ?? '');
  };
  const firstName = clip(get('firstName'), LIMITS.name);
  const lastName = clip(get('lastName'), LIMITS.name);
  const profileUrl = get('url').trim();
  const email = get('email').trim();
  const row: ConnectionRow = {
    line,
    slug: profileUrl ? profileSlugFromUrl(profileUrl) : null,
    profileUrl,
    firstName,
    lastName,
    name: clip(`${firstName} ${lastName}`, LIMITS.name),
    // Some rows carry a member URN (`urn:li:member:…`) where the address would be.
    email: email.includes('@') && !/^urn:/i.test(email) ? email : null,
    company: clip(get('company'), LIMITS.shortText),
    position: clip(get('position'), LIMITS.shortText),
    connectedOn: readDate(get('connectedOn')),
  };
  return row;
}

/** Reads a Connections.csv of any known vintage; never throws. */
export function parseConnectionsCsv(
  text: string,
  onProgress?: ProgressListener,
  t: Translator = english,
): ConnectionsFile {
  const rows: ConnectionRow[] = [];
  const skipped: SkippedLine[] = [];
  let columns: Partial<Record<Column, number>> | null = null;
  let seen = 0;
  const total = countLines(text);
  const readDate = linkedInDateReader();

  for (const { cells, line } of csvRows(text)) {
    seen += 1;
    if (!columns) {
      columns = columnsOf(cells);
      if (!columns && seen >= HEADER_SEARCH_ROWS) break;
      continue;
    }
    if (seen % CHUNK_ROWS === 0) {
      onProgress?.(seen, total);
    }
    if (isBlankRow(cells)) continue;
    const row = readRow(cells, line, columns, readDate);
    if (!row.name && !row.slug) {
      skipped.push({
        line,
        reason: t.t('import_noName'),
      });
    } else if (row.profileUrl && !row.slug) {
      skipped.push({
        line,
        reason: t.t('import_notProfileUrl', { url: row.profileUrl.slice(0, 80) }),
      });
    } else {
      rows.push(row);
    }
  }
  if (!columns) {
    return {
      ok: false,
      error: t.t('import_notConnections'),
    };
  }
  onProgress?.(total, total);
  return { ok: true, rows, skipped, format: columns.url === undefined ? 'legacy' : 'current' };
}

/** What an import of connections did. */
export interface ConnectionsImportResult {
  created: number;
  /** Of those created, the people the file names without a profile URL. */
  withoutProfile: number;
  updated: number;
  unchanged: number;
  skipped: SkippedLine[];
}

/** Imported values fill in or refresh fields; a blank in the file never erases what the user has. */
function refreshed(person: Person, row: ConnectionRow, now: number): Person {
  const next = { ...person };
  // A name that differs only in case or spacing is the one the user chose.
  if (row.name && nameKey(row.name) !== nameKey(person.name)) next.name = row.name;
  if (row.company && row.company !== person.company) next.company = row.company;
  if (row.position && row.position !== person.headline) next.headline = row.position;
  const changed =
    next.name !== person.name ||
    next.company !== person.company ||
    next.headline !== person.headline;
  return changed ? { ...next, updatedAt: now } : person;
}

/** Applies connection rows to the people in `index` (pure apart from the index it updates). */
export function applyConnections(
  index: PeopleIndex,
  rows: readonly ConnectionRow[],
  now: number,
  t: Translator = english,
): ConnectionsImportResult {
  const result: ConnectionsImportResult = {
    created: 0,
    withoutProfile: 0,
    updated: 0,
    unchanged: 0,
    skipped: [],
  };
  for (const row of rows) {
    let person: Person | undefined;
    if (row.slug) {
      person = index.bySlugOrAlias(row.slug);
      if (!person) {
        index.put(
          newPerson(row.slug, now, {
            profileUrl: row.profileUrl,
            name: row.name,
            company: row.company,
            headline: row.position,
          }),
        );
        result.created += 1;
        continue;
      }
    } else {
      // Matched by name against the people known before this file: two rows of one name in an
      // old export are two people, never one refreshed twice.
      const namesakes = index.named(row.name).filter((p) => !index.created.has(p.slug));
      if (namesakes.length > 1) {
        result.skipped.push({
          line: row.line,
          reason: t.t('import_namesakes', { count: namesakes.length, name: row.name }),
        });
        continue;
      }
      if (namesakes.length === 0) {
        // Kept without a profile until the user opens theirs and links it.
        index.put(
          newPerson(noProfileKey(), now, {
            name: row.name,
            company: row.company,
            headline: row.position,
          }),
        );
        result.created += 1;
        result.withoutProfile += 1;
        continue;
      }
      person = namesakes[0]!;
    }
    const next = refreshed(person, row, now);
    if (next === person) {
      result.unchanged += 1;
    } else {
      index.put(next);
      result.updated += 1;
    }
  }
  return result;
}

/** Creates and refreshes people from connection rows, in one transaction. */
export async function importConnections(
  db: AllianceDb,
  rows: readonly ConnectionRow[],
  now: number,
  onProgress?: ProgressListener,
  t: Translator = english,
): Promise<ConnectionsImportResult> {
  return db.transaction('rw', ['people', ...SYNC_NOTE_TABLES], async () => {
    const index = await loadPeopleIndex(db, wantedBy(rows));
    const result = applyConnections(index, rows, now, t);
    const people = index.changedPeople();
    onProgress?.(0, people.length);
    await putChangedPeople(db, people, (done) => onProgress?.(done, people.length));
    return result;
  });
}
