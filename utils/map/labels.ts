/** The words of the map: its headings, and what it says about a person (one place for all views). */
import type { Awareness } from '@/utils/insights/types';
import { english } from '@/utils/i18n/english';
import { labelKey } from '@/utils/i18n/messages';
import type { Influence, Level, Stance } from '@/utils/model';
import type { MapPerson, Slot } from './layout';

/** Row headings: where a person sits relative to the user. */
export const LEVEL_HEADINGS: Record<Level, string> = {
  plus3: '+3 and above',
  plus2: '+2',
  plus1: '+1',
  peer: 'Your peers',
  report: 'Report to you',
  unknown: 'Level unknown',
};

/** Column headings. */
export const STANCE_HEADINGS: Record<Stance, string> = {
  unknown: 'Stance unknown',
  skeptic: 'Skeptic',
  neutral: 'Neutral',
  supporter: 'Supporter',
  champion: 'Champion',
};

/** Lane headings, inside each row: the person's influence on the user's career. */
export const INFLUENCE_HEADINGS: Record<Influence, string> = {
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  unknown: 'Unknown',
};

/** The top-left corner: what the rows and their lanes are. */
export const CORNER_HEADING = 'Level · influence';

export const AWARENESS_TEXT: Record<Awareness, string> = {
  full: 'knows your recent work',
  partial: 'knows your work only through a sponsor or champion',
  none: 'does not know your recent work',
};

/** A place on the map in words: "+2, Champion, high influence". */
export function describeSlot(slot: Slot): string {
  const influence =
    slot.influence === 'unknown'
      ? 'influence unknown'
      : `${english.t(labelKey('influence', slot.influence)).toLowerCase()} influence`;
  return `${LEVEL_HEADINGS[slot.level]}, ${STANCE_HEADINGS[slot.stance]}, ${influence}`;
}

/** What a screen reader says of a person's chip. */
export function describePerson(person: MapPerson): string {
  const holder = person.isKeyHolder
    ? `, key holder who ${AWARENESS_TEXT[person.awareness ?? 'none']}`
    : '';
  const roles = person.roles.length
    ? `, ${person.roles.map((role) => english.t(labelKey('role', role)).toLowerCase()).join(' and ')}`
    : '';
  const shown = person.offMap ? ', not on your map: shown for this way in' : '';
  return `${person.name}: ${describeSlot(person)}${roles}${holder}${shown}`;
}
