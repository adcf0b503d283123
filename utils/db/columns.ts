/**
 * Column copies of the people and touches tables, kept in the `columns` store: a few large
 * records, each holding one field of many rows as an array. IndexedDB clones every record on its
 * own, so reading 25,000 touches as objects takes about half a second on a small machine, while
 * the same touches as columns take about a hundredth of that. The popup summary and the weekly
 * report read these copies; everything else reads the tables.
 *
 * A middleware keeps them in step inside each write's own transaction, so a copy can never be
 * behind the table it mirrors, whichever context wrote and however (add, put, modify, delete,
 * clear, a restore, an import).
 */
import {
  type DBCore,
  type DBCoreMutateRequest,
  type DBCoreMutateResponse,
  type DBCoreTable,
  type DBCoreTransaction,
  type Middleware,
} from 'dexie';
import type { AllianceDb } from './schema';
import { abort, currentZone, isAnyRange, textHash, type InZone } from './dbcore';
import { CONNECTIONS_STORE, type ConnectionBlock } from './connection-blocks';
import type { InsightPerson } from '@/utils/insights/types';
import { byCodeUnit, DAY_MS, type Touch } from '@/utils/model';

export const COLUMNS_STORE = 'columns';

/** One stored block: some rows of `table`, one array per field, all of the same length. */
export interface ColumnBlock {
  table: MirroredTable;
  block: number;
  columns: Record<string, unknown[]>;
}

interface Mirror<T> {
  /** The primary key's field: the first column. */
  key: keyof T & string;
  fields: ReadonlyArray<keyof T & string>;
  /** The block a row is kept in. */
  blockOf(row: T): number;
  /**
   * The block follows from the key alone, so a write finds the row it replaces by its key and
   * need not read it first (10,000 reads fewer for a 10,000-person import).
   */
  blockByKey: boolean;
  /** The order of the table's index that the readers replace, kept inside each block. */
  order(a: T, b: T): number;
}

/** Touches are kept by week since 1970 (UTC), so a span of dates is a range of blocks. */
export const WEEK_MS = 7 * DAY_MS;
/** People are spread over this many blocks by their slug, so one edit rewrites a sixteenth. */
const PEOPLE_BLOCKS = 16;

/** The block of a touch at `at`; a date that is no number goes where no range of dates reaches. */
export function touchBlock(at: number): number {
  const week = Math.floor(at / WEEK_MS);
  return Number.isNaN(week) ? -Infinity : week;
}

/** `fields` as given, when they name every field of T (a type error otherwise). */
function everyField<T>() {
  return <const F extends ReadonlyArray<keyof T & string>>(
    ...fields: Exclude<keyof T, F[number]> extends never ? F : never
  ): F => fields;
}

const MIRRORS = {
  people: {
    key: 'slug',
    // Everything the insight engine reads of a person, and no more.
    fields: everyField<InsightPerson>()(
      'slug',
      'name',
      'roles',
      'level',
      'influence',
      'stance',
      'decisionMaker',
      'cadenceDays',
      'createdAt',
      // Added later: a block written before has no basis, which the engine reads as "not known".
      'basis',
    ),
    blockOf: (person) => textHash(String(person.slug)) % PEOPLE_BLOCKS,
    blockByKey: true,
    order: (a, b) => byCodeUnit(a.slug, b.slug),
  } satisfies Mirror<InsightPerson>,
  touches: {
    key: 'id',
    fields: everyField<Touch>()('id', 'personSlug', 'at', 'kind', 'direction', 'note', 'createdAt'),
    blockOf: (touch) => touchBlock(touch.at),
    blockByKey: false,
    // The `at` index: by date, then by id.
    order: (a, b) => a.at - b.at || byCodeUnit(a.id, b.id),
  } satisfies Mirror<Touch>,
} as const;

export type MirroredTable = keyof typeof MIRRORS;

function isMirrored(table: string): table is MirroredTable {
  return Object.hasOwn(MIRRORS, table);
}

/** Whether a write to `table` changes a copy: the connections store's blocks hold people. */
function changesCopy(table: string): boolean {
  return isMirrored(table) || table === CONNECTIONS_STORE;
}

