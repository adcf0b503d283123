// Databases seeded with a dataset for the storage tests, deleted after each test.
import { afterEach } from 'vitest';
import type { Dataset } from './dataset';
import { storedData } from './stored';
import { AllianceDb } from '@/utils/db/schema';
import { DAY_MS, type Touch } from '@/utils/model';

const opened: AllianceDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

/** A fresh database holding `data`, written in one transaction. */
export async function seededDb(data: Dataset): Promise<AllianceDb> {
  const db = new AllianceDb(`seeded-${crypto.randomUUID()}`);
  opened.push(db);
  await db.transaction('rw', [db.people, db.touches, db.notes, db.ties, db.followUps], async () => {
    await db.people.bulkAdd(storedData(data));
    await db.touches.bulkAdd(data.touches);
    await db.notes.bulkAdd(data.notes);
    await db.ties.bulkAdd(data.ties);
    await db.followUps.bulkAdd(data.followUps);
  });
  return db;
}

/** A meeting with `personSlug`, `daysAgo` days before `now`. */
export function meetingAgo(id: string, personSlug: string, daysAgo: number, now: number): Touch {
  const at = now - daysAgo * DAY_MS;
  return { id, personSlug, at, kind: 'meeting', direction: 'both', note: '', createdAt: at };
}
