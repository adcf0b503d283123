/**
 * People an import brought in, kept many to a record in the `connections` store instead of one
 * record each. IndexedDB's cost is per record (about 150 µs a put on a small machine, whatever the
 * record holds), so a 10,000-row Connections.csv took 1.5–2 s to write as 10,000 people, and
 * takes a few hundred puts this way.
 *
 * To the rest of the code they are people like any other. This middleware answers reads of the
 * people table from both stores, and a person written to the table (tagged, edited, seen on
 * their profile, merged, restored) or deleted from it leaves their block in the same
 * transaction: a person is in exactly one place. Only imports put people into blocks
 * (utils/transfer/imported-people.ts), and only untagged people with no alias and no member id,
 * so that the table's indexes (by alias, by member id) need no help. Cursors over the table
 * (`filter`, `each`, `anyOf`) see its own records only: read everyone with queries (`toArray`,
 * `where(':id')…limit()`).
 */
import Dexie, {
  type DBCore,
  type DBCoreKeyRange,
  type DBCoreMutateRequest,
  type DBCoreMutateResponse,
  type DBCoreQueryRequest,
  type DBCoreTable,
  type DBCoreTransaction,
  type Middleware,
} from 'dexie';
import { abort, ANY_RANGE, inRange, mixedTextHash, onlyKeyOf } from './dbcore';
import type { AllianceDb } from './schema';
import { byCodeUnit, type Person } from '@/utils/model';

export const CONNECTIONS_STORE = 'connections';
const PEOPLE_STORE = 'people';

/**
 * Blocks people are spread over by their slug. A profile of someone not in the table reads one
 * block (~40 people at 10,000); an import of 10,000 writes 256 records instead of 10,000.
 */
const CONNECTION_BLOCKS = 256;

/** One stored block: its people in slug order. */
export interface ConnectionBlock {
  block: number;
  people: Person[];
}

export function connectionBlockOf(slug: string): number {
  return mixedTextHash(slug) % CONNECTION_BLOCKS;
}

/** `people` in the blocks that hold them, each block in slug order. */
export function connectionBlocksOf(people: Iterable<Person>): ConnectionBlock[] {
  const blocks = new Map<number, Person[]>();
  for (const person of people) {
    const number = connectionBlockOf(person.slug);
    const block = blocks.get(number);
    if (block) block.push(person);
    else blocks.set(number, [person]);
  }
  return [...blocks].map(([block, members]) => ({
    block,
    people: members.sort((a, b) => byCodeUnit(a.slug, b.slug)),
  }));
}

/**
 * Whether a person may live in a block: untagged (the lists' chips look for tagged people), and
 * with nothing the table's indexes would have to find them by.
 */
export function fitsInBlock(person: Person): boolean {
  return person.roles.length === 0 && person.aliases.length === 0 && person.memberId === undefined;
}

/**
 * Per transaction: the numbers of the blocks that exist, read once (it may name a block that no
 * longer does, which costs a read that finds nothing, never one that does and is missed), and
 * the writes to the table, one after another, since two may rewrite one block.
 *
 * Everything here chains Dexie's own promises, never `await`: their callbacks run in the
 * transaction's zone as Dexie's own do. Native promises in between would each use up one of the
 * few turns Dexie keeps the zone alive for an `await` in the caller's code, and a caller that
 * ran out of them would write its next record outside the transaction.
 */
interface Held {
  blocks: PromiseLike<Set<number>> | undefined;
  queue: PromiseLike<unknown>;
}

const heldOf = new WeakMap<DBCoreTransaction, Held>();

function heldFor(trans: DBCoreTransaction): Held {
  let held = heldOf.get(trans);
  if (!held) {
    held = { blocks: undefined, queue: Dexie.Promise.resolve() };
    heldOf.set(trans, held);
  }
  return held;
}

function existingBlocks(store: DBCoreTable, trans: DBCoreTransaction): PromiseLike<Set<number>> {
  const held = heldFor(trans);
  held.blocks ??= store
    .query({ trans, values: false, query: { index: store.schema.primaryKey, range: ANY_RANGE } })
    .then(({ result }) => new Set(result as number[]));
  return held.blocks;
}

