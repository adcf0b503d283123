/**
 * Writes documents received from other devices into the tables (docs/sync.md, "Receiving"):
 * a batch in one transaction, with the revision each now holds and how far the local copy has
 * been read, so that an interrupted sync resumes where it stopped and applies nothing twice.
 * A document this device changed since (its change not yet sent) is left alone: sending it
 * makes a conflict that the merge rules settle, and the result comes back here.
 */
import Dexie from 'dexie';
import { docRefOf } from './changes';
import type { DocContent, GoneContent, PersonContent, TieContent } from './documents';
import { readState, type SyncedDoc, type SyncWaiting } from './tables';
import { mergePeople, putPerson, refreshPeople, removePersonRecords } from '@/utils/db/records';
import { storedPeople } from '@/utils/db/stored-person';
import { WRITE_TABLES, allOf, type AllianceDb } from '@/utils/db/schema';

/** A document as the local copy now holds it, opened. */
export interface ReceivedDoc extends SyncedDoc {
  content: DocContent;
}

/** The tables a batch of received documents is written in. */
const APPLY_TABLES = [...WRITE_TABLES, 'syncedDocs'] as const;

/** The tables of a person's records, each with what the document holds of it. */
function recordTables(db: AllianceDb, content: PersonContent) {
  return [
    [db.notes, content.notes],
    [db.touches, content.touches],
    [db.followUps, content.followUps],
  ] as const;
}

type RecordTable = ReturnType<typeof recordTables>[number][0];

/** A record's key across the three tables: a note and a touch may share an id. */
function recordKey(table: RecordTable, id: string): string {
  return `${table.name}\u0000${id}`;
}

/** The keys of the records `table` holds about `slug`. */
function heldBy(table: RecordTable, slug: string): Promise<string[]> {
  const index =
    table.name === 'followUps'
      ? table.where('personSlug').equals(slug)
      : table.where('[personSlug+at]').between(...allOf(slug));
  return index.primaryKeys() as Promise<string[]>;
}

/**
 * Makes a person's records exactly the document's: theirs not in it are deleted, the document's
 * are written (taking any that a merge elsewhere moved from someone else, who is refreshed).
 */
async function writePerson(db: AllianceDb, content: PersonContent): Promise<void> {
  const slug = content.person.slug;
  const formerOwners = new Set<string>();
  for (const [table, records] of recordTables(db, content)) {
    const ids = new Set(records.map((record) => record.id));
    const held = await heldBy(table, slug);
    await table.bulkDelete(held.filter((id) => !ids.has(id)));
    const before = await table.bulkGet([...ids]);
    for (const record of before)
      if (record && record.personSlug !== slug) formerOwners.add(record.personSlug);
    await (table as Dexie.Table).bulkPut(records as unknown[]);
  }
  await putPerson(db, content.person);
  await refreshPeople(db, [...formerOwners]);
}

/**
 * The people of `contents` that `writeNewPeople` may write: not here yet, and none of their
 * records here or in another document of the batch. Nothing else the batch writes is theirs,
 * and whatever else comes to touch them refreshes them (a tie, a removal, a merge), so writing
 * them before the others changes nothing of the result.
 */
async function newPeople(
  db: AllianceDb,
  contents: readonly PersonContent[],
  existed: (slug: string) => boolean,
): Promise<PersonContent[]> {
  const seen = new Map<string, number>();
  const tally = (key: string) => seen.set(key, (seen.get(key) ?? 0) + 1);
  for (const content of contents) {
    tally(content.person.slug);
    for (const [table, records] of recordTables(db, content))
      for (const record of records) tally(recordKey(table, record.id));
  }
  const candidates = contents.filter((content) => !existed(content.person.slug));
  // The candidates' records each table already holds, a read per table.
  const here = new Set<string>();
  await Promise.all(
    [db.notes, db.touches, db.followUps].map(async (table, index) => {
      const ids = candidates.flatMap((content) =>
        recordTables(db, content)[index]![1].map((record) => record.id),
      );
      for (const record of await (table as Dexie.Table<{ id: string }, string>).bulkGet(ids))
        if (record) here.add(recordKey(table, record.id));
    }),
  );
  return candidates.filter(
    (content) =>
      seen.get(content.person.slug) === 1 &&
      recordTables(db, content).every(([table, records]) =>
        records.every((record) => {
          const key = recordKey(table, record.id);
          return seen.get(key) === 1 && !here.has(key);
        }),
      ),
  );
}

