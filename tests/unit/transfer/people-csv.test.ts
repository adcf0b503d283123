import { describe, expect, it } from 'vitest';
import { exportPeopleCsv } from '@/utils/transfer/people-csv';
import { newPerson, type Touch } from '@/utils/model';
import { freshDb } from './db-helpers';
import { storedPeople } from '@/utils/db/stored-person';

const NOW = Date.UTC(2025, 0, 1);

function touch(personSlug: string, at: number): Touch {
  return {
    id: crypto.randomUUID(),
    personSlug,
    at,
    kind: 'message',
    direction: 'both',
    note: '',
    createdAt: at,
  };
}

describe('exportPeopleCsv', () => {
  it('writes everyone sorted by name, with roles and last touch, behind a UTF-8 BOM', async () => {
    const db = freshDb();
    const people = [
      newPerson('zoe', NOW, { name: 'Zoë Ngô', roles: ['sponsor', 'ally'] }),
      newPerson('ada', NOW, { name: 'Ada Lovelace', roles: ['mentor'] }),
      // Alphabetical, not by code unit (where É comes after Z).
      newPerson('emile', NOW, { name: 'Émile Zola' }),
    ];
    // The latest touch, whatever the order they were logged in.
    const touches = [touch('zoe', Date.UTC(2024, 6, 1)), touch('zoe', Date.UTC(2024, 5, 1))];
    await db.touches.bulkPut(touches);
    await db.people.bulkPut(storedPeople(people, { touches, notes: [], followUps: [], ties: [] }));

    const csv = await exportPeopleCsv(db);
    expect(csv.startsWith('\uFEFFName,Profile URL,')).toBe(true);
    const rows = csv.slice(1).trimEnd().split('\r\n');
    expect(rows).toHaveLength(4);
    expect(rows[1]).toMatch(/^Ada Lovelace,.*,mentor,.*,,2025-01-01T00:00:00\.000Z,/);
    expect(rows[2]).toMatch(/^Émile Zola,/);
    expect(rows[3]).toMatch(/^Zoë Ngô,.*,sponsor;ally,.*,2024-07-01T00:00:00\.000Z,2025/);
  });
});
