/**
 * Sequences of what a user does to their records (tag, edit, note, log a touch, promise a
 * follow-up, tie, untie, merge, delete, import a Connections.csv, back up and restore), run
 * through the extension's own store code, and the invariants the store must keep after any of
 * them: each person stored once, and what the table keeps beside each person (their last touch,
 * whether they are tracked, the words of their name) exactly what their records say. Shared by
 * the unit property test (fake-indexeddb) and the end-to-end one, which runs the same code in
 * real Chromium (tests/e2e/store-page.ts).
 */
import {
  addFollowUp,
  addNote,
  addTie,
  deletePerson,
  logTouch,
  mergePeople,
  removeTie,
  toggleRole,
  updatePerson,
} from '@/utils/db/records';
import { ALL_TABLES, type AllianceDb } from '@/utils/db/schema';
import { personOf, storedPeople, type PeopleRecords } from '@/utils/db/stored-person';
import {
  DAY_MS,
  type LEVELS,
  type ROLES,
  type STANCES,
  type TOUCH_KINDS,
  type Person,
} from '@/utils/model';
import { applyImport, exportBackup, parseBackup } from '@/utils/transfer/backup';
import { importConnections, parseConnectionsCsv } from '@/utils/transfer/linkedin-connections';
import { DEFAULT_SETTINGS } from '@/utils/model';

/** The people a sequence names: a few share a name, so that name matching is exercised. */
export const POOL = [
  { slug: 'dana-lee', name: 'Dana Lee' },
  { slug: 'sam-okafor', name: 'Sam Okafor' },
  { slug: 'priya-novak', name: 'Priya Novak' },
  { slug: 'zoë-müller', name: 'Zoë Müller' },
  { slug: 'kenji-tanaka', name: 'Kenji Tanaka' },
  { slug: 'sam-okafor-2', name: 'Sam Okafor' },
  { slug: 'amara-haddad', name: 'Amara Haddad' },
  { slug: 'lars-silva', name: 'Lars Silva' },
] as const;

export type StoreAction =
  | { kind: 'tag'; who: number; role: (typeof ROLES)[number] }
  | {
      kind: 'edit';
      who: number;
      level: (typeof LEVELS)[number];
      stance: (typeof STANCES)[number];
      motivations: string;
    }
  | { kind: 'note'; who: number; text: string }
  | { kind: 'touch'; who: number; habit: (typeof TOUCH_KINDS)[number]; daysAgo: number }
  | { kind: 'follow-up'; who: number; dueInDays: number }
  | { kind: 'tie'; a: number; b: number }
  | { kind: 'untie'; who: number }
  | { kind: 'merge'; from: number; into: number }
  | { kind: 'delete'; who: number }
  | { kind: 'import'; rows: Array<{ who: number; withUrl: boolean; company: string }> }
  | { kind: 'backup' }
  | { kind: 'restore'; mode: 'merge' | 'replace' };

/** A Connections.csv as LinkedIn writes it, for the rows of an `import` action. */
export function connectionsCsvOf(rows: Extract<StoreAction, { kind: 'import' }>['rows']): string {
  const lines = ['First Name,Last Name,URL,Email Address,Company,Position,Connected On'];
  for (const row of rows) {
    const person = POOL[row.who]!;
    const [first, ...last] = person.name.split(' ');
    const url = row.withUrl ? `https://www.linkedin.com/in/${encodeURIComponent(person.slug)}` : '';
    lines.push(`${first},${last.join(' ')},${url},,${row.company},Engineer,03 Apr 2024`);
  }
  return lines.join('\n');
}

/**
 * Refusals the store states in words (merging someone gone, a follow-up for nobody) are part of
 * using it; any other error (a database error of any kind) is a failure.
 */
async function attempt(run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (!(error instanceof Error) || error.name !== 'Error') throw error;
  }
}

/** JSON with keys sorted, so two records compare by content alone. */
function canonical(record: object): string {
  return JSON.stringify(record, Object.keys(record).sort());
}

/** Runs `actions` one after another through the store's own code, as of `now`. */
export async function runStoreActions(
  db: AllianceDb,
  actions: readonly StoreAction[],
  now: number,
): Promise<void> {
  let backup: string | null = null;
  for (const action of actions) {
    switch (action.kind) {
      case 'tag':
        await attempt(() => toggleRole(db, POOL[action.who]!, action.role, now));
        break;
      case 'edit':
        await attempt(() =>
          updatePerson(
            db,
            POOL[action.who]!.slug,
            { level: action.level, stance: action.stance, motivations: action.motivations },
            now,
          ),
        );
        break;
      case 'note':
        await attempt(() => addNote(db, POOL[action.who]!, action.text, now));
        break;
      case 'touch':
        await attempt(() =>
          logTouch(
            db,
            POOL[action.who]!,
            { kind: action.habit, at: now - action.daysAgo * DAY_MS },
            now,
          ),
        );
        break;
      case 'follow-up':
        await attempt(() =>
          addFollowUp(
            db,
            POOL[action.who]!.slug,
            'Send the deck',
            now + action.dueInDays * DAY_MS,
            now,
          ),
        );
        break;
      case 'tie':
        await attempt(() => addTie(db, POOL[action.a]!.slug, POOL[action.b]!.slug, '', now));
        break;
      case 'untie': {
        const slug = POOL[action.who]!.slug;
        const tie = await db.ties.where('a').equals(slug).or('b').equals(slug).first();
        if (tie) await removeTie(db, tie.id);
        break;
      }
      case 'merge':
        await attempt(() => mergePeople(db, POOL[action.from]!.slug, POOL[action.into]!.slug, now));
        break;
      case 'delete':
        await deletePerson(db, POOL[action.who]!.slug);
        break;
      case 'import': {
        const file = parseConnectionsCsv(connectionsCsvOf(action.rows));
        if (file.ok) await importConnections(db, file.rows, now);
        break;
      }
      case 'backup':
        backup = await exportBackup(db, DEFAULT_SETTINGS, now);
        break;
      case 'restore': {
        if (!backup) break;
        const parsed = parseBackup(backup);
        if (!parsed.ok) throw new Error(`A backup of the store did not read back: ${parsed.error}`);
        await applyImport(db, parsed.backup, action.mode);
        break;
      }
    }
  }
}

/**
 * What is wrong with the store, if anything: a person stored twice (a key that names two
 * people), or a person whose stored fields differ from what their records say.
 */
export async function storeProblems(db: AllianceDb): Promise<string[]> {
  const tables = Object.fromEntries(
    await Promise.all(ALL_TABLES.map(async (name) => [name, await db.table(name).toArray()])),
  ) as PeopleRecords & { people: Person[] };
  const problems: string[] = [];
  const owner = new Map<string, string>();
  for (const person of tables.people) {
    for (const key of [person.slug, person.memberId, ...person.aliases]) {
      if (key === undefined) continue;
      const other = owner.get(key);
      if (other !== undefined && other !== person.slug)
        problems.push(`${key} names both ${other} and ${person.slug}`);
      owner.set(key, person.slug);
    }
  }
  const expected = new Map(
    storedPeople(tables.people.map(personOf), tables).map((p) => [p.slug, canonical(p)]),
  );
  for (const person of tables.people) {
    if (expected.get(person.slug) !== canonical(person))
      problems.push(
        `${person.slug} is stored as ${JSON.stringify(person)}, not ${expected.get(person.slug)}`,
      );
  }
  return problems;
}
