import Dexie, { type Collection } from 'dexie';
import { ALL_TABLES, WRITE_TABLES, type AllianceDb } from './schema';
import { keptHistory, personOf, storedPerson, type StoredPerson } from './stored-person';
import { personDoc, recordChanges, recordPeople, tieDoc } from '@/utils/sync/changes';
import {
  DEFAULT_DIRECTION,
  LIMITS,
  dueAtFor,
  newPerson,
  isNoProfileKey,
  orderedPair,
  otherEnd,
  type Direction,
  type FollowUp,
  type Note,
  type Person,
  type Role,
  type Settings,
  type Tie,
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

/** The range of a `[personSlug+…]` index that holds one person's records. */
export function allOf(slug: string): [[string, unknown], [string, unknown]] {
  return [
    [slug, Dexie.minKey],
    [slug, Dexie.maxKey],
  ];
}

/**
 * Writes `person` with what the table keeps beside them (./stored-person.ts), read from their
 * records as they are now: call it inside the write's transaction, after its other writes.
 * Exported for sync, which writes people received from other devices (utils/sync/apply.ts).
 */
export async function putPerson(db: AllianceDb, person: Person): Promise<StoredPerson> {
  const { slug } = person;
  const any = (records: Collection) => records.limit(1).primaryKeys();
  const [lastTouch, ...others] = await Promise.all([
    db.touches
      .where('[personSlug+at]')
      .between(...allOf(slug))
      .last(),
    any(db.notes.where('[personSlug+at]').between(...allOf(slug))),
    any(db.followUps.where('personSlug').equals(slug)),
    any(db.ties.where('a').equals(slug)),
    any(db.ties.where('b').equals(slug)),
  ]);
  const stored = storedPerson(person, {
    ...(lastTouch ? { lastTouchAt: lastTouch.at } : {}),
    hasRecords: lastTouch !== undefined || others.some((keys) => keys.length > 0),
  });
  await db.people.put(stored);
  return stored;
}

/** Refreshes what the table keeps beside each of `slugs` that is a person (after records went). */
export async function refreshPeople(db: AllianceDb, slugs: readonly string[]): Promise<void> {
  const people = await db.people.bulkGet([...new Set(slugs)]);
  await Promise.all(people.map((person) => person && putPerson(db, person)));
}

/**
 * The record of a person seen on a page, filled in from what it shows, not yet written: an
 * existing record keeps what the user typed and learns only blanks (a member id, a former slug,
 * a headline). Must run inside a transaction on people.
 */
async function seenPerson(
  db: AllianceDb,
  seen: SeenIdentity,
  now: number,
): Promise<{ person: StoredPerson | Person; existing: StoredPerson | undefined }> {
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
    return { person, existing };
  }
  const aliases = new Set(existing.aliases);
  if (seen.slug !== existing.slug) aliases.add(seen.slug);
  if (seen.memberId) aliases.add(seen.memberId);
  const person: StoredPerson = {
    ...existing,
    memberId: existing.memberId ?? seen.memberId,
    aliases: [...aliases],
    name: existing.name || clampText(seen.name?.trim() ?? '', LIMITS.name),
    headline: existing.headline || clampText(seen.headline ?? '', LIMITS.shortText),
    company: existing.company || clampText(seen.company ?? '', LIMITS.shortText),
  };
  if (person.memberId === undefined) delete person.memberId;
  return { person, existing };
}

/**
 * Fills the blanks of a known person's record from what their profile shows (a record imported
 * from a CSV learns its member id and headline when the user visits). Unknown people are not
 * created: visiting a profile is not tagging it.
 */
export async function enrichPerson(db: AllianceDb, seen: SeenIdentity, now: number): Promise<void> {
  await db.transaction('rw', [db.people, db.syncChanges, db.syncState], async () => {
    const { person, existing } = await seenPerson(db, seen, now);
    if (!existing || JSON.stringify(person) === JSON.stringify(existing)) return;
    // Only blanks were filled: the person's marks and records are as they were.
    await db.people.put(storedPerson(person, keptHistory(existing)));
    await recordPeople(db, [person.slug]);
  });
}

