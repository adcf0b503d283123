/**
 * The changes the map makes, each saved at once through the records' own functions and able to
 * go back (./undo.ts). What an edit goes back to is read when it is applied, not when it is
 * made: an undo asked a moment before may not have reached the database yet.
 */
import { addTie, removeTie, updatePerson } from '@/utils/db/records';
import type { AllianceDb } from '@/utils/db/schema';
import { english } from '@/utils/i18n/english';
import { labelKey } from '@/utils/i18n/messages';
import { orderedPair, type Influence, type Level, type Stance, type Tie } from '@/utils/model';
import type { Edit } from './undo';

/** Where a person sits on the map: what moving them changes. */
export interface Placement {
  level: Level;
  stance: Stance;
  influence: Influence;
}

/** "level +3 and above, stance Champion": what a change of placement says. */
export function describePlacement(patch: Partial<Placement>): string {
  const parts: string[] = [];
  if (patch.level) parts.push(`level ${english.t(labelKey('level', patch.level))}`);
  if (patch.stance) parts.push(`stance ${english.t(labelKey('stance', patch.stance))}`);
  if (patch.influence) parts.push(`influence ${english.t(labelKey('influence', patch.influence))}`);
  return parts.join(', ');
}

/** Moves a person: a new level, stance or influence. */
export function placeEdit(
  db: AllianceDb,
  slug: string,
  name: string,
  patch: Partial<Placement>,
): Edit {
  let before: Partial<Placement> = {};
  return {
    label: `${name}: ${describePlacement(patch)}`,
    apply: async () => {
      const person = await db.people.get(slug);
      if (!person) throw new Error(`${name} is no longer in your records.`);
      before = Object.fromEntries(
        (Object.keys(patch) as Array<keyof Placement>).map((key) => [key, person[key]]),
      );
      await updatePerson(db, slug, patch, Date.now());
    },
    revert: async () => {
      await updatePerson(db, slug, before, Date.now());
    },
  };
}

function tieBetween(db: AllianceDb, x: string, y: string): Promise<Tie | undefined> {
  return db.ties.where('[a+b]').equals(orderedPair(x, y)).first();
}

/** Ties two people (or relabels their tie): "how they are connected" is optional. */
export function tieEdit(
  db: AllianceDb,
  x: { slug: string; name: string },
  y: { slug: string; name: string },
  label: string,
): Edit {
  let before: Tie | undefined;
  return {
    label: `tie between ${x.name} and ${y.name}`,
    apply: async () => {
      before = await tieBetween(db, x.slug, y.slug);
      await addTie(db, x.slug, y.slug, label, Date.now());
    },
    revert: async () => {
      if (before) {
        await addTie(db, x.slug, y.slug, before.label, Date.now());
        return;
      }
      const added = await tieBetween(db, x.slug, y.slug);
      if (added) await removeTie(db, added.id);
    },
  };
}

/** Removes the tie between two people. */
export function untieEdit(
  db: AllianceDb,
  x: { slug: string; name: string },
  y: { slug: string; name: string },
): Edit {
  let removed: Tie | undefined;
  return {
    label: `removal of the tie between ${x.name} and ${y.name}`,
    apply: async () => {
      removed = await tieBetween(db, x.slug, y.slug);
      if (!removed) throw new Error(`${x.name} and ${y.name} are no longer tied.`);
      await removeTie(db, removed.id);
    },
    revert: async () => {
      if (removed) await addTie(db, removed.a, removed.b, removed.label, Date.now());
    },
  };
}