/**
 * What `writePerson` does for each of `contents`, for people `newPeople` chose: all their
 * records at once, then all of them. (Records held under their key without them, if any, go.)
 * Their records are then exactly their documents', so what the table keeps beside each comes
 * from the document: five reads a person fewer, most of a joining device's time in a batch.
 */
async function writeNewPeople(db: AllianceDb, contents: readonly PersonContent[]): Promise<void> {
  for (const [index, table] of [db.notes, db.touches, db.followUps].entries()) {
    const held = await Promise.all(contents.map((content) => heldBy(table, content.person.slug)));
    await table.bulkDelete(held.flat());
    await (table as Dexie.Table).bulkPut(
      contents.flatMap((content): unknown[] => recordTables(db, content)[index]![1]),
    );
  }
  // A tie is written only between two people here, so none should name them; read, not assumed.
  const slugs = contents.map((content) => content.person.slug);
  const ties = await db.ties.where('a').anyOf(slugs).or('b').anyOf(slugs).toArray();
  await db.people.bulkPut(
    storedPeople(
      contents.map((content) => content.person),
      {
        notes: contents.flatMap((content) => content.notes),
        touches: contents.flatMap((content) => content.touches),
        followUps: contents.flatMap((content) => content.followUps),
        ties,
      },
    ),
  );
}

/**
 * Writes a tie if both its people are here (one tie per pair, whatever its id); false when one
 * of them is not.
 */
async function writeTie(db: AllianceDb, { tie }: TieContent): Promise<boolean> {
  const ends = await db.people.bulkGet([tie.a, tie.b]);
  if (!ends[0] || !ends[1]) return false;
  const twins = await db.ties.where('[a+b]').equals([tie.a, tie.b]).primaryKeys();
  await db.ties.bulkDelete(twins.filter((id) => id !== tie.id));
  await db.ties.put(tie);
  await Promise.all(ends.map((person) => putPerson(db, person!)));
  return true;
}

async function removeTie(db: AllianceDb, a: string, b: string): Promise<void> {
  await db.ties.where('[a+b]').equals([a, b]).delete();
  await refreshPeople(db, [a, b]);
}

/** Writes a person or a deletion (ties are written after the people of their batch). */
async function writeContent(db: AllianceDb, content: PersonContent | GoneContent): Promise<void> {
  if (content.kind === 'person') return writePerson(db, content);
  const ref = docRefOf(content.key);
  if (ref?.kind === 'person') await removePersonRecords(db, ref.slug);
  else if (ref?.kind === 'tie') await removeTie(db, ref.a, ref.b);
}

/**
 * Follows a merge made on another device: a person who came back here although someone else
 * now holds their key as an alias (deleted by the merge there, edited here), or someone whose
 * received record gained the key of a person still here. Two people who each hold the other's
 * key (merged each into the other on two devices) become the one with the first key, on every
 * device alike. Two people who were already both here are never merged by sync.
 */
async function followMerges(
  db: AllianceDb,
  slug: string,
  before: { existed: boolean; aliases: readonly string[] },
  now: number,
): Promise<boolean> {
  const person = await db.people.get(slug);
  if (!person) return false;
  const fold = async (from: string, into: string) => {
    await mergePeople(db, from, into, now);
    return true;
  };
  const inOrder = (other: string) => (slug < other ? fold(other, slug) : fold(slug, other));
  const owners = await db.people.where('aliases').equals(slug).toArray();
  for (const owner of owners.filter((other) => other.slug !== slug)) {
    if (person.aliases.includes(owner.slug)) return inOrder(owner.slug);
    if (!before.existed) return fold(slug, owner.slug);
  }
  for (const alias of person.aliases) {
    if (alias === slug || before.aliases.includes(alias)) continue;
    const other = await db.people.get(alias);
    if (!other) continue;
    return other.aliases.includes(slug) ? inOrder(alias) : fold(alias, slug);
  }
  return false;
}

/**
 * Whether `followMerges` may find a merge to follow for `slug`, read without writing (so that
 * a batch asks it of all its people at once): someone else holds their key, or they gained an
 * alias that is someone here.
 */
