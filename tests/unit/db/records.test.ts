import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AllianceDb } from '@/utils/db/schema';
import {
  addFollowUp,
  addNote,
  addTie,
  deleteEverything,
  deletePerson,
  linkProfile,
  logTouch,
  mergePeople,
  toggleRole,
  updatePerson,
} from '@/utils/db/records';
import { findPeopleByKeys, findPerson, latestNoteOf, summarize } from '@/utils/db/lookups';
import { DAY_MS, DEFAULT_SETTINGS, LIMITS, newPerson, noProfileKey } from '@/utils/model';
import { NO_HISTORY, storedPerson } from '@/utils/db/stored-person';

const NOW = Date.UTC(2026, 10, 23, 12);
let db: AllianceDb;

beforeEach(() => {
  db = new AllianceDb(`records-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('tagging', () => {
  it('creates a person on first tag and toggles roles', async () => {
    await toggleRole(
      db,
      { slug: 'dana', name: 'Dana Lee', memberId: 'ACoAAB1234567890' },
      'sponsor',
      NOW,
    );
    await toggleRole(db, { slug: 'dana' }, 'mentor', NOW);
    let dana = await db.people.get('dana');
    expect(dana?.roles).toEqual(['sponsor', 'mentor']);
    expect(dana?.name).toBe('Dana Lee');
    await toggleRole(db, { slug: 'dana' }, 'sponsor', NOW);
    dana = await db.people.get('dana');
    expect(dana?.roles).toEqual(['mentor']);
  });

  it('never overwrites what the user typed with what a page shows', async () => {
    await toggleRole(db, { slug: 'dana', name: 'Dana Lee' }, 'ally', NOW);
    await updatePerson(db, 'dana', { company: 'Acme (her own words)' }, NOW);
    await toggleRole(db, { slug: 'dana', name: 'Someone Else', company: 'Other' }, 'mentor', NOW);
    const dana = await db.people.get('dana');
    expect(dana?.name).toBe('Dana Lee');
    expect(dana?.company).toBe('Acme (her own words)');
  });

  it('finds a renamed profile by its member id and keeps the new slug as an alias', async () => {
    await toggleRole(db, { slug: 'dana-old', memberId: 'ACoAAB1234567890' }, 'ally', NOW);
    await toggleRole(db, { slug: 'dana-new', memberId: 'ACoAAB1234567890' }, 'mentor', NOW);
    expect(await db.people.count()).toBe(1);
    expect((await findPerson(db, 'dana-new'))?.roles).toEqual(['ally', 'mentor']);
  });
});

describe('batched lookups', () => {
  it('answers slugs, former slugs and member ids in one call', async () => {
    await toggleRole(db, { slug: 'a', memberId: 'ACoAAAaaaaaaaaaaa' }, 'ally', NOW);
    await toggleRole(db, { slug: 'b' }, 'mentor', NOW);
    const found = await findPeopleByKeys(db, ['a', 'ACoAAAaaaaaaaaaaa', 'b', 'nobody']);
    expect([...found.keys()].sort()).toEqual(['ACoAAAaaaaaaaaaaa', 'a', 'b']);
    expect(found.get('ACoAAAaaaaaaaaaaa')?.slug).toBe('a');
  });
});

describe('summaries', () => {
  it('counts notes, finds the last touch, the due date and overdue follow-ups', async () => {
    await toggleRole(db, { slug: 'sam' }, 'ally', NOW - 40 * DAY_MS);
    await addNote(db, { slug: 'sam' }, 'Loves design reviews', NOW);
    await logTouch(db, { slug: 'sam' }, { kind: 'offered-help', at: NOW - 30 * DAY_MS }, NOW);
    await logTouch(db, { slug: 'sam' }, { kind: 'meeting', at: NOW - 25 * DAY_MS }, NOW);
    await addFollowUp(db, 'sam', 'Send the deck', NOW - DAY_MS, NOW);
    await addFollowUp(db, 'sam', 'Coffee', NOW + DAY_MS, NOW);
    const person = (await db.people.get('sam'))!;
    const summary = (await summarize(db, [person], DEFAULT_SETTINGS, NOW)).get('sam')!;
    expect(summary).toMatchObject({
      noteCount: 1,
      lastTouchAt: NOW - 25 * DAY_MS,
      overdueFollowUps: 1,
    });
    expect(summary.dueAt).toBe(NOW - 25 * DAY_MS + DEFAULT_SETTINGS.cadenceByRole.ally * DAY_MS);
    expect((await latestNoteOf(db, 'sam'))?.text).toBe('Loves design reviews');
  });
});

describe('bad input', () => {
  it('refuses an empty note, a date in the year 10000 and a tie to oneself', async () => {
    await expect(addNote(db, { slug: 'x' }, '   ', NOW)).rejects.toThrow(/needs some text/);
    await expect(
      logTouch(db, { slug: 'x' }, { kind: 'meeting', at: Date.UTC(10000, 0, 1) }, NOW),
    ).rejects.toThrow(/between the years/);
    await expect(addTie(db, 'x', 'x', '', NOW)).rejects.toThrow(/themselves/);
    expect(await db.people.count()).toBe(0);
  });

  it('cuts a 50,000-character note to the limit instead of failing', async () => {
    await addNote(db, { slug: 'x' }, 'a'.repeat(50_000), NOW);
    expect((await latestNoteOf(db, 'x'))?.text).toHaveLength(LIMITS.noteText);
  });
});

describe('merge', () => {
  it('moves notes, touches, follow-ups and ties without losing or duplicating any', async () => {
    await toggleRole(db, { slug: 'old', name: 'Dana' }, 'sponsor', NOW);
    await toggleRole(db, { slug: 'new' }, 'mentor', NOW);
    await toggleRole(db, { slug: 'boss' }, 'ally', NOW);
    await addNote(db, { slug: 'old' }, 'n1', NOW);
    await addNote(db, { slug: 'new' }, 'n2', NOW);
    await logTouch(db, { slug: 'old' }, { kind: 'meeting' }, NOW);
    await addFollowUp(db, 'old', 'f1', NOW, NOW);
    await addTie(db, 'old', 'boss', 'reports to', NOW);
    await addTie(db, 'new', 'boss', '', NOW);
    await addTie(db, 'old', 'new', 'same person', NOW);

    const merged = await mergePeople(db, 'old', 'new', NOW);
    expect(merged.roles.sort()).toEqual(['mentor', 'sponsor']);
    expect(merged.name).toBe('Dana');
    expect(merged.aliases).toContain('old');
    expect(await db.people.get('old')).toBeUndefined();
    expect((await db.notes.toArray()).map((n) => n.personSlug)).toEqual(['new', 'new']);
    expect((await db.touches.toArray()).map((t) => t.personSlug)).toEqual(['new']);
    expect((await db.followUps.toArray()).map((f) => f.personSlug)).toEqual(['new']);
    const ties = await db.ties.toArray();
    expect(ties).toHaveLength(1);
    expect(ties[0]).toMatchObject({ a: 'boss', b: 'new', label: 'reports to' });
    expect((await findPerson(db, 'old'))?.slug).toBe('new');
  });
});

describe('deleting', () => {
  it('deletes one person with everything about them, or everything', async () => {
    await toggleRole(db, { slug: 'a' }, 'ally', NOW);
    await toggleRole(db, { slug: 'b' }, 'ally', NOW);
    await addNote(db, { slug: 'a' }, 'note', NOW);
    await addTie(db, 'a', 'b', '', NOW);
    await deletePerson(db, 'a');
    expect(await db.notes.count()).toBe(0);
    expect(await db.ties.count()).toBe(0);
    expect(await db.people.count()).toBe(1);
    await deleteEverything(db);
    expect(await db.people.count()).toBe(0);
  });
});

describe('someone known without a profile', () => {
  it('is linked to the profile the user confirms, with everything recorded about them', async () => {
    const key = noProfileKey();
    await db.people.add(
      storedPerson(
        newPerson(key, NOW - 400 * DAY_MS, { name: 'Ada Lovelace', company: 'Analytical Engines' }),
        NO_HISTORY,
      ),
    );
    await addNote(db, { slug: key }, 'Met at the 2017 offsite', NOW);
    await toggleRole(db, { slug: key }, 'mentor', NOW);
    await logTouch(db, { slug: key }, { kind: 'meeting', at: NOW - 3 * DAY_MS }, NOW);
    const linked = await linkProfile(
      db,
      key,
      { slug: 'ada-lovelace', name: 'Ada Lovelace', memberId: 'ACoAAB1234567890' },
      NOW,
    );
    expect(linked).toMatchObject({
      slug: 'ada-lovelace',
      profileUrl: 'https://www.linkedin.com/in/ada-lovelace/',
      company: 'Analytical Engines',
      aliases: ['ACoAAB1234567890'],
      roles: ['mentor'],
    });
    expect(await db.people.get(key)).toBeUndefined();
    expect(await db.people.get('ada-lovelace')).toMatchObject({
      tracked: 1,
      lastTouchAt: NOW - 3 * DAY_MS,
    });
    expect((await latestNoteOf(db, 'ada-lovelace'))?.text).toBe('Met at the 2017 offsite');
    await expect(linkProfile(db, 'ada-lovelace', { slug: 'x' }, NOW)).rejects.toThrow(
      /already has a profile/,
    );
  });
});
