import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateDataset } from '../../support/dataset';
import { AllianceDb } from '@/utils/db/schema';
import {
  NO_FILTER,
  buildPersonRows,
  filterRows,
  mergeTimeline,
  sortRows,
} from '@/utils/people-rows';
import { findPeopleByName } from '@/utils/db/name-search';
import {
  loadFollowUps,
  loadPeopleListData,
  loadTies,
  loadTimeline,
  type PeopleListData,
} from '@/utils/db/panel-reads';
import {
  addFollowUp,
  addNote,
  addTie,
  logTouch,
  removeTie,
  setFollowUpDone,
  toggleRole,
  updatePerson,
} from '@/utils/db/records';
import { foldForSearch } from '@/utils/search-text';
import { DAY_MS, DEFAULT_SETTINGS, newPerson, type Note, type Touch } from '@/utils/model';
import { stored, storedData } from '../../support/stored';

const NOW = Date.UTC(2026, 10, 23, 12);
let db: AllianceDb;

beforeEach(() => {
  db = new AllianceDb(`people-list-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

async function seedThree() {
  await db.people.bulkAdd(
    [
      newPerson('dana', NOW - 100 * DAY_MS, {
        name: 'Dana Müller',
        company: 'Acme',
        roles: ['sponsor'],
        level: 'plus2',
        stance: 'champion',
      }),
      newPerson('sam', NOW - 100 * DAY_MS, {
        name: 'Sam Okafor',
        company: 'Globex',
        roles: [],
        level: 'peer',
      }),
      newPerson('priya', NOW - 100 * DAY_MS, {
        name: 'Priya Novak',
        company: 'Initech',
        roles: ['ally'],
        stance: 'skeptic',
      }),
    ].map(stored),
  );
  await logTouch(db, { slug: 'dana' }, { kind: 'offered-help', at: NOW - 40 * DAY_MS }, NOW);
  await logTouch(db, { slug: 'dana' }, { kind: 'spent-time', at: NOW - 2 * DAY_MS }, NOW);
  await logTouch(db, { slug: 'sam' }, { kind: 'message', at: NOW - 10 * DAY_MS }, NOW);
  await addNote(db, { slug: 'priya' }, 'Cares about the hiring PLAN', NOW, NOW - DAY_MS);
  await addFollowUp(db, 'sam', 'Send the deck', NOW - DAY_MS, NOW - 5 * DAY_MS);
  const done = await addFollowUp(db, 'priya', 'Intro to Kenji', NOW - DAY_MS, NOW - 5 * DAY_MS);
  await setFollowUpDone(db, done, true, NOW);
}

describe('people list rows', () => {
  it('reads everyone with their last touch, note text and open follow-ups in one pass', async () => {
    await seedThree();
    const data = await loadPeopleListData(db);
    expect(data.people.map((p) => p.slug).sort()).toEqual(['dana', 'priya', 'sam']);
    const lastTouchAt = new Map(data.people.map((p) => [p.slug, p.lastTouchAt]));
    expect(lastTouchAt.get('dana')).toBe(NOW - 2 * DAY_MS);
    expect(lastTouchAt.get('sam')).toBe(NOW - 10 * DAY_MS);
    expect(lastTouchAt.get('priya')).toBeUndefined();
    expect(data.noteText.get('priya')).toBe('Cares about the hiring PLAN');
    expect(data.openFollowUps).toEqual([{ personSlug: 'sam', due: NOW - DAY_MS }]);
  });

  it('computes due and overdue the way the popup summary does', async () => {
    await seedThree();
    const rows = buildPersonRows(await loadPeopleListData(db), DEFAULT_SETTINGS, NOW);
    const bySlug = new Map(rows.map((r) => [r.slug, r]));
    // Sponsor cadence 30 days, touched 2 days ago: not due.
    expect(bySlug.get('dana')).toMatchObject({
      isDue: false,
      dueAt: NOW + 28 * DAY_MS,
      overdueFollowUps: 0,
    });
    // Untagged but touched: due 60 days after the touch.
    expect(bySlug.get('sam')).toMatchObject({ isDue: false, overdueFollowUps: 1 });
    // Ally (21 days), never touched, added 100 days ago: due; the done follow-up does not count.
    expect(bySlug.get('priya')).toMatchObject({
      isDue: true,
      lastTouchAt: null,
      overdueFollowUps: 0,
    });
  });

  it('searches name, company and notes, ignoring case and accents, every word required', async () => {
    await seedThree();
    const rows = buildPersonRows(await loadPeopleListData(db), DEFAULT_SETTINGS, NOW);
    const find = (query: string) =>
      filterRows(rows, { ...NO_FILTER, query })
        .map((r) => r.slug)
        .sort();
    expect(find('muller')).toEqual(['dana']);
    expect(find('GLOBEX')).toEqual(['sam']);
    expect(find('hiring plan')).toEqual(['priya']);
    expect(find('hiring acme')).toEqual([]);
    expect(find('  ')).toEqual(['dana', 'priya', 'sam']);
  });

  it('filters by role, stance, level, due and overdue', async () => {
    await seedThree();
    const rows = buildPersonRows(await loadPeopleListData(db), DEFAULT_SETTINGS, NOW);
    const slugs = (patch: Partial<typeof NO_FILTER>) =>
      filterRows(rows, { ...NO_FILTER, ...patch }).map((r) => r.slug);
    expect(slugs({ role: 'sponsor' })).toEqual(['dana']);
    expect(slugs({ stance: 'skeptic' })).toEqual(['priya']);
    expect(slugs({ level: 'peer' })).toEqual(['sam']);
    expect(slugs({ dueOnly: true })).toEqual(['priya']);
    expect(slugs({ overdueOnly: true })).toEqual(['sam']);
    expect(slugs({ overdueOnly: true, dueOnly: true })).toEqual([]);
  });

  it('sorts by last touch either way (never touched counts as oldest) and by name', async () => {
    await seedThree();
    const rows = buildPersonRows(await loadPeopleListData(db), DEFAULT_SETTINGS, NOW);
    expect(sortRows(rows, 'recent').map((r) => r.slug)).toEqual(['dana', 'sam', 'priya']);
    expect(sortRows(rows, 'stale').map((r) => r.slug)).toEqual(['priya', 'sam', 'dana']);
    expect(sortRows(rows, 'name').map((r) => r.slug)).toEqual(['dana', 'priya', 'sam']);
  });

  it('folds accents and case for search', () => {
    expect(foldForSearch('Zoë TOMÁS')).toBe('zoe tomas');
  });

  it('searches 10,000 people well within a keystroke budget', () => {
    const data = generateDataset(
      { people: 10_000, touches: 30_000, notes: 10_000, followUps: 3_000 },
      NOW,
    );
    const listData: PeopleListData = {
      people: storedData(data),
      noteText: new Map(data.notes.map((n) => [n.personSlug, n.text])),
      openFollowUps: data.followUps.filter((f) => f.status === 'open'),
    };
    const rows = sortRows(buildPersonRows(listData, DEFAULT_SETTINGS, NOW), 'recent');
    const typed = 'priya nowak';
    filterRows(rows, { ...NO_FILTER, query: 'warm up' });
    // Each keystroke narrows the list; how fast is measured by `npm run bench`.
    let shown = rows.length;
    for (let i = 1; i <= typed.length; i++) {
      const next = filterRows(rows, { ...NO_FILTER, query: typed.slice(0, i) }).length;
      expect(next).toBeLessThanOrEqual(shown);
      shown = next;
    }
    expect(shown).toBe(data.people.filter((p) => p.name === 'Priya Nowak').length);
  });
});

describe('timeline, ties, follow-ups and the picker', () => {
  it('merges notes and touches newest first', () => {
    const note = (id: string, at: number): Note => ({
      id,
      personSlug: 'x',
      at,
      text: id,
      createdAt: at,
      updatedAt: at,
    });
    const touch = (id: string, at: number): Touch => ({
      id,
      personSlug: 'x',
      at,
      kind: 'message',
      direction: 'both',
      note: '',
      createdAt: at,
    });
    const merged = mergeTimeline(
      [note('n1', 10), note('n2', 30)],
      [touch('t1', 20), touch('t2', 30)],
    );
    expect(merged.map((e) => e.id)).toEqual(['n2', 't2', 't1', 'n1']);
  });

  it("loads one person's timeline only", async () => {
    await seedThree();
    await addNote(db, { slug: 'dana' }, 'Met at the offsite', NOW, NOW - DAY_MS);
    const timeline = await loadTimeline(db, 'dana');
    expect(timeline.map((e) => e.type)).toEqual(['note', 'touch', 'touch']);
    expect(timeline.every((e) => e.personSlug === 'dana')).toBe(true);
  });

  it('shows ties by the other person’s name and removes them', async () => {
    await seedThree();
    await addTie(db, 'sam', 'dana', 'same team', NOW);
    await addTie(db, 'priya', 'sam', '', NOW);
    const ties = await loadTies(db, 'sam');
    expect(ties.map((t) => [t.otherSlug, t.otherName, t.tie.label])).toEqual([
      ['dana', 'Dana Müller', 'same team'],
      ['priya', 'Priya Novak', ''],
    ]);
    await removeTie(db, ties[0]!.tie.id);
    expect((await loadTies(db, 'dana')).length).toBe(0);
  });

  it('orders follow-ups: open by due date, then done', async () => {
    await seedThree();
    await addFollowUp(db, 'sam', 'Later', NOW + 5 * DAY_MS, NOW);
    const done = await addFollowUp(db, 'sam', 'Already', NOW + DAY_MS, NOW);
    await setFollowUpDone(db, done, true, NOW);
    expect((await loadFollowUps(db, 'sam')).map((f) => f.text)).toEqual([
      'Send the deck',
      'Later',
      'Already',
    ]);
  });

  it('finds people by name prefix first, then inside the name, never the excluded one', async () => {
    await seedThree();
    await toggleRole(db, { slug: 'ana', name: 'Ana Novak' }, 'ally', NOW);
    await toggleRole(db, { slug: 'nova', name: 'Nova Quist' }, 'ally', NOW);
    // Each group alphabetical, whatever the order of the slugs.
    expect((await findPeopleByName(db, 'nov', 5)).map((p) => p.slug)).toEqual([
      'nova',
      'ana',
      'priya',
    ]);
    expect((await findPeopleByName(db, 'nov', 2)).map((p) => p.slug)).toEqual(['nova', 'ana']);
    // Accents and case aside, as in the people list.
    expect((await findPeopleByName(db, 'MULL', 5)).map((p) => p.slug)).toEqual(['dana']);
    expect((await findPeopleByName(db, 'pri', 5)).map((p) => p.slug)).toEqual(['priya']);
    expect((await findPeopleByName(db, 'Priya', 5, 'priya')).map((p) => p.slug)).toEqual([]);
    expect(await findPeopleByName(db, '   ', 5)).toEqual([]);
    await updatePerson(db, 'sam', { company: 'Novartis' }, NOW);
    expect((await findPeopleByName(db, 'novar', 5)).map((p) => p.slug)).toEqual(['sam']);
  });
});