async function mayFollowMerges(
  db: AllianceDb,
  slug: string,
  before: { aliases: readonly string[] },
): Promise<boolean> {
  const [person, owners] = await Promise.all([
    db.people.get(slug),
    db.people.where('aliases').equals(slug).primaryKeys(),
  ]);
  if (!person) return false;
  if (owners.some((owner) => owner !== slug)) return true;
  const gained = person.aliases.filter(
    (alias) => alias !== slug && !before.aliases.includes(alias),
  );
  return (await db.people.bulkGet(gained)).some((other) => other !== undefined);
}

/**
 * Writes a batch of received documents and remembers `seq`, the point of the local copy's
 * changes they reach, in one transaction. Returns how many documents changed the tables. When
 * `abandon` aborts before it commits, the transaction is aborted: nothing of the batch is written.
 */
export async function applyReceived(
  db: AllianceDb,
  docs: readonly ReceivedDoc[],
  seq: number | string,
  now: number,
  abandon?: AbortSignal,
): Promise<number> {
  return db.transaction('rw', APPLY_TABLES, async (tx) => {
    const giveUp = () => {
      try {
        tx.abort();
      } catch {
        // Committed meanwhile: the batch is written, and that is fine too.
      }
    };
    if (abandon?.aborted) giveUp();
    abandon?.addEventListener('abort', giveUp, { once: true });
    try {
      return await writeBatch(db, docs, seq, now);
    } finally {
      abandon?.removeEventListener('abort', giveUp);
    }
  });
}

/** What `applyReceived` writes, inside its transaction. */
async function writeBatch(
  db: AllianceDb,
  docs: readonly ReceivedDoc[],
  seq: number | string,
  now: number,
): Promise<number> {
  // Sync turned off during the pass (a delete "only on this computer" may follow): write nothing.
  if (!(await db.syncState.get('account'))) return 0;
  const keys = docs.map((doc) => doc.key);
  const [changed, synced] = await Promise.all([
    db.syncChanges.bulkGet(keys),
    db.syncedDocs.bulkGet(keys),
  ]);
  const todo = docs.filter((doc, i) => !changed[i] && synced[i]?.rev !== doc.rev);
  const people = todo.flatMap((doc) => (doc.content.kind === 'person' ? [doc.content] : []));
  const before = new Map(
    (await db.people.bulkGet(people.map((content) => content.person.slug))).map((person, i) => [
      people[i]!.person.slug,
      { existed: person !== undefined, aliases: person?.aliases ?? [] },
    ]),
  );
  const fresh = await newPeople(db, people, (slug) => before.get(slug)!.existed);
  await writeNewPeople(db, fresh);
  const written = new Set<DocContent>(fresh);
  const ties: SyncWaiting['docs'] = [];
  for (const doc of todo) {
    if (doc.content.kind === 'tie') ties.push(doc as SyncWaiting['docs'][number]);
    else if (!written.has(doc.content)) await writeContent(db, doc.content);
  }
  // Ties that waited for their people, unless a newer version came or this device changed them.
  const newer = new Set(keys);
  const stored = (await readState(db, 'waiting'))?.docs ?? [];
  const marked = await db.syncChanges.bulkGet(stored.map((doc) => doc.key));
  const waited = stored.filter((doc, i) => !newer.has(doc.key) && !marked[i]);
  const waiting: SyncWaiting['docs'] = [];
  const done: SyncedDoc[] = todo.filter((doc) => doc.content.kind !== 'tie');
  for (const doc of [...waited, ...ties])
    ((await writeTie(db, doc.content)) ? done : waiting).push(doc);
  await db.syncedDocs.bulkPut(done.map(({ key, id, rev, digest }) => ({ key, id, rev, digest })));
  await db.syncState.put({ name: 'waiting', docs: waiting });
  await db.syncState.put({ name: 'applied', seq });
  // Until one merge is followed, the tables are as these reads saw them; after it, any of the
  // rest may have something to follow.
  const arrived = [...before];
  const may = await Promise.all(arrived.map(([slug, was]) => mayFollowMerges(db, slug, was)));
  let merged = false;
  for (const [i, [slug, was]] of arrived.entries())
    if (merged || may[i]) merged = (await followMerges(db, slug, was, now)) || merged;
  return todo.length;
}
