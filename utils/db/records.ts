import type { Collection } from 'dexie';
import { findPerson } from './lookups';
import { ALL_TABLES, WRITE_TABLES, allOf, type AllianceDb } from './schema';
import { keptHistory, personOf, storedPerson, type StoredPerson } from './stored-person';
import { UserError } from '@/utils/i18n/user-error';
import { personDoc, recordChanges, recordPeople, tieDoc } from '@/utils/sync/changes';
import {
  DEFAULT_DIRECTION,
  LIMITS,
  clampText,
  isValidDate,
  newPerson,
  isNoProfileKey,
  orderedPair,
  otherEnd,
  type Direction,
  type FollowUp,
  type Person,
  type Role,
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

function checkedDate(ms: number): number {
  if (!isValidDate(ms)) throw new UserError('error_dateRange');
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

/** `person` as the table stores them, with what it keeps beside them read from their records. */
async function storedNow(db: AllianceDb, person: Person): Promise<StoredPerson> {
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
  return storedPerson(person, {
    ...(lastTouch ? { lastTouchAt: lastTouch.at } : {}),
    hasRecords: lastTouch !== undefined || others.some((keys) => keys.length > 0),
  });
}

/**
 * Writes `person` with what the table keeps beside them (./stored-person.ts), read from their
 * records as they are now: call it inside the write's transaction, after its other writes.
 * Exported for sync, which writes people received from other devices (utils/sync/apply.ts).
 */
export async function putPerson(db: AllianceDb, person: Person): Promise<StoredPerson> {
  const stored = await storedNow(db, person);
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
  return db.transaction('rw', WRITE_TABLES, async () => {
    const { person } = await seenPerson(db, seen, now);
    const cleaned = cleanPatch(patch);
    await recordPeople(db, [person.slug]);
    return putPerson(db, {
      ...person,
      ...cleaned,
      roles: [...new Set([...(cleaned.roles ?? person.roles), ...roles])],
      updatedAt: now,
    });
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
    if (!person) throw new UserError('error_personGone');
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
  if (!body) throw new UserError('error_noteEmpty');
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
  if (!person) throw new UserError('error_personGone');
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
  if (!body) throw new UserError('error_followUpEmpty');
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
  if (x === y) throw new UserError('error_tieSelf');
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
  if (fromSlug === intoSlug) throw new UserError('error_mergeSame');
  return db.transaction('rw', WRITE_TABLES, async () => {
    const [from, into] = await db.people.bulkGet([fromSlug, intoSlug]);
    if (!from || !into) throw new UserError('error_mergeMissing');
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
  if (!isNoProfileKey(noProfileSlug)) throw new UserError('error_hasProfile');
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
