import Dexie from 'dexie';
import type { AllianceDb } from './schema';
import {
  DEFAULT_DIRECTION,
  LIMITS,
  dueAtFor,
  newPerson,
  orderedPair,
  type Direction,
  type FollowUp,
  type Note,
  type Person,
  type Role,
  type Settings,
  type TouchKind,
} from '@/utils/model';

/** What a page tells us about a person when the user tags them there. */
export interface SeenIdentity {
  slug: string;
  profileUrl?: string;
  memberId?: string;
  name?: string;
  headline?: string;
  company?: string;
}

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

/** Fields the user edits in the side panel. */
export type PersonPatch = Partial<
  Pick<
    Person,
    | 'name'
    | 'headline'
    | 'company'
    | 'roles'
    | 'level'
    | 'influence'
    | 'stance'
    | 'basis'
    | 'decisionMaker'
    | 'motivations'
    | 'influencedBy'
    | 'cadenceDays'
  >
>;

/** Text cut to a limit, so a paste of a whole document cannot break a view or a record. */
export function clampText(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) : text;
}

/** A date the views can show: finite and within the years the product supports. */
export function isValidDate(ms: number): boolean {
  return Number.isFinite(ms) && ms >= LIMITS.minDate && ms <= LIMITS.maxDate;
}

function checkedDate(ms: number): number {
  if (!isValidDate(ms)) throw new RangeError('The date must be between the years 1900 and 9999.');
  return ms;
}

function cleanPatch(patch: PersonPatch): PersonPatch {
  const out: PersonPatch = { ...patch };
  if (out.name !== undefined) out.name = clampText(out.name.trim(), LIMITS.name);
  if (out.headline !== undefined) out.headline = clampText(out.headline, LIMITS.shortText);
  if (out.company !== undefined) out.company = clampText(out.company, LIMITS.shortText);
  if (out.motivations !== undefined) out.motivations = clampText(out.motivations, LIMITS.longText);
  if (out.influencedBy !== undefined)
    out.influencedBy = clampText(out.influencedBy, LIMITS.longText);
  if (out.roles !== undefined) out.roles = [...new Set(out.roles)];
  if (out.cadenceDays != null) {
    const { min, max } = LIMITS.cadenceDays;
    out.cadenceDays = Math.min(max, Math.max(min, Math.round(out.cadenceDays)));
  }
  return out;
}

/** The person a key names: their slug, a former slug, or their member id. */
export async function findPerson(db: AllianceDb, key: string): Promise<Person | undefined> {
  return (
    (await db.people.get(key)) ??
    (await db.people.where('aliases').equals(key).first()) ??
    (await db.people.where('memberId').equals(key).first())
  );
}

/**
 * The people with a record of their own (tagged, edited or seen) whom many keys name at once (a
 * screenful of list cards): three index walks, not one read per key. Those an import keeps in
 * connection blocks are left out: they are untagged, and a list draws chips for tagged people
 * only, so reading their blocks for a page of mostly unknown people would be for nothing (a
 * cursor walks the table's own records: utils/db/connection-blocks.ts).
 */
export async function findRecordedPeopleByKeys(
  db: AllianceDb,
  keys: readonly string[],
): Promise<Map<string, Person>> {
  const wanted = [...new Set(keys)];
  const found = new Map<string, Person>();
  if (!wanted.length) return found;
  const wantedSet = new Set(wanted);
  await db.transaction('r', db.people, async () => {
    const [bySlug, byAlias, byMember] = await Promise.all([
      db.people.where(':id').anyOf(wanted).toArray(),
      db.people.where('aliases').anyOf(wanted).toArray(),
      db.people.where('memberId').anyOf(wanted).toArray(),
    ]);
    for (const person of bySlug) found.set(person.slug, person);
    for (const person of [...byAlias, ...byMember]) {
      for (const key of [person.memberId, ...person.aliases]) {
        if (key && wantedSet.has(key) && !found.has(key)) found.set(key, person);
      }
    }
  });
  return found;
}