type Row = Record<string, unknown>;

function mirrorOf(table: MirroredTable): Mirror<Row> {
  return MIRRORS[table] as unknown as Mirror<Row>;
}

/** The rows of a block, as objects with the mirrored fields. */
function rowsOf<T>(
  block: ColumnBlock,
  keep?: (columns: ColumnBlock['columns'], i: number) => boolean,
): T[] {
  const { fields } = mirrorOf(block.table);
  const columns = fields.map((field) => block.columns[field] ?? []);
  const count = columns[0]?.length ?? 0;
  const rows: T[] = [];
  for (let i = 0; i < count; i++) {
    if (keep && !keep(block.columns, i)) continue;
    const row: Row = {};
    for (let f = 0; f < fields.length; f++) row[fields[f]!] = columns[f]![i];
    rows.push(row as T);
  }
  return rows;
}

/** Builds the blocks of `table` holding exactly `rows`. */
export function blocksOf(table: MirroredTable, rows: readonly object[]): ColumnBlock[] {
  const mirror = mirrorOf(table);
  const blocks = new Map<number, ColumnBlock>();
  for (const row of [...(rows as readonly Row[])].sort(mirror.order)) {
    const number = mirror.blockOf(row);
    let block = blocks.get(number);
    if (!block) {
      block = { table, block: number, columns: {} };
      for (const field of mirror.fields) block.columns[field] = [];
      blocks.set(number, block);
    }
    for (const field of mirror.fields) block.columns[field]!.push(row[field]);
  }
  return [...blocks.values()];
}

/** A block being changed by a transaction: its rows by key. */
interface OpenBlock {
  table: MirroredTable;
  block: number;
  rows: Map<unknown, Row>;
}

/**
 * What a transaction has done to the copies so far. Blocks are read once per transaction and
 * written when its writes pause, so an import of 10,000 people in slices writes each block once,
 * not once per slice.
 */
interface Pending {
  open: Map<string, OpenBlock>;
  dirty: Set<string>;
  /** Writes in progress, and how many have finished: a flush waits for both to settle. */
  running: number;
  finished: number;
  /** The writes of one transaction, one after another: two writes may share a block. */
  queue: Promise<unknown>;
  /** Queued writes that have not sent their request down yet. */
  unsent: number;
}

const pendingOf = new WeakMap<DBCoreTransaction, Pending>();

function pendingFor(trans: DBCoreTransaction): Pending {
  let pending = pendingOf.get(trans);
  if (!pending) {
    pending = {
      open: new Map(),
      dirty: new Set(),
      running: 0,
      finished: 0,
      queue: Promise.resolve(),
      unsent: 0,
    };
    pendingOf.set(trans, pending);
  }
  return pending;
}

const blockId = (table: MirroredTable, block: number) => `${table}:${block}`;

/** What one write did to a mirrored table. */
interface Change {
  removed: Row[];
  added: Row[];
  cleared: boolean;
}

/** Carries `change` into the open blocks of the transaction, reading those not yet open. */
async function applyChange(
  inZone: InZone,
  columns: DBCoreTable,
  trans: DBCoreTransaction,
  table: MirroredTable,
  change: Change,
): Promise<void> {
  const mirror = mirrorOf(table);
  const pending = pendingFor(trans);
  if (change.cleared) {
    for (const [id, open] of pending.open) {
      if (open.table !== table) continue;
      pending.open.delete(id);
      pending.dirty.delete(id);
    }
    await inZone(() =>
      columns.mutate({
        type: 'deleteRange',
        trans,
        range: {
          type: 2, // DBCoreRangeType.Range (a const enum, out of reach of isolated modules)
          lower: [table, -Infinity],
          upper: [table, Infinity],
          lowerOpen: false,
          upperOpen: false,
        },
      }),
    );
  }
  const numbers = new Set([...change.removed, ...change.added].map(mirror.blockOf));
  const unread = [...numbers].filter((number) => !pending.open.has(blockId(table, number)));
  if (unread.length) {
    const stored = (await inZone(() =>
      columns.getMany({ trans, keys: unread.map((number) => [table, number]) }),
    )) as Array<ColumnBlock | undefined>;
    unread.forEach((number, i) => {
      const block = stored[i];
      const rows = block ? rowsOf<Row>(block) : [];
      pending.open.set(blockId(table, number), {
        table,
        block: number,
        rows: new Map(rows.map((row) => [row[mirror.key], row])),
      });
    });
  }
  const blockOf = (row: Row) => {
    const id = blockId(table, mirror.blockOf(row));
    pending.dirty.add(id);
    return pending.open.get(id)!.rows;
  };
  // A key written again leaves its old block before it joins its new one; a key written twice
  // by one request keeps its last value, as the table does.
  for (const row of change.removed) blockOf(row).delete(row[mirror.key]);
  for (const row of change.added) blockOf(row).delete(row[mirror.key]);
  const last = new Map(change.added.map((row) => [row[mirror.key], row]));
  for (const row of last.values()) blockOf(row).set(row[mirror.key], row);
}

