/**
 * Full backup and restore. The export is deterministic (records sorted by key, object keys in
 * a fixed order) so that export → import → export gives the same bytes, which is how a user
 * (and the tests) can trust that a restore lost nothing. Restoring validates the whole file
 * first (`parseBackup`), then writes everything in one transaction.
 */
import type { Table } from 'dexie';
import { ALL_TABLES, WRITE_TABLES, type AllianceDb } from '@/utils/db/schema';
import { personOf, storedPeople, type StoredPerson } from '@/utils/db/stored-person';
import { byCodeUnit, orderedPair, type Settings } from '@/utils/model';
import { personDoc, recordChanges, tieDoc } from '@/utils/sync/changes';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from './backup-format';

export {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  MAX_BACKUP_CHARS,
  parseBackup,
  type Backup,
  type ParseBackupResult,
} from './backup-format';

/** Merge keeps what the database has and adds the file; replace makes the database the file. */
export type ImportMode = 'merge' | 'replace';

/** What an import would do to one table. `removed` is only ever non-zero for replace. */
export interface TableCounts {
  new: number;
  updated: number;
  unchanged: number;
  removed: number;
}

/** What an import would do, table by table, for the user to confirm. */
export type ImportPlan = Record<(typeof ALL_TABLES)[number], TableCounts>;

type TableName = (typeof ALL_TABLES)[number];
type Snapshot = Pick<Backup, TableName>;
type AnyRecord = Backup[TableName][number];

const keyOf: Record<TableName, (record: AnyRecord) => string> = {
  people: (record) => (record as Backup['people'][number]).slug,
  notes: (record) => (record as Backup['notes'][number]).id,
  touches: (record) => (record as Backup['touches'][number]).id,
  ties: (record) => (record as Backup['ties'][number]).id,
  followUps: (record) => (record as Backup['followUps'][number]).id,
};

/** JSON with object keys sorted, so the same data always gives the same text. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value !== 'object' || value === null) return value;
  const source = value as Record<string, unknown>;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(source).sort(byCodeUnit)) {
    if (source[key] !== undefined) sorted[key] = canonical(source[key]);
  }
  return sorted;
}

function sortedByKey<T extends AnyRecord>(table: TableName, records: T[]): T[] {
  return [...records].sort((x, y) => byCodeUnit(keyOf[table](x), keyOf[table](y)));
}

/** Every record as the tables hold it (people as stored, with what the table keeps beside them). */
async function readTables(
  db: AllianceDb,
): Promise<Omit<Snapshot, 'people'> & { people: StoredPerson[] }> {
  const [people, notes, touches, ties, followUps] = await Promise.all([
    db.people.toArray(),
    db.notes.toArray(),
    db.touches.toArray(),
    db.ties.toArray(),
    db.followUps.toArray(),
  ]);
  return { people, notes, touches, ties, followUps };
}

/** Every record as a backup holds it. */
async function readSnapshot(db: AllianceDb): Promise<Snapshot> {
  const tables = await readTables(db);
  return { ...tables, people: tables.people.map(personOf) };
}

/** The whole database and the settings as one backup file's text. */
export async function exportBackup(
  db: AllianceDb,
  settings: Settings,
  now: number,
): Promise<string> {
  const snapshot = await db.transaction('r', ALL_TABLES, () => readSnapshot(db));
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now,
    settings,
    people: sortedByKey('people', snapshot.people),
    notes: sortedByKey('notes', snapshot.notes),
    touches: sortedByKey('touches', snapshot.touches),
    ties: sortedByKey('ties', snapshot.ties),
    followUps: sortedByKey('followUps', snapshot.followUps),
  };
  return `${JSON.stringify(canonical(backup), null, 2)}\n`;
}

function sameRecord(x: AnyRecord, y: AnyRecord): boolean {
  return JSON.stringify(canonical(x)) === JSON.stringify(canonical(y));
}

interface TableChange<T> {
  puts: T[];
  counts: TableCounts;
}

function emptyCounts(): TableCounts {
  return { new: 0, updated: 0, unchanged: 0, removed: 0 };
}

/** Upsert by key; where records carry `updatedAt`, the newer side wins a conflict. */
function mergeTable<T extends AnyRecord>(
  table: TableName,
  existing: T[],
  incoming: T[],
): TableChange<T> {
  const current = new Map(existing.map((record) => [keyOf[table](record), record]));
  const change: TableChange<T> = { puts: [], counts: emptyCounts() };
  for (const record of incoming) {
    const old = current.get(keyOf[table](record));
    if (!old) {
      change.counts.new += 1;
      change.puts.push(record);
    } else if (sameRecord(old, record) || isOlder(record, old)) {
      change.counts.unchanged += 1;
    } else {
      change.counts.updated += 1;
      change.puts.push(record);
    }
  }
  return change;
}