/** Turns one role on or off for a person, creating their record on first tag. */
export async function toggleRole(
  db: AllianceDb,
  seen: SeenIdentity,
  role: Role,
  now: number,
): Promise<Person> {
  return db.transaction('rw', WRITE_TABLES, async () => {
    const { person } = await seenPerson(db, seen, now);
    const roles = person.roles.includes(role)
      ? person.roles.filter((r) => r !== role)
      : [...person.roles, role];
    await recordPeople(db, [person.slug]);
    return putPerson(db, { ...person, roles, updatedAt: now });
  });
}

/** Saves what the user edited about a person. */
export async function updatePerson(
  db: AllianceDb,
  slug: string,
  patch: PersonPatch,
  now: number,
): Promise<Person> {
  return db.transaction('rw', WRITE_TABLES, async () => {
    const person = await db.people.get(slug);
    if (!person) throw new Error('This person is no longer in your records.');
    await recordPeople(db, [slug]);
    return putPerson(db, { ...person, ...cleanPatch(patch), updatedAt: now });
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
  return db.transaction('rw', WRITE_TABLES, async () => {
    const { person } = await seenPerson(db, seen, now);
    const id = crypto.randomUUID();
    await db.notes.add({
      id,
      personSlug: person.slug,
      at,
      text: body,
      createdAt: now,
      updatedAt: now,
    });
    await recordPeople(db, [person.slug]);
    await putPerson(db, person);
    return id;
  });
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

/** Rewrites a note the user edited; an emptied note is deleted. */
export async function editNote(
  db: AllianceDb,
  id: string,
  text: string,
  now: number,
): Promise<void> {
  const body = clampText(text, LIMITS.noteText);
  await db.transaction('rw', WRITE_TABLES, async () => {
    const note = await db.notes.get(id);
    if (!note) return;
    await recordPeople(db, [note.personSlug]);
    if (body.trim()) {
      await db.notes.update(id, { text: body, updatedAt: now });
      return;
    }
    await db.notes.delete(id);
    await refreshPeople(db, [note.personSlug]);
  });
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
  return db.transaction('rw', WRITE_TABLES, async () => {
    const { person } = await seenPerson(db, seen, now);
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
    await recordPeople(db, [person.slug]);
    await putPerson(db, person);
    return id;
  });
}

/** The person `slug` names, or an error saying they are gone (inside a transaction). */
async function existingPerson(db: AllianceDb, slug: string): Promise<StoredPerson> {
  const person = await db.people.get(slug);
  if (!person) throw new Error('This person is no longer in your records.');
  return person;
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
  await db.transaction('rw', WRITE_TABLES, async () => {
    const person = await existingPerson(db, slug);
    await db.followUps.add(followUp);
    await recordPeople(db, [slug]);
    await putPerson(db, person);
  });
  return followUp.id;
}

export async function setFollowUpDone(
  db: AllianceDb,
  id: string,
  done: boolean,
  now: number,
): Promise<void> {
  await db.transaction('rw', [db.followUps, db.syncChanges, db.syncState], async () => {
    const followUp = await db.followUps.get(id);
    if (!followUp) return;
    await db.followUps.update(
      id,
      done ? { status: 'done', doneAt: now } : { status: 'open', doneAt: null },
    );
    await recordPeople(db, [followUp.personSlug]);
  });
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
  await db.transaction('rw', WRITE_TABLES, async () => {
    const ends = await Promise.all([existingPerson(db, a), existingPerson(db, b)]);
    const existing = await db.ties.where('[a+b]').equals([a, b]).first();
    const tieLabel = clampText(label.trim(), LIMITS.label);
    if (existing) await db.ties.update(existing.id, { label: tieLabel });
    else await db.ties.add({ id: crypto.randomUUID(), a, b, label: tieLabel, createdAt: now });
    await recordChanges(db, [tieDoc(a, b)]);
    await Promise.all(ends.map((person) => putPerson(db, person)));
  });
}

/** Removes one tie between two people. */
export async function removeTie(db: AllianceDb, id: string): Promise<void> {
  await db.transaction('rw', WRITE_TABLES, async () => {
    const tie = await db.ties.get(id);
    if (!tie) return;
    await db.ties.delete(id);
    await recordChanges(db, [tieDoc(tie.a, tie.b)]);
    await refreshPeople(db, [tie.a, tie.b]);
  });
}

/**
 * Deletes a person, everything recorded about them and their ties, inside the caller's
 * transaction; returns the ties it deleted. Exported for sync, which deletes people deleted on
 * another device (utils/sync/apply.ts).
 */
export async function removePersonRecords(db: AllianceDb, slug: string): Promise<Tie[]> {
  const ties = await db.ties.where('a').equals(slug).or('b').equals(slug).toArray();
  await Promise.all([
    db.people.delete(slug),
    db.notes
      .where('[personSlug+at]')
      .between(...allOf(slug))
      .delete(),
    db.touches
      .where('[personSlug+at]')
      .between(...allOf(slug))
      .delete(),
    db.followUps.where('personSlug').equals(slug).delete(),
    db.ties.bulkDelete(ties.map((tie) => tie.id)),
  ]);
  // Someone tied only to them keeps nothing else about them.
  await refreshPeople(
    db,
    ties.map((tie) => otherEnd(tie, slug)),
  );
  return ties;
}

/** Deletes a person and everything recorded about them. */
export async function deletePerson(db: AllianceDb, slug: string): Promise<void> {
  await db.transaction('rw', WRITE_TABLES, async () => {
    const ties = await removePersonRecords(db, slug);
    await recordChanges(db, [personDoc(slug), ...ties.map((tie) => tieDoc(tie.a, tie.b))]);
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
  return db.transaction('rw', WRITE_TABLES, async () => {
    const [from, into] = await db.people.bulkGet([fromSlug, intoSlug]);
    if (!from || !into) throw new Error('Both people must exist to be merged.');
    const merged: Person = {
      ...personOf(into),
      memberId: into.memberId ?? from.memberId,
      // A key without a profile names nobody on LinkedIn: it is not kept as an alias.
      aliases: [...new Set([...into.aliases, ...from.aliases, from.slug])].filter(
        (k) => k !== into.slug && !isNoProfileKey(k),
      ),
      profileUrl: into.profileUrl || from.profileUrl,
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
    if (merged.memberId === undefined) delete merged.memberId;
    await db.notes
      .where('[personSlug+at]')
      .between(...allOf(fromSlug))
      .modify({ personSlug: intoSlug });
    await db.touches
      .where('[personSlug+at]')
      .between(...allOf(fromSlug))
      .modify({ personSlug: intoSlug });
    await db.followUps.where('personSlug').equals(fromSlug).modify({ personSlug: intoSlug });
    const ties = await db.ties.where('a').equals(fromSlug).or('b').equals(fromSlug).toArray();
    await db.ties.bulkDelete(ties.map((t) => t.id));
    // The ties move to pairs of their own: each old pair and each new one is a changed document.
    await recordChanges(db, [
      personDoc(fromSlug),
      personDoc(intoSlug),
      ...ties.map((tie) => tieDoc(tie.a, tie.b)),
      ...ties.map((tie) => tieDoc(...orderedPair(intoSlug, otherEnd(tie, fromSlug)))),
    ]);
    for (const tie of ties) {
      const other = otherEnd(tie, fromSlug);
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
    return putPerson(db, merged);
  });
}

/**
 * Links someone known without a profile (from an old export) to the profile the user has open,
 * once the user confirmed it is them: the profile's record (made if new) takes everything the
 * old one held, as a merge does.
 */
export async function linkProfile(
  db: AllianceDb,
  noProfileSlug: string,
  seen: SeenIdentity,
  now: number,
): Promise<Person> {
  if (!isNoProfileKey(noProfileSlug)) throw new Error('This person already has a profile.');
  return db.transaction('rw', WRITE_TABLES, async () => {
    const { person } = await seenPerson(db, seen, now);
    await recordPeople(db, [person.slug]);
    await putPerson(db, person);
    return mergePeople(db, noProfileSlug, person.slug, now);
  });
}

/**
 * Empties every table: the user's "delete everything". With sync on, every person and tie is
 * noted as deleted, for the other devices (the options page asks first: docs/sync.md).
 */
export async function deleteEverything(db: AllianceDb): Promise<void> {
  await db.transaction('rw', WRITE_TABLES, async () => {
    const [slugs, ties] = await Promise.all([
      db.people.toCollection().primaryKeys(),
      db.ties.toArray(),
    ]);
    await recordChanges(db, [...slugs.map(personDoc), ...ties.map((tie) => tieDoc(tie.a, tie.b))]);
    await Promise.all(ALL_TABLES.map((name) => db.table(name).clear()));
  });
}