/** Writes the blocks the transaction changed since the last flush. */
async function flush(
  inZone: InZone,
  columns: DBCoreTable,
  trans: DBCoreTransaction,
): Promise<void> {
  const pending = pendingFor(trans);
  const emptied: unknown[] = [];
  const rewritten: ColumnBlock[] = [];
  for (const id of pending.dirty) {
    const open = pending.open.get(id)!;
    if (open.rows.size) rewritten.push(...blocksOf(open.table, [...open.rows.values()]));
    else emptied.push([open.table, open.block]);
  }
  pending.dirty.clear();
  const results = await Promise.all([
    rewritten.length
      ? inZone(() => columns.mutate({ type: 'put', trans, values: rewritten }))
      : null,
    emptied.length ? inZone(() => columns.mutate({ type: 'delete', trans, keys: emptied })) : null,
  ]);
  // A copy that could not be written must not commit beside the tables.
  if (results.some((result) => result && result.numFailures > 0)) abort(trans);
}

/**
 * Flushes when the transaction's writes pause. A transaction Dexie opened for one call (no
 * `db.transaction`) is committed by Dexie as soon as that call returns, so it flushes at once.
 * Otherwise a cheap read keeps the transaction open until the caller's next write has started
 * or not: only the last write before the pause flushes.
 */
function flushWhenIdle(
  inZone: InZone,
  columns: DBCoreTable,
  trans: DBCoreTransaction,
): Promise<void> {
  const idb = trans as unknown as IDBTransaction & { _explicit?: boolean };
  if (!idb._explicit) return flush(inZone, columns, trans);
  const pending = pendingFor(trans);
  const finished = pending.finished;
  const probe = idb.objectStore(COLUMNS_STORE).count(IDBKeyRange.only(['', 0]));
  probe.onsuccess = () => {
    if (pending.running === 0 && pending.finished === finished && pending.dirty.size) {
      flush(inZone, columns, trans).catch(() => abort(trans));
    }
  };
  return Promise.resolve();
}

/**
 * The rows a write will replace or remove, read before it runs; `null` when it clears all. Where
 * the block follows from the key, the key stands for the row: a put replaces the row in the block
 * it is written to, and a delete removes the key from its block.
 */
async function rowsBefore(
  inZone: InZone,
  table: DBCoreTable,
  mirror: Mirror<Row>,
  req: DBCoreMutateRequest,
): Promise<Row[] | null> {
  const { trans } = req;
  const present = (rows: unknown[]) => rows.filter((row): row is Row => row != null);
  switch (req.type) {
    case 'add':
      return [];
    case 'put': {
      if (mirror.blockByKey) return [];
      const keyPath = table.schema.primaryKey.keyPath as string;
      const keys = req.keys ?? req.values.map((value) => (value as Row)[keyPath]);
      return present(await inZone(() => table.getMany({ trans, keys })));
    }
    case 'delete':
      if (mirror.blockByKey) return req.keys.map((key) => ({ [mirror.key]: key }));
      return present(await inZone(() => table.getMany({ trans, keys: req.keys })));
    case 'deleteRange': {
      if (isAnyRange(req.range)) return null; // the whole table
      const found = await inZone(() =>
        table.query({
          trans,
          values: true,
          query: { index: table.schema.primaryKey, range: req.range },
        }),
      );
      return present(found.result);
    }
  }
}