function readBlocks(
  store: DBCoreTable,
  trans: DBCoreTransaction,
  numbers: Iterable<number>,
): PromiseLike<ConnectionBlock[]> {
  const keys = [...new Set(numbers)];
  if (!keys.length) return Dexie.Promise.resolve([]);
  return store
    .getMany({ trans, keys })
    .then((blocks) =>
      (blocks as Array<ConnectionBlock | undefined>).filter((b) => b !== undefined),
    );
}

function readAllBlocks(
  store: DBCoreTable,
  trans: DBCoreTransaction,
): PromiseLike<ConnectionBlock[]> {
  return store
    .query({ trans, values: true, query: { index: store.schema.primaryKey, range: ANY_RANGE } })
    .then(({ result }) => result as ConnectionBlock[]);
}

/** The blocks that may hold people with `keys` (or any key), of those that exist. */
function blocksFor(
  store: DBCoreTable,
  trans: DBCoreTransaction,
  keys: Iterable<unknown> | 'all',
): PromiseLike<ConnectionBlock[]> {
  return existingBlocks(store, trans).then((existing) => {
    if (!existing.size) return [];
    if (keys === 'all') return readAllBlocks(store, trans);
    const numbers = [...keys].map((key) => connectionBlockOf(String(key)));
    return readBlocks(
      store,
      trans,
      numbers.filter((number) => existing.has(number)),
    );
  });
}

/** The block people a query of the table's primary key reaches, besides the table's own. */
function blockPeopleFor(
  store: DBCoreTable,
  req: Pick<DBCoreQueryRequest, 'trans' | 'query'>,
): PromiseLike<Person[]> {
  const only = onlyKeyOf(req.query.range);
  const blocks =
    typeof only === 'string'
      ? readBlocks(store, req.trans, [connectionBlockOf(only)])
      : readAllBlocks(store, req.trans);
  return blocks.then((read) =>
    read.flatMap((block) => block.people.filter((p) => inRange(p.slug, req.query.range))),
  );
}

/**
 * Takes people out of their blocks: those with `keys`, or with a key in `range`. Its writes go
 * down without being waited for: IndexedDB runs a transaction's requests in order, so whatever
 * is asked next sees them.
 */
function release(
  store: DBCoreTable,
  trans: DBCoreTransaction,
  leaving: { keys: readonly unknown[] } | { range: DBCoreKeyRange },
): PromiseLike<void> {
  const keys = 'keys' in leaving ? new Set(leaving.keys) : null;
  const leaves = (person: Person) =>
    keys
      ? keys.has(person.slug)
      : inRange(person.slug, (leaving as { range: DBCoreKeyRange }).range);
  return blocksFor(store, trans, keys ?? 'all').then((blocks) => {
    const rewritten: ConnectionBlock[] = [];
    const emptied: number[] = [];
    for (const block of blocks) {
      const staying = block.people.filter((person) => !leaves(person));
      if (staying.length === block.people.length) continue;
      if (staying.length) rewritten.push({ block: block.block, people: staying });
      else emptied.push(block.block);
    }
    const writes: DBCoreMutateRequest[] = [];
    if (rewritten.length) writes.push({ type: 'put', trans, values: rewritten });
    if (emptied.length) writes.push({ type: 'delete', trans, keys: emptied });
    for (const write of writes) {
      // A person left in a block beside their record in the table must not commit.
      store.mutate(write).then(
        (result) => result.numFailures > 0 && abort(trans),
        () => abort(trans),
      );
    }
  });
}

/** An `add` of a key a block holds fails, as it would if the person were in the table. */
function keyExists(): Error {
  return new DOMException('Key already exists in the object store.', 'ConstraintError');
}

/**
 * A write to the people table, with the people it names taken out of their blocks first. One
 * write at a time per transaction: each sends its request down before the next one starts, so
 * the table sees the writes in call order.
 */
