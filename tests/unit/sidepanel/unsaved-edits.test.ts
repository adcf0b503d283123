// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearStashedEdit, recoverStashedEdits, stashEdit } from '@/utils/unsaved-edits';
import { AllianceDb } from '@/utils/db/schema';
import { DAY_MS, LIMITS, newPerson } from '@/utils/model';
import { stored } from '../../support/stored';

const NOW = Date.UTC(2026, 10, 23, 12);
let db: AllianceDb;

beforeEach(async () => {
  localStorage.clear();
  db = new AllianceDb(`unsaved-${crypto.randomUUID()}`);
  await db.people.bulkAdd(
    [
      newPerson('dana', NOW - DAY_MS, { name: 'Dana Lee' }),
      newPerson('sam', NOW - DAY_MS, { name: 'Sam Okafor' }),
    ].map(stored),
  );
});
afterEach(async () => {
  await db.delete();
});

describe('edits left behind by a closed panel', () => {
  it('are saved by the next panel, then forgotten', async () => {
    stashEdit(
      localStorage,
      'dana',
      { motivations: 'Wants the migration', stance: 'champion' },
      NOW,
    );
    expect(await recoverStashedEdits(db, localStorage, NOW + 1000)).toBe(1);
    expect(await db.people.get('dana')).toMatchObject({
      motivations: 'Wants the migration',
      stance: 'champion',
    });
    expect(localStorage.length).toBe(0);
    expect(await recoverStashedEdits(db, localStorage, NOW + 2000)).toBe(0);
  });

  it('lose to a later edit made elsewhere', async () => {
    stashEdit(localStorage, 'dana', { company: 'Old' }, NOW);
    await db.people.update('dana', { company: 'Newer', updatedAt: NOW + 500 });
    expect(await recoverStashedEdits(db, localStorage, NOW + 1000)).toBe(0);
    expect((await db.people.get('dana'))?.company).toBe('Newer');
    expect(localStorage.length).toBe(0);
  });

  it('are dropped when unreadable, for a deleted person, or once saved', async () => {
    localStorage.setItem('alliance-map:unsaved:sam', '{not json');
    stashEdit(localStorage, 'gone', { name: 'Ghost' }, NOW);
    stashEdit(localStorage, 'dana', { name: 'Dana' }, NOW);
    clearStashedEdit(localStorage, 'dana');
    localStorage.setItem('unrelated', 'kept');
    expect(await recoverStashedEdits(db, localStorage, NOW)).toBe(0);
    expect(await db.people.count()).toBe(2);
    expect(localStorage.getItem('unrelated')).toBe('kept');
    expect(localStorage.length).toBe(1);
  });

  it('carry only record fields, within the limits', async () => {
    localStorage.setItem(
      'alliance-map:unsaved:sam',
      JSON.stringify({
        at: NOW,
        patch: { slug: 'hijack', createdAt: 0, motivations: 'm'.repeat(LIMITS.longText + 10) },
      }),
    );
    expect(await recoverStashedEdits(db, localStorage, NOW)).toBe(1);
    const sam = await db.people.get('sam');
    expect(sam?.slug).toBe('sam');
    expect(sam?.createdAt).toBe(NOW - DAY_MS);
    expect(sam?.motivations.length).toBe(LIMITS.longText);
  });
});
