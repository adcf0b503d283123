import { describe, expect, it } from 'vitest';
import {
  backupFileName,
  isTooLargeForBackup,
  peopleCsvFileName,
  planRows,
  planSummary,
} from '@/utils/transfer/backup-plan';
import { MAX_BACKUP_CHARS, type ImportPlan, type TableCounts } from '@/utils/transfer/backup';

const counts = (c: Partial<TableCounts> = {}): TableCounts => ({
  new: 0,
  updated: 0,
  unchanged: 0,
  removed: 0,
  ...c,
});

const plan: ImportPlan = {
  people: counts({ new: 2, updated: 1, unchanged: 3, removed: 1 }),
  notes: counts({ new: 1 }),
  touches: counts({ unchanged: 4 }),
  ties: counts({ removed: 2 }),
  followUps: counts(),
};

describe('planRows', () => {
  it('lists every kind of record in a fixed order with its label', () => {
    expect(planRows(plan).map((row) => [row.label, row.counts])).toEqual([
      ['People', plan.people],
      ['Notes', plan.notes],
      ['Touches', plan.touches],
      ['Ties', plan.ties],
      ['Follow-ups', plan.followUps],
    ]);
  });
});

describe('planSummary', () => {
  it('totals what replace will add, update and remove', () => {
    expect(planSummary(plan, 'replace')).toBe('Replacing will add 3, update 1, remove 3 records.');
  });

  it('never speaks of removal for a merge', () => {
    expect(planSummary({ ...plan, ties: counts() }, 'merge')).toBe(
      'Merging will add 3, update 1 records.',
    );
  });

  it('says when nothing would change', () => {
    const same: ImportPlan = {
      ...plan,
      people: counts({ unchanged: 5 }),
      notes: counts(),
      ties: counts(),
    };
    expect(planSummary(same, 'replace')).toBe('Importing this backup would change nothing.');
  });
});

describe('file names', () => {
  it('dates files in local time', () => {
    const now = new Date(2024, 4, 1, 23, 30).getTime();
    expect(backupFileName(now)).toBe('alliance-map-backup-2024-05-01.json');
    expect(peopleCsvFileName(now)).toBe('alliance-map-people-2024-05-01.csv');
  });
});

describe('isTooLargeForBackup', () => {
  it('refuses only files whose text must exceed the limit', () => {
    expect(isTooLargeForBackup(MAX_BACKUP_CHARS)).toBe(false);
    expect(isTooLargeForBackup(3 * MAX_BACKUP_CHARS)).toBe(false);
    expect(isTooLargeForBackup(3 * MAX_BACKUP_CHARS + 1)).toBe(true);
  });
});