function mutatePeople(
  table: DBCoreTable,
  store: DBCoreTable,
  req: DBCoreMutateRequest,
): Promise<DBCoreMutateResponse> {
  const held = heldFor(req.trans);
  const keyPath = table.schema.primaryKey.keyPath as string;
  // Resolves once the request has gone down, to its response (wrapped, or it would be awaited).
  const sent = held.queue.then(
    (): PromiseLike<[Promise<DBCoreMutateResponse>]> | [Promise<DBCoreMutateResponse>] => {
      if (req.type === 'deleteRange') {
        return release(store, req.trans, { range: req.range }).then(() => [table.mutate(req)]);
      }
      const keys =
        req.type === 'delete'
          ? req.keys
          : (req.keys ?? req.values.map((value) => (value as Record<string, unknown>)[keyPath]));
      if (req.type !== 'add') {
        return release(store, req.trans, { keys }).then(() => [table.mutate(req)]);
      }
      const wanted = new Set(keys);
      return blocksFor(store, req.trans, keys).then((blocks) => {
        const inBlocks = new Set(
          blocks.flatMap((block) => block.people.map((p) => p.slug)).filter((s) => wanted.has(s)),
        );
        return [inBlocks.size ? addBeside(table, req, keys, inBlocks) : table.mutate(req)];
      });
    },
  );
  held.queue = sent.then(
    () => undefined,
    () => undefined,
  );
  return sent.then(([response]) => response) as Promise<DBCoreMutateResponse>;
}

/** An `add` whose keys include some a block holds: those fail, the others go down. */
function addBeside(
  table: DBCoreTable,
  req: DBCoreMutateRequest & { type: 'add' },
  keys: readonly unknown[],
  inBlocks: Set<unknown>,
): Promise<DBCoreMutateResponse> {
  const kept = keys.flatMap((key, i) => (inBlocks.has(key) ? [] : [i]));
  const down: PromiseLike<DBCoreMutateResponse> = kept.length
    ? table.mutate({
        ...req,
        values: kept.map((i) => req.values[i]),
        ...(req.keys ? { keys: kept.map((i) => req.keys![i]) } : {}),
      })
    : Dexie.Promise.resolve({ numFailures: 0, failures: {}, lastResult: undefined, results: [] });
  return down.then((response) => {
    const failures: Record<number, Error> = {};
    const results: unknown[] = keys.map(() => undefined);
    keys.forEach((key, i) => {
      if (inBlocks.has(key)) failures[i] = keyExists();
    });
    kept.forEach((i, j) => {
      if (Object.hasOwn(response.failures, j)) failures[i] = response.failures[j]!;
      else results[i] = response.results?.[j];
    });
    const numFailures = Object.keys(failures).length;
    return { numFailures, failures, results, lastResult: results.at(-1) };
  }) as Promise<DBCoreMutateResponse>;
}

/**
 * The table's answer to a query of its primary key with the blocks' people it reaches merged in,
 * in key order (IndexedDB orders text keys by code unit), cut to the query's limit.
 */
function merged(req: DBCoreQueryRequest, own: unknown[], fromBlocks: Person[]): unknown[] {
  const descending = req.direction === 'prev' || req.direction === 'prevunique';
  const order = (a: string, b: string) => byCodeUnit(a, b) * (descending ? -1 : 1);
  const extra = fromBlocks.sort((a, b) => order(a.slug, b.slug));
  const keyOf = (item: unknown) => (req.values ? (item as Person).slug : (item as string));
  const limit = req.limit ?? Infinity;
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (out.length < limit && (i < own.length || j < extra.length)) {
    const takeOwn =
      j >= extra.length || (i < own.length && order(keyOf(own[i]), extra[j]!.slug) <= 0);
    out.push(takeOwn ? own[i++] : req.values ? extra[j++] : extra[j++]!.slug);
  }
  return out;
}

