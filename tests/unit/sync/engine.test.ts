import { afterEach, describe, expect, it } from 'vitest';
import { device, memoryServer, settle, testKeys, type Device } from '../../support/sync-devices';
import {
  addNote,
  deletePerson,
  editNote,
  mergePeople,
  toggleRole,
  updatePerson,
} from '@/utils/db/records';

const dana = { slug: 'dana-lee', name: 'Dana Lee' };
const sam = { slug: 'sam-okafor', name: 'Sam Okafor' };
const NOW = Date.UTC(2025, 2, 1);

let devices: Device[] = [];
afterEach(async () => {
  await Promise.all(devices.map((d) => d.close()));
  devices = [];
});

async function twoDevices() {
  const server = memoryServer();
  const keys = await testKeys();
  devices = [await device(server, keys), await device(server, keys)];
  return devices as [Device, Device];
}

describe('sync between two devices', () => {
  it('shows a tag made on one device on the other', async () => {
    const [a, b] = await twoDevices();
    await toggleRole(a.db, dana, 'sponsor', NOW);
    await addNote(a.db, dana, 'Met at the offsite', NOW);
    await settle([a, b]);
    expect((await b.db.people.get('dana-lee'))?.roles).toEqual(['sponsor']);
    expect((await b.db.notes.toArray()).map((n) => n.text)).toEqual(['Met at the offsite']);
    expect((await b.db.people.get('dana-lee'))?.tracked).toBe(1);
  });

  it('keeps both sides of offline edits to the same person', async () => {
    const [a, b] = await twoDevices();
    await toggleRole(a.db, dana, 'ally', NOW);
    await settle([a, b]);
    await addNote(a.db, dana, 'Written on A', NOW + 1);
    await updatePerson(
      a.db,
      'dana-lee',
      { level: 'plus1', motivations: 'Wants the launch' },
      NOW + 1,
    );
    await addNote(b.db, dana, 'Written on B', NOW + 2);
    await updatePerson(
      b.db,
      'dana-lee',
      { stance: 'champion', motivations: 'Hates surprises' },
      NOW + 2,
    );
    await toggleRole(b.db, dana, 'mentor', NOW + 2);
    await settle([a, b]);
    for (const d of [a, b]) {
      const person = await d.db.people.get('dana-lee');
      expect(person).toMatchObject({
        level: 'plus1',
        stance: 'champion',
        roles: ['ally', 'mentor'],
      });
      expect(person?.motivations).toContain('Wants the launch');
      expect(person?.motivations).toContain('Hates surprises');
      expect((await d.db.notes.toArray()).map((n) => n.text).sort()).toEqual([
        'Written on A',
        'Written on B',
      ]);
    }
  });

  it('keeps both texts of a note edited on both devices, side by side', async () => {
    const [a, b] = await twoDevices();
    const id = await addNote(a.db, dana, 'First draft', NOW);
    await settle([a, b]);
    await editNote(a.db, id, 'Edited on A', NOW + 1);
    await editNote(b.db, id, 'Edited on B', NOW + 2);
    await settle([a, b]);
    for (const d of [a, b])
      expect((await d.db.notes.toArray()).map((n) => n.text).sort()).toEqual([
        'Edited on A',
        'Edited on B',
      ]);
  });

  it('spreads a deletion, and an edit made offline meanwhile wins over it', async () => {
    const [a, b] = await twoDevices();
    await toggleRole(a.db, dana, 'ally', NOW);
    await toggleRole(a.db, sam, 'ally', NOW);
    await settle([a, b]);
    await deletePerson(a.db, 'sam-okafor');
    await deletePerson(a.db, 'dana-lee');
    await addNote(b.db, dana, 'Still matters', NOW + 1);
    await settle([a, b]);
    for (const d of [a, b]) {
      expect(await d.db.people.get('sam-okafor')).toBeUndefined();
      expect((await d.db.notes.toArray()).map((n) => n.text)).toEqual(['Still matters']);
      expect(await d.db.people.get('dana-lee')).toBeDefined();
    }
  });

  it('spreads a merge of two records of one person', async () => {
    const [a, b] = await twoDevices();
    await addNote(a.db, dana, 'About Dana', NOW);
    await addNote(a.db, { slug: 'dana-lee-2', name: 'Dana Lee' }, 'Also Dana', NOW);
    await settle([a, b]);
    await mergePeople(a.db, 'dana-lee-2', 'dana-lee', NOW + 1);
    await settle([a, b]);
    for (const d of [a, b]) {
      expect((await d.db.people.toArray()).map((p) => p.slug)).toEqual(['dana-lee']);
      expect((await d.db.notes.toArray()).every((n) => n.personSlug === 'dana-lee')).toBe(true);
      expect(await d.db.notes.count()).toBe(2);
    }
  });
});
