/**
 * What a backup import will do, in words and rows the user can check before confirming, and the
 * names of the files the page saves.
 */
import type { ImportMode, ImportPlan, TableCounts } from '@/utils/transfer/backup';
import { MAX_BACKUP_CHARS } from '@/utils/transfer/backup';
import { toDateInput } from '@/utils/format';
import { ALL_TABLES } from '@/utils/db/schema';
import { labelKey, ui } from '@/utils/i18n';

/** One row of the plan table. */
export interface PlanRow {
  kind: (typeof ALL_TABLES)[number];
  /** The kind's name in the user's language. */
  label: string;
  counts: TableCounts;
}

/** The plan as table rows, in the order the tables are listed everywhere. */
export function planRows(plan: ImportPlan): PlanRow[] {
  return ALL_TABLES.map((kind) => ({
    kind,
    label: ui.t(labelKey('records', kind)),
    counts: plan[kind],
  }));
}

/** One sentence saying what the import will change, or that it will change nothing. */
export function planSummary(plan: ImportPlan, mode: ImportMode): string {
  const total = (key: keyof TableCounts) =>
    ALL_TABLES.reduce((sum, kind) => sum + plan[kind][key], 0);
  const added = total('new');
  const updated = total('updated');
  const removed = total('removed');
  if (!added && !updated && !removed) return ui.t('backup_planNothing');
  return mode === 'replace'
    ? ui.t('backup_planReplace', { added, updated, removed })
    : ui.t('backup_planMerge', { added, updated });
}

/** `alliance-map-backup-2024-05-01.json`, dated in the user's own time zone. */
export function backupFileName(now: number): string {
  return `alliance-map-backup-${toDateInput(now)}.json`;
}

/** `alliance-map-people-2024-05-01.csv`. */
export function peopleCsvFileName(now: number): string {
  return `alliance-map-people-${toDateInput(now)}.csv`;
}

/**
 * True when a file is certainly larger than a backup may be, judged by its size in bytes before
 * reading it (UTF-8 takes at most 3 bytes per UTF-16 unit), so that a huge file is never read.
 */
export function isTooLargeForBackup(bytes: number): boolean {
  return bytes > 3 * MAX_BACKUP_CHARS;
}
