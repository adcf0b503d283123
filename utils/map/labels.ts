/**
 * The words of the map: its headings, and what it says about a person (one place for all views),
 * in the language of the translator given (docs/translating.md).
 */
import type { Awareness } from '@/utils/insights/types';
import { english } from '@/utils/i18n/english';
import { labelKey } from '@/utils/i18n/messages';
import type { Translator } from '@/utils/i18n/translator';
import type { Influence, Level, Stance } from '@/utils/model';
import type { MapPerson, Slot } from './layout';

/** A row's heading: where a person sits relative to the user ("Your peers"). */
export function levelHeading(level: Level, t: Translator = english): string {
  return t.t(labelKey('mapRow', level));
}

/** A column's heading ("Stance unknown", "Champion"). */
export function stanceHeading(stance: Stance, t: Translator = english): string {
  return t.t(labelKey('mapColumn', stance));
}

/** A lane's heading, inside each row: the person's influence on the user's career. */
export function influenceHeading(influence: Influence, t: Translator = english): string {
  return t.t(labelKey('influence', influence));
}

/** The top-left corner: what the rows and their lanes are. */
export function cornerHeading(t: Translator = english): string {
  return t.t('map_corner');
}

/** "Key holder: Dana knows your recent work." */
export function keyHolderSentence(
  name: string,
  awareness: Awareness | null | undefined,
  t: Translator = english,
): string {
  return t.t(labelKey('mapKeyHolder', awareness ?? 'none'), { name });
}

/** Phrases of one description as the language lists them ("a, b, c"; "a، b" in Arabic). */
export function joinDetails(parts: readonly string[], t: Translator = english): string {
  return parts.reduce((first, next) => t.t('map_also', { first, next }));
}

/** A place on the map in words: "+2, Champion, high influence". */
export function describeSlot(slot: Slot, t: Translator = english): string {
  return t.t('map_slot', {
    level: levelHeading(slot.level, t),
    stance: stanceHeading(slot.stance, t),
    influence: t.t(labelKey('mapSlotInfluence', slot.influence)),
  });
}

/** What a screen reader says of a person's chip. */
export function describePerson(person: MapPerson, t: Translator = english): string {
  const details = [describeSlot(person, t)];
  if (person.roles.length) details.push(t.list(person.roles.map((r) => t.t(labelKey('role', r)))));
  if (person.isKeyHolder)
    details.push(t.t(labelKey('mapChipKeyHolder', person.awareness ?? 'none')));
  if (person.offMap) details.push(t.t('map_offMap'));
  return t.t('map_chip', { name: person.name, details: joinDetails(details, t) });
}