/** Whether `rowsBefore` answers `req` without reading anything. */
function readsNothingFirst(mirror: Mirror<Row>, req: DBCoreMutateRequest): boolean {
  return req.type === 'add' || (mirror.blockByKey && (req.type === 'put' || req.type === 'delete'));
}

/** Runs one write to a mirrored table (`send` sends it down) and carries it into the copy. */
async function mirroredMutate(
  inZone: InZone,
  down: DBCore,
  tableName: MirroredTable,
  req: DBCoreMutateRequest,
  send: () => Promise<DBCoreMutateResponse>,
): Promise<DBCoreMutateResponse> {
  const table = down.table(tableName);
  const columns = down.table(COLUMNS_STORE);
  const before = await rowsBefore(inZone, table, mirrorOf(tableName), req);
  const response = await send();
  // A row whose write failed (a key that exists, for `add`) is unchanged.
  const failed = (index: number) => Object.hasOwn(response.failures, index);
  let removed = before ?? [];
  let added: Row[] = [];
  if (req.type === 'add' || req.type === 'put') {
    added = (req.values as Row[]).filter((_, i) => !failed(i));
    if (req.type === 'put' && response.numFailures > 0) {
      const keyPath = table.schema.primaryKey.keyPath as string;
      const written = new Set(added.map((row) => row[keyPath]));
      removed = removed.filter((row) => written.has(row[keyPath]));
    }
  }
  await applyChange(inZone, columns, req.trans, tableName, {
    removed,
    added,
    cleared: before === null,
  });
  return response;
}

/**
 * Runs one write to the connections store, whose blocks hold people (./connection-blocks.ts),
 * and carries it into the people copy: the people of the blocks it replaces or removes leave,
 * those of the blocks it writes join.
 */
async function connectionsMutate(
  inZone: InZone,
  down: DBCore,
  req: DBCoreMutateRequest,
  send: () => Promise<DBCoreMutateResponse>,
): Promise<DBCoreMutateResponse> {
  const store = down.table(CONNECTIONS_STORE);
  const { trans } = req;
  const before = (
    req.type === 'deleteRange'
      ? (
          await inZone(() =>
            store.query({
              trans,
              values: true,
              query: { index: store.schema.primaryKey, range: req.range },
            }),
          )
        ).result
      : await inZone(() =>
          store.getMany({
            trans,
            keys:
              req.type === 'delete'
                ? req.keys
                : (req.keys ?? req.values.map((block) => (block as ConnectionBlock).block)),
          }),
        )
  ) as Array<ConnectionBlock | undefined>;
  const response = await send();
  // A block whose write failed keeps its people; a range's blocks are all gone.
  const written = (index: number) => !Object.hasOwn(response.failures, index);
  const removed = before.filter(
    (block, i): block is ConnectionBlock =>
      block !== undefined && (req.type === 'deleteRange' || written(i)),
  );
  const added =
    req.type === 'put' || req.type === 'add'
      ? (req.values as ConnectionBlock[]).filter((_, i) => written(i))
      : [];
  await applyChange(inZone, down.table(COLUMNS_STORE), trans, 'people', {
    removed: removed.flatMap((block) => block.people as unknown as Row[]),
    added: added.flatMap((block) => block.people as unknown as Row[]),
    cleared: false,
  });
  return response;
}

/**
 * Runs a write after the transaction's earlier writes, then flushes when they pause. A write
 * that reads nothing first (`atOnce`) goes down at once if no earlier one is still waiting to:
 * IndexedDB runs a transaction's requests in the order they are made, so the table sees the
 * writes in call order, and only their effect on the copy waits its turn. The slices of an
 * import then reach the database while it is still writing the slice before.
 */
