import type { DBCore, Middleware } from 'dexie';
import { AllianceDb, DB_NAME } from './schema';

/** Calls `onCommitted` after each transaction that wrote to the data commits. */
function changeSignal(onCommitted: () => void): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'changeSignal',
    create: (down) => ({
      ...down,
      table: (tableName) => {
        const table = down.table(tableName);
        return {
          ...table,
          mutate: (req) => {
            // Dexie's IndexedDB core hands the native transaction through as `trans`.
            (req.trans as unknown as IDBTransaction).addEventListener('complete', onCommitted, {
              once: true,
            });
            return table.mutate(req);
          },
        };
      },
    }),
  };
}

/**
 * A database instance that reports its committed writes to `onCommitted`. Free of extension
 * APIs, so that a worker can open it too (workers have no `browser.*`): see `getDb`.
 */
export function openDb(
  onCommitted: () => void,
  name = DB_NAME,
  durability: 'strict' | 'relaxed' = 'strict',
): AllianceDb {
  const db = new AllianceDb(name, { chromeTransactionDurability: durability });
  db.use(changeSignal(onCommitted));
  return db;
}
