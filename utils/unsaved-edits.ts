import { updatePerson, type PersonPatch } from '@/utils/db/records';
import type { AllianceDb } from '@/utils/db/schema';

const PREFIX = 'alliance-map:unsaved:';

/** The fields an unsaved edit may carry: anything else in storage is ignored. */
const PATCH_KEYS = [
  'name',
  'headline',
  'company',
  'roles',
  'level',
  'influence',
  'stance',
  'basis',
  'decisionMaker',
  'motivations',
  'influencedBy',
  'cadenceDays',
] as const satisfies readonly (keyof PersonPatch)[];

interface Stashed {
  patch: PersonPatch;
  at: number;
}

/**
 * Keeps an edit that is not yet in the database in synchronous page storage, so that closing
 * the panel mid-edit (when an IndexedDB write may not finish) loses nothing: the next panel
 * to open saves it.
 */
export function stashEdit(storage: Storage, slug: string, patch: PersonPatch, at: number): void {
  try {
    storage.setItem(PREFIX + slug, JSON.stringify({ patch, at } satisfies Stashed));
  } catch {
    // Storage full or unavailable: the debounced save still runs.
  }
}

/** Forgets the stashed edit once the database holds it. */
export function clearStashedEdit(storage: Storage, slug: string): void {
  storage.removeItem(PREFIX + slug);
}

function parseStashed(raw: string | null): Stashed | undefined {
  try {
    const value = JSON.parse(raw ?? '') as Partial<Stashed> | null;
    if (!value || typeof value.at !== 'number' || typeof value.patch !== 'object' || !value.patch)
      return undefined;
    const source = value.patch as Record<string, unknown>;
    const patch: Record<string, unknown> = {};
    for (const key of PATCH_KEYS) if (key in source) patch[key] = source[key];
    return { patch: patch as PersonPatch, at: value.at };
  } catch {
    return undefined;
  }
}

/**
 * Saves every edit a closed panel left behind, unless the record changed after it (an edit
 * made elsewhere later wins). Returns how many were saved.
 */
export async function recoverStashedEdits(
  db: AllianceDb,
  storage: Storage,
  now: number,
): Promise<number> {
  const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter(
    (key): key is string => key?.startsWith(PREFIX) ?? false,
  );
  let saved = 0;
  for (const key of keys) {
    const slug = key.slice(PREFIX.length);
    const stashed = parseStashed(storage.getItem(key));
    storage.removeItem(key);
    const person = await db.people.get(slug);
    if (!stashed || !person || person.updatedAt > stashed.at) continue;
    await updatePerson(db, slug, stashed.patch, now);
    saved++;
  }
  return saved;
}
