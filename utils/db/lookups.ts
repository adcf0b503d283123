/**
 * Finding people by the keys pages name them by, and what the badge, chips and toolbar show
 * about them. Reads only: the writes are in ./records.ts.
 */
import Dexie from 'dexie';
import { allOf, type AllianceDb } from './schema';
import type { StoredPerson } from './stored-person';
import { dueAtFor, type Note, type Role, type Settings } from '@/utils/model';

/** What the badge, chips and toolbar show about a person at a glance. */
export interface PersonSummary {
  slug: string;
  name: string;
  roles: Role[];
  noteCount: number;
  lastTouchAt: number | null;
  /** When the next touch is due from the person's cadence; null for untagged people never touched. */
  dueAt: number | null;
  overdueFollowUps: number;
}

/** The person a key names: their slug, a former slug, or their member id. */
export async function findPerson(db: AllianceDb, key: string): Promise<StoredPerson | undefined> {
  return (
    (await db.people.get(key)) ??
    (await db.people.where('aliases').equals(key).first()) ??
    (await db.people.where('memberId').equals(key).first())
  );
}

/**
 * The people many keys name at once (a screenful of list cards). Most keys are slugs, found by
 * the primary key in one batch; only the keys that name nobody that way (a member id, a former
 * slug) are looked for among aliases and member ids, each by one point query, all at once. A
 * cursor jumping from key to key waits for each step in turn: for a page of 100 people that
 * was most of the lookup.
 */
export async function findPeopleByKeys(
  db: AllianceDb,
  keys: readonly string[],
): Promise<Map<string, StoredPerson>> {
  const wanted = [...new Set(keys)];
  const found = new Map<string, StoredPerson>();
  if (!wanted.length) return found;
  await db.transaction('r', db.people, async () => {
    const bySlug = await db.people.bulkGet(wanted);
    const others = wanted.filter((_, i) => !bySlug[i]);
    const byOther = await Promise.all(
      others.map(
        async (key) =>
          (await db.people.where('aliases').equals(key).first()) ??
          (await db.people.where('memberId').equals(key).first()),
      ),
    );
    bySlug.forEach((person, i) => person && found.set(wanted[i]!, person));
    byOther.forEach((person, i) => person && found.set(others[i]!, person));
  });
  return found;
}

/** Summaries of the given people, in one read transaction. */
export async function summarize(
  db: AllianceDb,
  people: readonly StoredPerson[],
  settings: Settings,
  now: number,
  { countNotes = true }: { countNotes?: boolean } = {},
): Promise<Map<string, PersonSummary>> {
  const out = new Map<string, PersonSummary>();
  if (!people.length) return out;
  await db.transaction('r', [db.notes, db.followUps], async () => {
    const [noteCounts, overdueFollowUps] = await Promise.all([
      // List chips show no note count: a screenful then costs no query for it.
      countNotes
        ? Promise.all(
            people.map((person) =>
              db.notes
                .where('[personSlug+at]')
                .between(...allOf(person.slug))
                .count(),
            ),
          )
        : people.map(() => 0),
      // Overdue: open and due before now. Everyone's at once, a few records at most.
      db.followUps
        .where('[status+due]')
        .between(['open', Dexie.minKey], ['open', now], true, false)
        .toArray(),
    ]);
    const overdue = new Map<string, number>();
    for (const f of overdueFollowUps)
      overdue.set(f.personSlug, (overdue.get(f.personSlug) ?? 0) + 1);
    people.forEach((person, i) => {
      const lastTouchAt = person.lastTouchAt ?? null;
      out.set(person.slug, {
        slug: person.slug,
        name: person.name,
        roles: person.roles,
        noteCount: noteCounts[i] ?? 0,
        lastTouchAt,
        dueAt: dueAtFor(person, lastTouchAt, settings),
        overdueFollowUps: overdue.get(person.slug) ?? 0,
      });
    });
  });
  return out;
}

/** The most recent note about a person (keyed by their current slug). */
export async function latestNoteOf(db: AllianceDb, key: string): Promise<Note | undefined> {
  const person = await findPerson(db, key);
  if (!person) return undefined;
  return db.notes
    .where('[personSlug+at]')
    .between(...allOf(person.slug))
    .last();
}
