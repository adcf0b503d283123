/**
 * What a synced document holds, in the clear before it is sealed (./envelope.ts): a person with
 * every note, touch and follow-up about them, a tie, or the mark that the record is gone. Built
 * from the tables for sending, checked when received.
 */
import type { Table } from 'dexie';
import * as v from 'valibot';
import { docRefOf, personDoc, tieDoc } from './changes';
import { keySpan } from './key-span';
import { ALL_TABLES, allOf, type AllianceDb } from '@/utils/db/schema';
import { personOf } from '@/utils/db/stored-person';
import {
  byCodeUnit,
  type FollowUp,
  type Note,
  type Person,
  type Tie,
  type Touch,
} from '@/utils/model';
import { recordSchemas } from '@/utils/transfer/backup-format';

/** A person and everything recorded about them, each list in id order. */
export interface PersonContent {
  kind: 'person';
  key: string;
  person: Person;
  notes: Note[];
  touches: Touch[];
  followUps: FollowUp[];
}

export interface TieContent {
  kind: 'tie';
  key: string;
  tie: Tie;
}

/**
 * The record was deleted (or merged into another). A live document rather than CouchDB's own
 * deletion, so that a deletion meets a concurrent edit in the merge rules (./merge.ts).
 */
export interface GoneContent {
  kind: 'gone';
  key: string;
}

export type DocContent = PersonContent | TieContent | GoneContent;

/** Records in id order: one content, one text. */
export function byId<T extends { id: string }>(records: readonly T[]): T[] {
  return [...records].sort((x, y) => byCodeUnit(x.id, y.id));
}

/** JSON with object keys sorted: the same content always gives the same text. */
export function canonicalText(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return item;
    const source = item as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(source)
        .sort(byCodeUnit)
        .map((key) => [key, source[key]]),
    );
  });
}

export function sameContent(x: DocContent, y: DocContent): boolean {
  return canonicalText(x) === canonicalText(y);
}

function groupBySlug<T extends { personSlug: string }>(records: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    const group = groups.get(record.personSlug);
    if (group) group.push(record);
    else groups.set(record.personSlug, [record]);
  }
  return groups;
}

/**
 * The people `slugs` and their records, each list by person. When they are most of the people
 * between the first and the last of them (a first sync sends everyone, in key order), a few
 * range reads; otherwise a read per person and table, all asked at once. Either way no cursor
 * walks from one person to the next, a round trip per step.
 */
async function readPeople(db: AllianceDb, slugs: readonly string[]) {
  if (!slugs.length)
    return {
      people: [],
      notesOf: new Map<string, Note[]>(),
      touchesOf: new Map<string, Touch[]>(),
      followUpsOf: new Map<string, FollowUp[]>(),
    };
  const { first, last, range, dense } = await keySpan(db.people, slugs);
  const records = <T extends { personSlug: string }>(
    all: (from: string, to: string) => Promise<T[]>,
    one: (slug: string) => Promise<T[]>,
  ) =>
    dense
      ? all(first, last).then(groupBySlug)
      : Promise.all(slugs.map(one)).then((lists) => groupBySlug(lists.flat()));
  // Notes and touches: by the `[personSlug+at]` index.
  const datedRecords = <T extends { personSlug: string }, I>(table: Table<T, string, I>) =>
    records(
      (from, to) => table.where('[personSlug+at]').between(allOf(from)[0], allOf(to)[1]).toArray(),
      (slug) =>
        table
          .where('[personSlug+at]')
          .between(...allOf(slug))
          .toArray(),
    );
  const [people, notesOf, touchesOf, followUpsOf] = await Promise.all([
    dense
      ? range.toArray().then((rows) => {
          const bySlug = new Map(rows.map((person) => [person.slug, person]));
          return slugs.map((slug) => bySlug.get(slug));
        })
      : db.people.bulkGet([...slugs]),
    datedRecords(db.notes),
    datedRecords(db.touches),
    records(
      (from, to) => db.followUps.where('personSlug').between(from, to, true, true).toArray(),
      (slug) => db.followUps.where('personSlug').equals(slug).toArray(),
    ),
  ]);
  return { people, notesOf, touchesOf, followUpsOf };
}

/**
 * The content of each document `keys` names as the tables hold it now, in one read
 * transaction.
 */
export async function readContents(
  db: AllianceDb,
  keys: readonly string[],
): Promise<Map<string, DocContent>> {
  const slugs: string[] = [];
  const pairs: [string, string][] = [];
  for (const key of keys) {
    const ref = docRefOf(key);
    if (ref?.kind === 'person') slugs.push(ref.slug);
    else if (ref?.kind === 'tie') pairs.push([ref.a, ref.b]);
  }
  const [{ people, notesOf, touchesOf, followUpsOf }, ties] = await db.transaction(
    'r',
    ALL_TABLES,
    () =>
      Promise.all([
        readPeople(db, slugs),
        Promise.all(pairs.map((pair) => db.ties.where('[a+b]').equals(pair).toArray())),
      ]),
  );
  const contents = new Map<string, DocContent>();
  for (const person of people) {
    if (!person) continue;
    const key = personDoc(person.slug);
    contents.set(key, {
      kind: 'person',
      key,
      person: personOf(person),
      notes: byId(notesOf.get(person.slug) ?? []),
      touches: byId(touchesOf.get(person.slug) ?? []),
      followUps: byId(followUpsOf.get(person.slug) ?? []),
    });
  }
  for (const tie of ties.flat()) {
    const key = tieDoc(tie.a, tie.b);
    contents.set(key, { kind: 'tie', key, tie });
  }
  for (const key of keys) if (!contents.has(key)) contents.set(key, { kind: 'gone', key });
  return contents;
}

const RECORD_SCHEMAS = recordSchemas();

const personContentSchema = v.strictObject({
  kind: v.literal('person'),
  key: v.string(),
  person: RECORD_SCHEMAS.person,
  notes: v.array(RECORD_SCHEMAS.note),
  touches: v.array(RECORD_SCHEMAS.touch),
  followUps: v.array(RECORD_SCHEMAS.followUp),
});

const contentSchema = v.variant('kind', [
  personContentSchema,
  v.strictObject({ kind: v.literal('tie'), key: v.string(), tie: RECORD_SCHEMAS.tie }),
  v.strictObject({ kind: v.literal('gone'), key: v.string() }),
]);

/**
 * The content of an opened document, if it is one this version can store: valid records, each
 * belonging where its key says (a person's records name that person, a tie its pair).
 */
export function parseContent(value: unknown): DocContent | undefined {
  const parsed = v.safeParse(contentSchema, value);
  if (!parsed.success) return undefined;
  const content = parsed.output as DocContent;
  const ref = docRefOf(content.key);
  switch (content.kind) {
    case 'gone':
      return ref ? content : undefined;
    case 'tie': {
      const { a, b } = content.tie;
      return ref?.kind === 'tie' && ref.a === a && ref.b === b && a < b ? content : undefined;
    }
    case 'person': {
      const slug = content.person.slug;
      const records = [...content.notes, ...content.touches, ...content.followUps];
      return ref?.kind === 'person' &&
        ref.slug === slug &&
        records.every((r) => r.personSlug === slug)
        ? content
        : undefined;
    }
  }
}
