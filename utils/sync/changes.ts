/**
 * Which synced document a record belongs to, and the note each write leaves for sync. Every
 * write of relationship data calls `recordChanges` inside its own transaction, so that a change
 * and the note of it are saved together or not at all (docs/sync.md, "What changed"). Nothing
 * is noted while sync is off. Only Dexie is awaited: fit inside any write's transaction.
 */
import type { AllianceDb } from '@/utils/db/schema';

/**
 * A person and everything recorded about them (notes, touches, follow-ups) travel as one
 * document, so that deleting or merging a person is one change that another device sees whole.
 */
export function personDoc(slug: string): string {
  return `person:${slug}`;
}

/** A tie between two people is a document of its own: it belongs to neither. */
export function tieDoc(a: string, b: string): string {
  return `tie:${a}\u0000${b}`;
}

export type DocRef = { kind: 'person'; slug: string } | { kind: 'tie'; a: string; b: string };

/** What a document key names; undefined for a key this version does not know. */
export function docRefOf(key: string): DocRef | undefined {
  if (key.startsWith('person:')) return { kind: 'person', slug: key.slice('person:'.length) };
  if (key.startsWith('tie:')) {
    const [a, b, ...rest] = key.slice('tie:'.length).split('\u0000');
    if (a && b && !rest.length) return { kind: 'tie', a, b };
  }
  return undefined;
}

/** Whether the user turned sync on in this browser. */
export async function syncIsOn(db: AllianceDb): Promise<boolean> {
  return (await db.syncState.get('account')) !== undefined;
}

/**
 * Notes that the documents `keys` changed, for sync to send. Call it inside the transaction of
 * the change, which must name `WRITE_TABLES`.
 */
export async function recordChanges(db: AllianceDb, keys: Iterable<string>): Promise<void> {
  const unique = [...new Set(keys)];
  if (!unique.length || !(await syncIsOn(db))) return;
  const mark = crypto.randomUUID();
  await db.syncChanges.bulkPut(unique.map((key) => ({ key, mark })));
}

/** Notes the people `slugs` changed (each with their notes, touches and follow-ups). */
export function recordPeople(db: AllianceDb, slugs: Iterable<string>): Promise<void> {
  return recordChanges(db, [...slugs].map(personDoc));
}