/** Summaries of the given people, in one read transaction. */
export async function summarize(
  db: AllianceDb,
  people: readonly Person[],
  settings: Settings,
  now: number,
  { countNotes = true }: { countNotes?: boolean } = {},
): Promise<Map<string, PersonSummary>> {
  const out = new Map<string, PersonSummary>();
  await db.transaction('r', [db.notes, db.touches, db.followUps], async () => {
    await Promise.all(
      people.map(async (person) => {
        const range = [
          [person.slug, Dexie.minKey],
          [person.slug, Dexie.maxKey],
        ] as const;
        const [noteCount, lastTouch, followUps] = await Promise.all([
          // List chips show no note count: a screenful then costs one query less per person.
          countNotes
            ? db.notes
                .where('[personSlug+at]')
                .between(...range)
                .count()
            : 0,
          db.touches
            .where('[personSlug+at]')
            .between(...range)
            .last(),
          db.followUps.where('personSlug').equals(person.slug).toArray(),
        ]);
        const lastTouchAt = lastTouch?.at ?? null;
        out.set(person.slug, {
          slug: person.slug,
          name: person.name,
          roles: person.roles,
          noteCount,
          lastTouchAt,
          dueAt: dueAtFor(person, lastTouchAt, settings),
          overdueFollowUps: followUps.filter((f) => f.status === 'open' && f.due < now).length,
        });
      }),
    );
  });
  return out;
}

/**
 * The record for a person seen on a page, created if new. Must run inside a rw transaction on
 * people. Fills only blanks: what the user typed is never overwritten by what a page shows.
 */
async function ensurePerson(db: AllianceDb, seen: SeenIdentity, now: number): Promise<Person> {
  const existing =
    (await findPerson(db, seen.slug)) ??
    (seen.memberId ? await findPerson(db, seen.memberId) : undefined);
  if (!existing) {
    const person = newPerson(seen.slug, now, {
      ...(seen.profileUrl ? { profileUrl: seen.profileUrl } : {}),
      ...(seen.memberId ? { memberId: seen.memberId, aliases: [seen.memberId] } : {}),
      name: clampText(seen.name?.trim() ?? '', LIMITS.name),
      headline: clampText(seen.headline ?? '', LIMITS.shortText),
      company: clampText(seen.company ?? '', LIMITS.shortText),
    });
    await db.people.add(person);
    return person;
  }
  const aliases = new Set(existing.aliases);
  if (seen.slug !== existing.slug) aliases.add(seen.slug);
  if (seen.memberId) aliases.add(seen.memberId);
  const filled: Person = {
    ...existing,
    memberId: existing.memberId ?? seen.memberId,
    aliases: [...aliases],
    name: existing.name || clampText(seen.name?.trim() ?? '', LIMITS.name),
    headline: existing.headline || clampText(seen.headline ?? '', LIMITS.shortText),
    company: existing.company || clampText(seen.company ?? '', LIMITS.shortText),
  };
  if (JSON.stringify(filled) !== JSON.stringify(existing)) await db.people.put(filled);
  return filled;
}

/**
 * Fills the blanks of a known person's record from what their profile shows (a record imported
 * from a CSV learns its member id and headline when the user visits). Unknown people are not
 * created: visiting a profile is not tagging it.
 */
export async function enrichPerson(db: AllianceDb, seen: SeenIdentity, now: number): Promise<void> {
  await db.transaction('rw', db.people, async () => {
    if (await findPerson(db, seen.slug)) await ensurePerson(db, seen, now);
  });
}

/** Turns one role on or off for a person, creating their record on first tag. */
export async function toggleRole(
  db: AllianceDb,
  seen: SeenIdentity,
  role: Role,
  now: number,
): Promise<Person> {
  return db.transaction('rw', db.people, async () => {
    const person = await ensurePerson(db, seen, now);
    const roles = person.roles.includes(role)
      ? person.roles.filter((r) => r !== role)
      : [...person.roles, role];
    const next = { ...person, roles, updatedAt: now };
    await db.people.put(next);
    return next;
  });
}

/**
 * Records someone the user names (the first run's "who decides", mentors, sponsor…): creates
 * them if new, fills their blanks from what is known of them, applies `patch` and adds `roles`
 * to theirs, in one transaction.
 */
export async function recordPerson(
  db: AllianceDb,
  seen: SeenIdentity,
  patch: PersonPatch,
  now: number,
  roles: readonly Role[] = [],
): Promise<Person> {
  return db.transaction('rw', db.people, async () => {
    const person = await ensurePerson(db, seen, now);
    const cleaned = cleanPatch(patch);
    const next = {
      ...person,
      ...cleaned,
      roles: [...new Set([...(cleaned.roles ?? person.roles), ...roles])],
      updatedAt: now,
    };
    await db.people.put(next);
    return next;
  });
}

