/**
 * The changes the map makes, each saved at once through the records' own functions and able to
 * go back (./undo.ts). What an edit goes back to is read when it is applied, not when it is
 * made: an undo asked a moment before may not have reached the database yet.
 */
import { addTie, removeTie, updatePerson } from '@/utils/db/records';
import type { AllianceDb } from '@/utils/db/schema';
import { english } from '@/utils/i18n/english';
import { labelKey } from '@/utils/i18n/messages';
import type { Translator } from '@/utils/i18n/translator';
import { UserError } from '@/utils/i18n/user-error';
import { orderedPair, type Influence, type Level, type Stance, type Tie } from '@/utils/model';
import { joinDetails } from './labels';
import type { Edit } from './undo';

/** Where a person sits on the map: what moving them changes. */
export interface Placement {
  level: Level;
  stance: Stance;
  influence: Influence;
}

/** "level +3 and above, stance Champion": what a change of placement says. */
export function describePlacement(patch: Partial<Placement>, t: Translator = english): string {
  const parts: string[] = [];
  if (patch.level) parts.push(t.t('map_editLevel', { value: t.t(labelKey('level', patch.level)) }));
  if (patch.stance)
    parts.push(t.t('map_editStance', { value: t.t(labelKey('stance', patch.stance)) }));
  if (patch.influence)
    parts.push(t.t('map_editInfluence', { value: t.t(labelKey('influence', patch.influence)) }));
  return joinDetails(parts, t);
}

/** Moves a person: a new level, stance or influence. */
export function placeEdit(
  db: AllianceDb,
  slug: string,
  name: string,
  patch: Partial<Placement>,
  t: Translator = english,
): Edit {
  let before: Partial<Placement> = {};
  return {
    label: t.t('map_editPlace', { name, change: describePlacement(patch, t) }),
    apply: async () => {
      const person = await db.people.get(slug);
      if (!person) throw new UserError('map_personGone', { name });
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
  t: Translator = english,
): Edit {
  let before: Tie | undefined;
  return {
    label: t.t('map_editTie', { a: x.name, b: y.name }),
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
  t: Translator = english,
): Edit {
  let removed: Tie | undefined;
  return {
    label: t.t('map_editUntie', { a: x.name, b: y.name }),
    apply: async () => {
      removed = await tieBetween(db, x.slug, y.slug);
      if (!removed) throw new UserError('map_notTied', { a: x.name, b: y.name });
      await removeTie(db, removed.id);
    },
    revert: async () => {
      if (removed) await addTie(db, removed.a, removed.b, removed.label, Date.now());
    },
  };
}
