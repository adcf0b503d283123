/** What the map's unit tests draw: people as the map sees them, and text widths. */
import type { MapPerson } from '@/utils/map/layout';

/** A stand-in for the page's measured widths: wide enough for any real glyph at 12 px. */
export const textWidth = (text: string) => Array.from(text).length * 7.5;

/** A person on the map: a +2 supporter of high influence and an ally, unless told otherwise. */
export function person(slug: string, fields: Partial<MapPerson> = {}): MapPerson {
  return {
    slug,
    name: slug,
    level: 'plus2',
    stance: 'supporter',
    influence: 'high',
    roles: ['ally'],
    isKeyHolder: false,
    awareness: null,
    ...fields,
  };
}