/** Saves what the user edited about a person. */
export async function updatePerson(
  db: AllianceDb,
  slug: string,
  patch: PersonPatch,
  now: number,
): Promise<Person> {
  return db.transaction('rw', db.people, async () => {
    const person = await db.people.get(slug);
    if (!person) throw new Error('This person is no longer in your records.');
    const next = { ...person, ...cleanPatch(patch), updatedAt: now };
    await db.people.put(next);
    return next;
  });
}

/** A dated note; the person is created with it in the same transaction if new. */
export async function addNote(
  db: AllianceDb,
  seen: SeenIdentity,
  text: string,
  now: number,
  at = now,
): Promise<string> {
  const body = clampText(text.trim(), LIMITS.noteText);
  if (!body) throw new Error('A note needs some text.');
  checkedDate(at);
  return db.transaction('rw', db.people, db.notes, async () => {
    const person = await ensurePerson(db, seen, now);
    const id = crypto.randomUUID();
    await db.notes.add({
      id,
      personSlug: person.slug,
      at,
      text: body,
      createdAt: now,
      updatedAt: now,
    });
    return id;
  });
}

/** The most recent note about a person (keyed by their current slug). */
export async function latestNoteOf(db: AllianceDb, key: string): Promise<Note | undefined> {
  const person = await findPerson(db, key);
  if (!person) return undefined;
  return db.notes
    .where('[personSlug+at]')
    .between([person.slug, Dexie.minKey], [person.slug, Dexie.maxKey])
    .last();
}

/** Rewrites a note the user edited; an emptied note is deleted. */
export async function editNote(
  db: AllianceDb,
  id: string,
  text: string,
  now: number,
): Promise<void> {
  const body = clampText(text, LIMITS.noteText);
  if (!body.trim()) {
    await db.notes.delete(id);
    return;
  }
  await db.notes.update(id, { text: body, updatedAt: now });
}

export interface TouchInput {
  kind: TouchKind;
  at?: number;
  direction?: Direction;
  note?: string;
}

/** Logs one of the alliance habits with a person (direction defaults to what the habit implies). */
export async function logTouch(
  db: AllianceDb,
  seen: SeenIdentity,
  input: TouchInput,
  now: number,
): Promise<string> {
  const at = checkedDate(input.at ?? now);
  return db.transaction('rw', db.people, db.touches, async () => {
    const person = await ensurePerson(db, seen, now);
    const id = crypto.randomUUID();
    await db.touches.add({
      id,
      personSlug: person.slug,
      at,
      kind: input.kind,
      direction: input.direction ?? DEFAULT_DIRECTION[input.kind],
      note: clampText(input.note?.trim() ?? '', LIMITS.shortText),
      createdAt: now,
    });
    return id;
  });
}

/** Something the user promised a person, due on a date. */
export async function addFollowUp(
  db: AllianceDb,
  slug: string,
  text: string,
  due: number,
  now: number,
): Promise<string> {
  const body = clampText(text.trim(), LIMITS.shortText);
  if (!body) throw new Error('A follow-up needs a description.');
  const followUp: FollowUp = {
    id: crypto.randomUUID(),
    personSlug: slug,
    text: body,
    due: checkedDate(due),
    status: 'open',
    doneAt: null,
    createdAt: now,
  };
  await db.followUps.add(followUp);
  return followUp.id;
}

export async function setFollowUpDone(
  db: AllianceDb,
  id: string,
  done: boolean,
  now: number,
): Promise<void> {
  await db.followUps.update(
    id,
    done ? { status: 'done', doneAt: now } : { status: 'open', doneAt: null },
  );
}

/** Records that two people are strongly connected; a pair is stored once, never to oneself. */
export async function addTie(
  db: AllianceDb,
  x: string,
  y: string,
  label: string,
  now: number,
): Promise<void> {
  if (x === y) throw new Error('A person cannot be tied to themselves.');
  const [a, b] = orderedPair(x, y);
  await db.transaction('rw', db.ties, async () => {
    const existing = await db.ties.where('[a+b]').equals([a, b]).first();
    const tieLabel = clampText(label.trim(), LIMITS.label);
    if (existing) await db.ties.update(existing.id, { label: tieLabel });
    else await db.ties.add({ id: crypto.randomUUID(), a, b, label: tieLabel, createdAt: now });
  });
}

