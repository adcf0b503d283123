/**
 * What the map page reads: the people it shows, the people their ties lead to, the ties, and
 * how much each key holder knows of the user's recent work. Calls only Dexie, so it runs as a
 * live query: a change made in any view redraws the map.
 */
import type { AllianceDb } from '@/utils/db/schema';
import { compareNames } from '@/utils/format';
import { displayName, isKeyHolder, keyHolderWeight } from '@/utils/insights/alliance';
import { visibility } from '@/utils/insights/scores';
import type { InsightPerson } from '@/utils/insights/types';
import { DAY_MS, type Person, type Settings, type Tie, type Touch } from '@/utils/model';
import type { MapPerson } from '@/utils/map/layout';

export interface MapData {
  /** Everyone the map shows. */
  people: MapPerson[];
  /** The map's people and everyone a tie leads to: the ways in may go through them. */
  record: InsightPerson[];
  ties: Tie[];
}

/**
 * Who the map shows: everyone tagged with a role, every key holder (docs/insights.md), and
 * anyone whose stance toward the user the user set. Imported connections nobody placed are not.
 */
export function isOnMap(person: InsightPerson): boolean {
  return person.roles.length > 0 || isKeyHolder(person) || person.stance !== 'unknown';
}

/** The fields of a person the insight engine reads. */
function insightPerson(person: Person): InsightPerson {
  const { slug, name, roles, level, influence, stance, decisionMaker, cadenceDays, createdAt } =
    person;
  return { slug, name, roles, level, influence, stance, decisionMaker, cadenceDays, createdAt };
}

/** A person as the map draws them. */
export function mapPersonOf(
  person: InsightPerson,
  awareness: MapPerson['awareness'],
  offMap = false,
): MapPerson {
  return {
    slug: person.slug,
    name: displayName(person),
    level: person.level,
    stance: person.stance,
    influence: person.influence,
    roles: person.roles,
    isKeyHolder: isKeyHolder(person),
    awareness,
    ...(offMap ? { offMap } : {}),
  };
}

/** The touches that make a key holder aware: shared work, and promotions by their ties. */
const AWARENESS_KINDS = ['shared-work', 'they-promoted-me'] as const;

export async function loadMapData(
  db: AllianceDb,
  settings: Settings,
  now: number,
): Promise<MapData> {
  const from = now - settings.visibilityWindowDays * DAY_MS;
  return db.transaction('r', db.people, db.ties, db.touches, async () => {
    const [marked, ties, ...touches] = await Promise.all([
      // Everyone on the map has marks of their own, so the `marked` index holds them all, not
      // the connections an import brought in nor the people kept for a touch or a note alone.
      db.people.where('marked').equals(1).toArray(),
      db.ties.toArray(),
      ...AWARENESS_KINDS.map((kind) =>
        db.touches.where('[kind+at]').between([kind, from], [kind, now], true, true).toArray(),
      ),
    ]);
    const shown = marked.filter(isOnMap);
    const onMap = new Set(shown.map((person) => person.slug));
    const markedBySlug = new Map(marked.map((person) => [person.slug, person]));
    const elsewhere = [
      ...new Set(ties.flatMap((tie) => [tie.a, tie.b]).filter((slug) => !onMap.has(slug))),
    ];
    // The people a tie leads to off the map: most are marked, the others read one by one.
    const unread = elsewhere.filter((slug) => !markedBySlug.has(slug));
    const read = new Map(
      (await db.people.bulkGet(unread)).flatMap((person) =>
        person ? [[person.slug, person] as const] : [],
      ),
    );
    const tied = elsewhere.flatMap((slug) => markedBySlug.get(slug) ?? read.get(slug) ?? []);
    const record = [...shown, ...tied].map(insightPerson);
    const awareness = new Map(
      visibility(
        {
          people: record,
          touches: touches.flat() as Touch[],
          notes: [],
          ties,
          followUps: [],
          settings,
        },
        now,
      ).keyHolders.map((holder) => [holder.slug, holder.awareness] as const),
    );
    return {
      people: record
        .filter((person) => onMap.has(person.slug))
        .map((person) => mapPersonOf(person, awareness.get(person.slug) ?? null)),
      record,
      ties,
    };
  });
}

/** Key holders, the heaviest first: the ones "Who can get me to them?" offers. */
export function keyHoldersOf(data: MapData): InsightPerson[] {
  return data.record
    .filter(isKeyHolder)
    .sort(
      (a, b) =>
        keyHolderWeight(b) - keyHolderWeight(a) || compareNames(displayName(a), displayName(b)),
    );
}

/** The other end's name of every tie of `slug`, with the tie. */
export function tiesOf(
  data: MapData,
  slug: string,
): Array<{ tie: Tie; other: string; name: string }> {
  const names = new Map(data.record.map((person) => [person.slug, displayName(person)]));
  return data.ties
    .filter((tie) => tie.a === slug || tie.b === slug)
    .map((tie) => {
      const other = tie.a === slug ? tie.b : tie.a;
      return { tie, other, name: names.get(other) ?? other };
    });
}