function queued(
  inZone: InZone,
  down: DBCore,
  tableName: string,
  req: DBCoreMutateRequest,
  atOnce: boolean,
  mirror: (send: () => Promise<DBCoreMutateResponse>) => Promise<DBCoreMutateResponse>,
): Promise<DBCoreMutateResponse> {
  const pending = pendingFor(req.trans);
  pending.running += 1;
  const settle = () => {
    pending.running -= 1;
    pending.finished += 1;
  };
  const sendNow = () => inZone(() => down.table(tableName).mutate(req));
  const sent = pending.unsent === 0 && atOnce ? sendNow() : undefined;
  sent?.catch(() => undefined); // Awaited in its turn; not an unhandled rejection meanwhile.
  let waiting = !sent;
  if (waiting) pending.unsent += 1;
  const stopWaiting = () => {
    if (waiting) pending.unsent -= 1;
    waiting = false;
  };
  const send = () => {
    stopWaiting();
    return sent ?? sendNow();
  };
  // A write that fails before it is sent no longer holds the later ones back.
  const write = () => mirror(send).finally(stopWaiting);
  const next = pending.queue.then(write, write).then(
    async (response) => {
      settle();
      await flushWhenIdle(inZone, down.table(COLUMNS_STORE), req.trans);
      return response;
    },
    (error: unknown) => {
      settle();
      throw error;
    },
  );
  pending.queue = next.catch(() => undefined);
  return next;
}

/** Keeps the column copies in step with every write to the tables they mirror. */
export const columnsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'columns',
  create: (down) => ({
    ...down,
    // A write to a mirrored table also writes its copy: the copy joins the transaction.
    transaction: (stores, mode, options) =>
      down.transaction(
        mode === 'readwrite' && stores.some(changesCopy) && !stores.includes(COLUMNS_STORE)
          ? [...stores, COLUMNS_STORE]
          : stores,
        mode,
        options,
      ),
    table: (tableName) => {
      const table = down.table(tableName);
      if (tableName === CONNECTIONS_STORE) {
        return {
          ...table,
          mutate: (req) => {
            const inZone = currentZone();
            return queued(inZone, down, tableName, req, false, (send) =>
              connectionsMutate(inZone, down, req, send),
            );
          },
        };
      }
      if (!isMirrored(tableName)) return table;
      return {
        ...table,
        mutate: (req) => {
          const inZone = currentZone();
          const atOnce = readsNothingFirst(mirrorOf(tableName), req);
          return queued(inZone, down, tableName, req, atOnce, (send) =>
            mirroredMutate(inZone, down, tableName, req, send),
          );
        },
      };
    },
  }),
};

/** Every person, as the insight engine sees them. Calls only Dexie: fit for a live query. */
export async function readPeopleColumns(db: AllianceDb): Promise<InsightPerson[]> {
  const blocks = await db.columns
    .where('[table+block]')
    .between(['people', -Infinity], ['people', Infinity], true, true)
    .toArray();
  // In the order of the table's primary key, as a read of the table would give them.
  return blocks.flatMap((block) => rowsOf<InsightPerson>(block)).sort(MIRRORS.people.order);
}

/**
 * `later`, the touches already read from `readFrom` on, with those dated in [from, readFrom)
 * before them: oldest first, as one read from `from` would give them.
 */
export async function withEarlierTouches(
  db: AllianceDb,
  from: number,
  readFrom: number,
  later: Touch[],
): Promise<Touch[]> {
  return from < readFrom ? (await readTouchColumns(db, from, readFrom)).concat(later) : later;
}

/** The touches dated in [from, to), read from the weeks that hold them. */
export async function readTouchColumns(db: AllianceDb, from: number, to: number): Promise<Touch[]> {
  if (!(from < to)) return [];
  const blocks = await db.columns
    .where('[table+block]')
    .between(['touches', touchBlock(from)], ['touches', touchBlock(to)], true, true)
    .toArray();
  const inSpan = (columns: ColumnBlock['columns'], i: number) => {
    const at = columns.at?.[i] as number;
    return at >= from && at < to;
  };
  return blocks.flatMap((block) => rowsOf<Touch>(block, inSpan));
}
