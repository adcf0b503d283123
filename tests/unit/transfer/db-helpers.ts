// Fresh, uniquely named databases for transfer tests, deleted afterwards.
import { afterEach } from 'vitest';
import { AllianceDb } from '@/utils/db/schema';

const opened: AllianceDb[] = [];

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

export function freshDb(): AllianceDb {
  const db = new AllianceDb(`test-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}
