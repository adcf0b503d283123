import { afterEach, describe, expect, it } from 'vitest';
import { addTie, logTouch } from '@/utils/db/records';
import { AllianceDb } from '@/utils/db/schema';
import { loadMapData } from '@/utils/loaders/map';
import { placeEdit, tieEdit, untieEdit } from '@/utils/map/edits';
import { UndoStack } from '@/utils/map/undo';
import { DAY_MS, DEFAULT_SETTINGS, newPerson, orderedPair, type Person } from '@/utils/model';
import { stored } from '../../support/stored';

const NOW = Date.UTC(2025, 2, 12, 12);
const opened: AllianceDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

async function dbWith(people: Person[]): Promise<AllianceDb> {
  const db = new AllianceDb(`map-${crypto.randomUUID()}`);
  opened.push(db);
  await db.people.bulkAdd(people.map(stored));
  return db;
}

const dana = newPerson('dana', NOW, {
  name: 'Dana Lee',
  level: 'plus2',
  influence: 'high',
  decisionMaker: true,
});
const sam = newPerson('sam', NOW, { name: 'Sam Okafor', roles: ['ally'], stance: 'supporter' });
const alex = newPerson('alex', NOW, { name: 'Alex Novak' });
const imported = newPerson('imported', NOW, { name: 'Imported Person' });

describe('the map edits', () => {
  it('move a person and take the move back, field by field', async () => {
    const db = await dbWith([dana, sam]);
    const stack = new UndoStack();
    await stack.run(placeEdit(db, 'sam', 'Sam Okafor', { level: 'plus1', stance: 'champion' }));
    expect(await db.people.get('sam')).toMatchObject({ level: 'plus1', stance: 'champion' });
    expect(stack.state.undo).toBe('Sam Okafor: level +1, stance Champion');
    // Edited elsewhere meanwhile: undo goes back only on what the move changed.
    await db.people.update('sam', { influence: 'high' });
    await stack.undo();
    expect(await db.people.get('sam')).toMatchObject({
      level: 'unknown',
      stance: 'supporter',
      influence: 'high',
    });
    await stack.redo();
    expect(await db.people.get('sam')).toMatchObject({ level: 'plus1', stance: 'champion' });
  });

  it('says so, and changes nothing, when the person is gone', async () => {
    const db = await dbWith([sam]);
    await expect(
      new UndoStack().run(placeEdit(db, 'gone', 'Gone Person', { level: 'peer' })),
    ).rejects.toThrow('Gone Person is no longer in your records.');
  });

  it('draw a tie with how they are connected, relabel it, and take both back', async () => {
    const db = await dbWith([dana, sam]);
    const stack = new UndoStack();
    const d = { slug: 'dana', name: 'Dana Lee' };
    const s = { slug: 'sam', name: 'Sam Okafor' };
    await stack.run(tieEdit(db, s, d, 'same team'));
    const [a, b] = orderedPair('sam', 'dana');
    expect(await db.ties.toArray()).toMatchObject([{ a, b, label: 'same team' }]);
    await stack.run(tieEdit(db, d, s, 'old friends'));
    expect(await db.ties.toArray()).toMatchObject([{ label: 'old friends' }]);
    await stack.undo();
    expect(await db.ties.toArray()).toMatchObject([{ label: 'same team' }]);
    await stack.undo();
    expect(await db.ties.count()).toBe(0);

    await stack.run(tieEdit(db, s, d, 'mentor of'));
    await stack.run(untieEdit(db, d, s));
    expect(await db.ties.count()).toBe(0);
    await stack.undo();
    expect(await db.ties.toArray()).toMatchObject([{ a, b, label: 'mentor of' }]);
  });
});

describe('loadMapData', () => {
  it('shows the tagged, the key holders and the placed, with what the key holders know', async () => {
    // Marked for his motives alone: not on the map, but a tie leads to him.
    const kim = newPerson('kim', NOW, { name: 'Kim Sato', motivations: 'A bigger team' });
    // Kept for a touch alone: neither on the map nor tied.
    const lee = newPerson('lee', NOW, { name: 'Lee Park' });
    const db = await dbWith([dana, sam, alex, kim, lee, imported]);
    // Through the records' own writes, which keep Alex and Lee tracked.
    await addTie(db, 'sam', 'alex', '', NOW);
    await addTie(db, 'dana', 'kim', '', NOW);
    await logTouch(db, { slug: 'lee' }, { kind: 'meeting' }, NOW);
    await db.touches.add({
      id: 'shared',
      personSlug: 'dana',
      at: NOW - 3 * DAY_MS,
      kind: 'shared-work',
      direction: 'gave',
      note: '',
      createdAt: NOW,
    });
    const data = await loadMapData(db, DEFAULT_SETTINGS, NOW);
    expect(data.people.map((p) => [p.slug, p.isKeyHolder, p.awareness])).toEqual(
      expect.arrayContaining([
        ['dana', true, 'full'],
        ['sam', false, null],
      ]),
    );
    expect(data.people).toHaveLength(2);
    // Alex is not on the map, but a way in may go through him.
    expect(data.record.map((p) => p.slug).sort()).toEqual(['alex', 'dana', 'kim', 'sam']);
    expect(data.ties).toHaveLength(2);
  });
});
