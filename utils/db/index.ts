import type { DBCore, Middleware } from 'dexie';
import { AllianceDb, DB_NAME } from './schema';
import { dataChangedItem } from '@/utils/settings';

export { AllianceDb, DB_NAME, ALL_TABLES } from './schema';

/** Tells every context (content scripts, toolbar badge) after a write to the data commits. */
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

let signalTimer: ReturnType<typeof setTimeout> | undefined;
function announceChange(): void {
  // One storage write per burst of commits, not one per record.
  clearTimeout(signalTimer);
  signalTimer = setTimeout(() => void dataChangedItem.setValue(Date.now()), 20);
}

/**
 * The database of the extension's own origin. Only extension pages and the background use it;
 * a content script would open LinkedIn's IndexedDB instead (DESIGN.md). Notes the user typed
 * deserve strict durability; a bulk import opens its own instance with relaxed durability
 * (and closes it afterwards), still announcing its writes to the other views.
 */
export function createDb(name = DB_NAME, durability: 'strict' | 'relaxed' = 'strict'): AllianceDb {
  const db = new AllianceDb(name, { chromeTransactionDurability: durability });
  db.use(changeSignal(announceChange));
  return db;
}

let shared: AllianceDb | undefined;

/** The one database instance of this context, opened lazily (Dexie reopens after a wake-up). */
export function getDb(): AllianceDb {
  shared ??= createDb();
  return shared;
}
