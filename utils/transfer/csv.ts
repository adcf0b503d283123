/**
 * People as a CSV file for spreadsheets (RFC 4180, CRLF). Cells that a spreadsheet would run
 * as a formula are defused with a leading apostrophe, since names and notes come from
 * LinkedIn pages and imports that anyone can write.
 */
import type { Person } from '@/utils/model';

const COLUMNS = [
  'Name',
  'Profile URL',
  'Headline',
  'Company',
  'Roles',
  'Level',
  'Influence',
  'Stance',
  'Basis',
  'Decision maker',
  'Motivations',
  'Influenced by',
  'Cadence (days)',
  'Last touch',
  'Created',
  'Updated',
] as const;

/** Characters that make Excel, Sheets and LibreOffice read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function isoDate(epoch: number | undefined): string {
  return epoch === undefined ? '' : new Date(epoch).toISOString();
}

/** One row per person with their roles (`;`-joined) and the date of their last touch. */
export function peopleToCsv(people: readonly (Person & { lastTouchAt?: number })[]): string {
  const rows = people.map((person) =>
    [
      person.name,
      person.profileUrl,
      person.headline,
      person.company,
      person.roles.join(';'),
      person.level,
      person.influence,
      person.stance,
      person.basis,
      person.decisionMaker ? 'yes' : 'no',
      person.motivations,
      person.influencedBy,
      person.cadenceDays === null ? '' : String(person.cadenceDays),
      isoDate(person.lastTouchAt),
      isoDate(person.createdAt),
      isoDate(person.updatedAt),
    ].map(cell),
  );
  return [COLUMNS.map(cell), ...rows].map((row) => `${row.join(',')}\r\n`).join('');
}