/** Deletes a person and everything recorded about them. */
export async function deletePerson(db: AllianceDb, slug: string): Promise<void> {
  await db.transaction('rw', [db.people, db.notes, db.touches, db.ties, db.followUps], async () => {
    await Promise.all([
      db.people.delete(slug),
      db.notes
        .where('[personSlug+at]')
        .between([slug, Dexie.minKey], [slug, Dexie.maxKey])
        .delete(),
      db.touches
        .where('[personSlug+at]')
        .between([slug, Dexie.minKey], [slug, Dexie.maxKey])
        .delete(),
      db.followUps.where('personSlug').equals(slug).delete(),
      db.ties.where('a').equals(slug).or('b').equals(slug).delete(),
    ]);
  });
}

/**
 * Folds the record `from` into `into` (the same person under two keys, e.g. after a vanity-URL
 * change): notes, touches, follow-ups and ties move, the key of `from` becomes an alias, and
 * blank fields of `into` take `from`'s values. Nothing is lost or duplicated.
 */
export async function mergePeople(
  db: AllianceDb,
  fromSlug: string,
  intoSlug: string,
  now: number,
): Promise<Person> {
  if (fromSlug === intoSlug) throw new Error('Choose two different people to merge.');
  return db.transaction(
    'rw',
    [db.people, db.notes, db.touches, db.ties, db.followUps],
    async () => {
      const [from, into] = await db.people.bulkGet([fromSlug, intoSlug]);
      if (!from || !into) throw new Error('Both people must exist to be merged.');
      const merged: Person = {
        ...into,
        memberId: into.memberId ?? from.memberId,
        aliases: [...new Set([...into.aliases, ...from.aliases, from.slug])].filter(
          (k) => k !== into.slug,
        ),
        name: into.name || from.name,
        headline: into.headline || from.headline,
        company: into.company || from.company,
        roles: [...new Set([...into.roles, ...from.roles])],
        level: into.level !== 'unknown' ? into.level : from.level,
        influence: into.influence !== 'unknown' ? into.influence : from.influence,
        stance: into.stance !== 'unknown' ? into.stance : from.stance,
        basis: into.basis !== 'unknown' ? into.basis : from.basis,
        decisionMaker: into.decisionMaker || from.decisionMaker,
        motivations: [into.motivations, from.motivations].filter(Boolean).join('\n\n'),
        influencedBy: [into.influencedBy, from.influencedBy].filter(Boolean).join('\n\n'),
        cadenceDays: into.cadenceDays ?? from.cadenceDays,
        createdAt: Math.min(into.createdAt, from.createdAt),
        updatedAt: now,
      };
      const inRange = [
        [fromSlug, Dexie.minKey],
        [fromSlug, Dexie.maxKey],
      ] as const;
      await db.notes
        .where('[personSlug+at]')
        .between(...inRange)
        .modify({ personSlug: intoSlug });
      await db.touches
        .where('[personSlug+at]')
        .between(...inRange)
        .modify({ personSlug: intoSlug });
      await db.followUps.where('personSlug').equals(fromSlug).modify({ personSlug: intoSlug });
      const ties = await db.ties.where('a').equals(fromSlug).or('b').equals(fromSlug).toArray();
      await db.ties.bulkDelete(ties.map((t) => t.id));
      for (const tie of ties) {
        const other = tie.a === fromSlug ? tie.b : tie.a;
        if (other === intoSlug) continue; // a tie between the two halves of one person disappears
        const [a, b] = orderedPair(intoSlug, other);
        const twin = await db.ties.where('[a+b]').equals([a, b]).first();
        if (twin) {
          if (!twin.label && tie.label) await db.ties.update(twin.id, { label: tie.label });
        } else {
          await db.ties.add({ ...tie, a, b });
        }
      }
      await db.people.delete(fromSlug);
      await db.people.put(merged);
      return merged;
    },
  );
}

/** Empties every table: the user's "delete everything". */
export async function deleteEverything(db: AllianceDb): Promise<void> {
  await db.transaction('rw', [db.people, db.notes, db.touches, db.ties, db.followUps], () =>
    Promise.all([
      db.people.clear(),
      db.notes.clear(),
      db.touches.clear(),
      db.ties.clear(),
      db.followUps.clear(),
    ]),
  );
}