function isOlder(record: AnyRecord, than: AnyRecord): boolean {
  return 'updatedAt' in record && 'updatedAt' in than && record.updatedAt <= than.updatedAt;
}

/** Like `mergeTable`, but a pair that already has a tie under another id keeps that tie. */
function mergeTies(
  existing: Backup['ties'],
  incoming: Backup['ties'],
): TableChange<Backup['ties'][number]> {
  const byId = new Map(existing.map((tie) => [tie.id, tie]));
  const pairOwner = new Map(existing.map((tie) => [`${tie.a}\u0000${tie.b}`, tie.id]));
  const change: TableChange<Backup['ties'][number]> = { puts: [], counts: emptyCounts() };
  for (const tie of incoming) {
    const pair = `${tie.a}\u0000${tie.b}`;
    const owner = pairOwner.get(pair);
    const old = byId.get(tie.id);
    if ((owner !== undefined && owner !== tie.id) || (old && sameRecord(old, tie))) {
      change.counts.unchanged += 1;
      continue;
    }
    if (old) pairOwner.delete(`${old.a}\u0000${old.b}`);
    pairOwner.set(pair, tie.id);
    byId.set(tie.id, tie);
    change.counts[old ? 'updated' : 'new'] += 1;
    change.puts.push(tie);
  }
  return change;
}

/** Everything in the file is written; the counts say how it differs from what was there. */
function replaceTable<T extends AnyRecord>(
  table: TableName,
  existing: T[],
  incoming: T[],
): TableChange<T> {
  const counts = mergeTableCountsIgnoringAge(table, existing, incoming);
  const kept = new Set(incoming.map(keyOf[table]));
  counts.removed = existing.filter((record) => !kept.has(keyOf[table](record))).length;
  return { puts: incoming, counts };
}

function mergeTableCountsIgnoringAge(
  table: TableName,
  existing: AnyRecord[],
  incoming: AnyRecord[],
): TableCounts {
  const current = new Map(existing.map((record) => [keyOf[table](record), record]));
  const counts = emptyCounts();
  for (const record of incoming) {
    const old = current.get(keyOf[table](record));
    counts[!old ? 'new' : sameRecord(old, record) ? 'unchanged' : 'updated'] += 1;
  }
  return counts;
}

type Changes = { [K in TableName]: TableChange<Backup[K][number]> };

/**
 * The backup as it reads against the records now: someone the backup knows by a key that is now
 * another person's alias (merged into them since it was taken) is that person, so their records
 * follow them and their old record is not brought back beside them.
 */
function followMerges(existing: Snapshot, backup: Backup): Backup {
  const slugs = new Set(existing.people.map((person) => person.slug));
  const owner = new Map<string, string>();
  for (const person of existing.people) {
    for (const key of person.aliases) if (!slugs.has(key)) owner.set(key, person.slug);
  }
  if (!backup.people.some((person) => owner.has(person.slug))) return backup;
  const now = (slug: string) => owner.get(slug) ?? slug;
  return {
    ...backup,
    people: backup.people.filter((person) => !owner.has(person.slug)),
    notes: backup.notes.map((note) => ({ ...note, personSlug: now(note.personSlug) })),
    touches: backup.touches.map((touch) => ({ ...touch, personSlug: now(touch.personSlug) })),
    followUps: backup.followUps.map((f) => ({ ...f, personSlug: now(f.personSlug) })),
    ties: backup.ties.flatMap((tie) => {
      const [a, b] = orderedPair(now(tie.a), now(tie.b));
      // A tie between the two halves of one person disappears, as in a merge.
      return a === b ? [] : [{ ...tie, a, b }];
    }),
  };
}

function computeChanges(existing: Snapshot, file: Backup, mode: ImportMode): Changes {
  if (mode === 'replace') {
    return {
      people: replaceTable('people', existing.people, file.people),
      notes: replaceTable('notes', existing.notes, file.notes),
      touches: replaceTable('touches', existing.touches, file.touches),
      ties: replaceTable('ties', existing.ties, file.ties),
      followUps: replaceTable('followUps', existing.followUps, file.followUps),
    };
  }
  const backup = followMerges(existing, file);
  return {
    people: mergeTable('people', existing.people, backup.people),
    notes: mergeTable('notes', existing.notes, backup.notes),
    touches: mergeTable('touches', existing.touches, backup.touches),
    ties: mergeTies(existing.ties, backup.ties),
    followUps: mergeTable('followUps', existing.followUps, backup.followUps),
  };
}

