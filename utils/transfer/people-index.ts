/**
 * Who is who in the database, for matching the rows of an import to people: by slug, by former
 * slug or member id (aliases), or by name. Loaded for one import, inside its transaction, with
 * only the people its rows can name read in full.
 */
import type { AllianceDb } from '@/utils/db/schema';
import {
  joinHistories,
  keptHistory,
  NO_HISTORY,
  storedPerson,
  type PersonHistory,
} from '@/utils/db/stored-person';
import { nameWordsOf } from '@/utils/search-text';
import { byCodeUnit, type Person } from '@/utils/model';
import { recordPeople } from '@/utils/sync/changes';
import { bulkPutWithProgress, readPeopleInPages } from './pacing';

/** Who the rows of an import may name. */
export interface WantedPeople {
  slugs: Set<string>;
  /** Names of rows that carry no slug, matched when exactly one person has the name. */
  names: Set<string>;
}

/**
 * Who rows may name: a row with a slug names a person by it, one without by its name (a
 * Connections.csv row with no profile URL, a message from someone the archive gives no URL for).
 */
export function wantedBy(rows: Iterable<{ slug: string | null; name: string }>): WantedPeople {
  const wanted: WantedPeople = { slugs: new Set(), names: new Set() };
  for (const row of rows) {
    if (row.slug) wanted.slugs.add(row.slug);
    else wanted.names.add(row.name);
  }
  return wanted;
}

/** A name as matched: spacing and case ignored. */
export function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The people `index` can answer for, by slug, former slug or name. */
export class PeopleIndex {
  private readonly bySlug = new Map<string, Person>();
  private readonly byAlias = new Map<string, string>();
  /**
   * Built when a row without a slug first asks for a name: most exports have a URL on every
   * row, and keying 10,000 names for nothing took 33 ms of an import's worker time.
   */
  private byName: Map<string, Set<string>> | undefined;
  /** Slugs of people changed since the index was built. */
  readonly changed = new Set<string>();
  /** Slugs of those among them the index did not hold before. */
  readonly created = new Set<string>();

  constructor(people: readonly Person[]) {
    for (const person of people) this.remember(person);
  }

  private remember(person: Person): void {
    this.bySlug.set(person.slug, person);
    for (const alias of person.aliases) this.byAlias.set(alias, person.slug);
    if (this.byName) this.rememberName(this.byName, person);
  }

  private rememberName(byName: Map<string, Set<string>>, person: Person): void {
    const name = nameKey(person.name);
    if (name) byName.set(name, (byName.get(name) ?? new Set()).add(person.slug));
  }

  /** The person a slug names now or named before. */
  bySlugOrAlias(slug: string): Person | undefined {
    return this.bySlug.get(slug) ?? this.bySlug.get(this.byAlias.get(slug) ?? '');
  }

  /** Everyone with this name (spacing and case ignored). */
  named(name: string): Person[] {
    if (!this.byName) {
      const byName = new Map<string, Set<string>>();
      for (const person of this.bySlug.values()) this.rememberName(byName, person);
      this.byName = byName;
    }
    return [...(this.byName.get(nameKey(name)) ?? [])].flatMap(
      (slug) => this.bySlug.get(slug) ?? [],
    );
  }

  /** Stores a new or changed person. */
  put(person: Person): void {
    const old = this.bySlug.get(person.slug);
    if (old) this.byName?.get(nameKey(old.name))?.delete(old.slug);
    else this.created.add(person.slug);
    this.remember(person);
    this.changed.add(person.slug);
  }

  /** The people to write. */
  changedPeople(): Person[] {
    return [...this.changed].flatMap((slug) => this.bySlug.get(slug) ?? []);
  }
}

/** Above one in this many of everyone, all people are read rather than each wanted one. */
const MANY_WANTED = 4;

/**
 * An index of the people `wanted` can reach: those with a wanted slug (the table's keys say
 * which exist, without reading a record) or a wanted name (found by the first word of it in the
 * name words' index), and everyone with an alias, since any slug may be a former one. An import
 * of 10,000 new connections then reads no record in full. Only Dexie is awaited: fit inside an
 * import's transaction.
 */
export async function loadPeopleIndex(db: AllianceDb, wanted: WantedPeople): Promise<PeopleIndex> {
  const names = new Set([...wanted.names].map(nameKey));
  const firstWords = [...new Set([...names].flatMap((name) => nameWordsOf(name).slice(0, 1)))];
  const [slugs, aliasHolders, namesakes] = await Promise.all([
    db.people.toCollection().primaryKeys(),
    db.people.where('aliases').aboveOrEqual('').toArray(),
    firstWords.length
      ? db.people.where('nameWords').anyOf(firstWords).distinct().toArray()
      : Promise.resolve([]),
  ]);
  const needed = slugs.filter((slug) => wanted.slugs.has(slug));
  // A re-import: one read of everyone in pages beats a request per person, and people the rows
  // do not name change nothing in the index.
  const bySlugWanted =
    needed.length * MANY_WANTED > slugs.length
      ? await readPeopleInPages(db)
      : (await db.people.bulkGet(needed)).filter((person) => person !== undefined);
  const byName = namesakes.filter((person) => names.has(nameKey(person.name)));
  // In slug order, once each, as a read of the table gives them: where two people claim one
  // alias, the same one wins as in an index of everyone.
  const bySlug = new Map(
    [...bySlugWanted, ...byName, ...aliasHolders].map((person) => [person.slug, person]),
  );
  return new PeopleIndex([...bySlug.values()].sort((a, b) => byCodeUnit(a.slug, b.slug)));
}

/**
 * Writes the people an import changed, each with what the table keeps beside them: an import
 * takes none of a person's marks or records away and adds only the records `added` sums up.
 * Inside the import's transaction, which also names `SYNC_NOTE_TABLES`: with sync on, each is
 * noted as changed (utils/sync/changes.ts). Reports how many are written as it goes.
 */
export async function putChangedPeople(
  db: AllianceDb,
  people: readonly Person[],
  onWritten?: (done: number) => void,
  added: ReadonlyMap<string, PersonHistory> = new Map(),
): Promise<void> {
  const stored = people.map((person) =>
    storedPerson(person, joinHistories(keptHistory(person), added.get(person.slug) ?? NO_HISTORY)),
  );
  await bulkPutWithProgress((slice) => db.people.bulkPut(slice), stored, onWritten);
  await recordPeople(
    db,
    people.map((person) => person.slug),
  );
}