/** The people table, answering for the people in blocks too. */
function peopleTable(down: DBCore): DBCoreTable {
  const table = down.table(PEOPLE_STORE);
  const store = down.table(CONNECTIONS_STORE);
  const isPrimaryKey = (req: Pick<DBCoreQueryRequest, 'query'>) =>
    Boolean(req.query.index.isPrimaryKey);
  return {
    ...table,
    get: (req) =>
      table.get(req).then((own: unknown) => {
        if (own !== undefined || typeof req.key !== 'string') return own;
        return readBlocks(store, req.trans, [connectionBlockOf(req.key)]).then(([block]) =>
          block?.people.find((person) => person.slug === req.key),
        );
      }),
    getMany: (req) =>
      table.getMany(req).then((own: unknown[]) => {
        const missing = req.keys.filter(
          (key, i) => own[i] === undefined && typeof key === 'string',
        );
        if (!missing.length) return own;
        // A list page asks for a screenful of people, most of them unknown: one read of which
        // blocks exist, then only those.
        return blocksFor(store, req.trans, missing).then((blocks) => {
          const found = new Map(blocks.flatMap((block) => block.people.map((p) => [p.slug, p])));
          return own.map((value, i) => value ?? found.get(req.keys[i] as string));
        });
      }),
    query: (req) =>
      table.query(req).then((own) => {
        if (!isPrimaryKey(req)) return own;
        return blockPeopleFor(store, req).then((fromBlocks) =>
          fromBlocks.length ? { result: merged(req, own.result, fromBlocks) } : own,
        );
      }),
    count: (req) =>
      table.count(req).then((own) => {
        if (!isPrimaryKey(req)) return own;
        return blockPeopleFor(store, req).then((fromBlocks) => own + fromBlocks.length);
      }),
    mutate: (req) => mutatePeople(table, store, req),
  };
}

/**
 * The connections store, keeping the transaction's numbers of existing blocks in step: a block
 * put joins them as the request is made, before any later write could look; a deleted one leaves
 * once it is gone.
 */
function connectionsTable(down: DBCore): DBCoreTable {
  const store = down.table(CONNECTIONS_STORE);
  return {
    ...store,
    mutate: (req) => {
      const known = heldOf.get(req.trans)?.blocks;
      if (known && (req.type === 'put' || req.type === 'add')) {
        const numbers = req.values.map((value) => (value as ConnectionBlock).block);
        known.then(
          (blocks) => numbers.forEach((number) => blocks.add(number)),
          () => undefined, // The read failed: so does the transaction.
        );
      }
      const response = store.mutate(req);
      if (known && req.type === 'delete') {
        known
          .then(
            (blocks) =>
              response.then(({ failures }) => {
                req.keys.forEach((key, i) => {
                  if (!Object.hasOwn(failures, i)) blocks.delete(key as number);
                });
              }),
            () => undefined,
          )
          .then(undefined, () => undefined); // The caller has the response's failure.
      }
      return response;
    },
  };
}

/** Keeps the people of the connections store part of the people table, to every reader. */
export const connectionsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'connection-blocks',
  create: (down) => {
    // An upgrade from before the store existed runs on a database without it.
    if (!down.schema.tables.some((table) => table.name === CONNECTIONS_STORE)) return down;
    return {
      ...down,
      // Any read or write of people may need the blocks: they join the transaction.
      transaction: (stores, mode, options) =>
        down.transaction(
          stores.includes(PEOPLE_STORE) && !stores.includes(CONNECTIONS_STORE)
            ? [...stores, CONNECTIONS_STORE]
            : stores,
          mode,
          options,
        ),
      table: (tableName) => {
        if (tableName === PEOPLE_STORE) return peopleTable(down);
        if (tableName === CONNECTIONS_STORE) return connectionsTable(down);
        return down.table(tableName);
      },
    };
  },
};

/**
 * The people in blocks that `keep` accepts, at most `limit`: for scans with a filter, which walk
 * the people table's own records only (a cursor). Inside a transaction on connections.
 */
export async function blockPeopleWhere(
  db: AllianceDb,
  keep: (person: Person) => boolean,
  limit: number,
): Promise<Person[]> {
  const blocks = await db.connections.toArray();
  return blocks.flatMap((block) => block.people.filter(keep)).slice(0, limit);
}