function countsOf(changes: Changes): ImportPlan {
  return {
    people: changes.people.counts,
    notes: changes.notes.counts,
    touches: changes.touches.counts,
    ties: changes.ties.counts,
    followUps: changes.followUps.counts,
  };
}

/** What `applyImport` would do with this backup now, without writing anything. */
export async function planImport(
  db: AllianceDb,
  backup: Backup,
  mode: ImportMode,
): Promise<ImportPlan> {
  const existing = await db.transaction('r', ALL_TABLES, () => readSnapshot(db));
  return countsOf(computeChanges(existing, backup, mode));
}

/** A table as it is after `puts`: replaced by them, or with them written over it by key. */
function tableAfter<T extends AnyRecord>(
  table: TableName,
  existing: readonly T[],
  puts: readonly T[],
  mode: ImportMode,
): T[] {
  if (mode === 'replace') return [...puts];
  const byKey = new Map(existing.map((record) => [keyOf[table](record), record]));
  for (const record of puts) byKey.set(keyOf[table](record), record);
  return [...byKey.values()];
}

/**
 * The people to write: each one the restore changes, and each whose records it changes, with
 * what the table keeps beside them worked out from the data as it will be.
 */
function peopleToWrite(
  before: readonly StoredPerson[],
  existing: Snapshot,
  changes: Changes,
  mode: ImportMode,
): StoredPerson[] {
  const after = {
    people: tableAfter('people', existing.people, changes.people.puts, mode),
    notes: tableAfter('notes', existing.notes, changes.notes.puts, mode),
    touches: tableAfter('touches', existing.touches, changes.touches.puts, mode),
    ties: tableAfter('ties', existing.ties, changes.ties.puts, mode),
    followUps: tableAfter('followUps', existing.followUps, changes.followUps.puts, mode),
  };
  const stored = storedPeople(after.people, after);
  if (mode === 'replace') return stored;
  const current = new Map(before.map((person) => [person.slug, JSON.stringify(person)]));
  return stored.filter((person) => current.get(person.slug) !== JSON.stringify(person));
}

/**
 * The synced documents a restore changes (utils/sync/changes.ts): each person written or whose
 * records are, each tie written, and with replace everyone and every tie there was before.
 */
function changedDocs(
  existing: Snapshot,
  changes: Changes,
  people: readonly StoredPerson[],
  mode: ImportMode,
): string[] {
  const records = [...changes.notes.puts, ...changes.touches.puts, ...changes.followUps.puts];
  const ties = [...changes.ties.puts, ...(mode === 'replace' ? existing.ties : [])];
  return [
    ...people.map((person) => personDoc(person.slug)),
    ...records.map((record) => personDoc(record.personSlug)),
    ...(mode === 'replace' ? existing.people.map((person) => personDoc(person.slug)) : []),
    ...ties.map((tie) => tieDoc(tie.a, tie.b)),
  ];
}

/**
 * Writes a validated backup in one transaction (all or nothing) and returns the settings the
 * caller should save. Replace clears every table first. With sync on, what it changes is noted
 * for the other devices (the options page asks first: docs/sync.md).
 */
export async function applyImport(
  db: AllianceDb,
  backup: Backup,
  mode: ImportMode,
): Promise<Settings> {
  await db.transaction('rw', WRITE_TABLES, async () => {
    const tables = await readTables(db);
    const existing = { ...tables, people: tables.people.map(personOf) };
    const changes = computeChanges(existing, backup, mode);
    const people = peopleToWrite(tables.people, existing, changes, mode);
    await recordChanges(db, changedDocs(existing, changes, people, mode));
    if (mode === 'replace') await Promise.all(ALL_TABLES.map((name) => db.table(name).clear()));
    const put = <T>(table: Table<T>, records: T[]) =>
      records.length ? table.bulkPut(records) : undefined;
    await put(db.people, people);
    await put(db.notes, changes.notes.puts);
    await put(db.touches, changes.touches.puts);
    await put(db.ties, changes.ties.puts);
    await put(db.followUps, changes.followUps.puts);
  });
  return backup.settings;
}
