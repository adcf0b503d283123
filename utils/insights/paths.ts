/**
 * "Who can get me to them?" (docs/map.md): the ways from the people who back the user to one key
 * holder, through the ties the user recorded, up to three ties long; the people who could put
 * the user's name forward to them, ranked; and the next action on the best way. Pure.
 */
import type { Tie, TouchKind } from '@/utils/model';
import {
  SPONSOR_PROMOTION_CREDIT,
  backsMe,
  connectorRank,
  displayName,
  promotionCredit,
  tieIndex,
} from './alliance';
import type { InsightPerson } from './types';

/** The essays' reach: a way in longer than three ties is no way in. */
export const MAX_PATH_TIES = 3;
/** The ways listed (and lit on the map), best first: enough to choose from, few enough to read. */
export const MAX_PATHS = 12;

/**
 * A way in: from a backer of the user (first) to the key holder (last), each tied to the next.
 * Everyone between them is neither a backer (the user would start there instead) nor a skeptic
 * (who would not pass the user's name on).
 */
export interface TiePath {
  slugs: string[];
  /** The number of ties: slugs.length − 1. */
  ties: number;
}

/** Someone who could put the user's name forward to the key holder: tied to them directly. */
export interface Carrier {
  slug: string;
  name: string;
  /** Their best way in. */
  path: TiePath;
  /** True when they back the user themselves (the user can ask them directly). */
  backsMe: boolean;
}

/** What to do this week toward a key holder: always with someone, and the habit it is. */
export interface RouteAction {
  personSlug: string;
  personName: string;
  /** The habit to log when it is done. */
  habit: TouchKind;
  /** The whole sentence, without its full stop. */
  text: string;
}

export interface RouteToKeyHolder {
  target: string;
  /** The key holder backs the user: the user can go to them directly. */
  direct: boolean;
  /** Every way in, best first, at most MAX_PATHS. */
  paths: TiePath[];
  /** The people tied to the key holder on those ways, best first, each once. */
  carriers: Carrier[];
  /** What to do this week. */
  next: RouteAction;
}

/** How strongly someone carries a word to the person they are tied to: lower is better. */
function carrierRank(person: InsightPerson): number {
  return backsMe(person) ? connectorRank(person) : person.stance === 'neutral' ? 4 : 5;
}

/** Walks followed per length at most: far beyond any real record, a bound for a pathological one. */
const MAX_WALKS = 20_000;

/**
 * Every way in of at most `maxTies` ties, found by walking out from the key holder one tie at a
 * time: a walk stops at the first backer it meets and never goes through a skeptic or back to
 * where it was.
 */
export function pathsTo(
  people: readonly InsightPerson[],
  ties: readonly Tie[],
  target: string,
  maxTies = MAX_PATH_TIES,
): TiePath[] {
  const bySlug = new Map(people.map((person) => [person.slug, person]));
  if (!bySlug.has(target)) return [];
  const index = tieIndex(ties);
  const found: TiePath[] = [];
  // Each walk holds the key holder first; a path is reported backer first.
  let walks: string[][] = [[target]];
  for (let length = 1; length <= maxTies && walks.length > 0; length++) {
    const longer: string[][] = [];
    for (const walk of walks) {
      for (const next of index.get(walk[walk.length - 1]!) ?? []) {
        const person = bySlug.get(next);
        if (!person || walk.includes(next)) continue;
        const path = [...walk, next];
        if (backsMe(person)) found.push({ slugs: path.reverse(), ties: length });
        else if (person.stance !== 'skeptic' && longer.length < MAX_WALKS) longer.push(path);
      }
    }
    walks = longer;
  }
  return found;
}

function compareBy<T>(...keys: Array<(item: T) => number | string>): (a: T, b: T) => number {
  return (a, b) => {
    for (const key of keys) {
      const x = key(a);
      const y = key(b);
      if (x < y) return -1;
      if (x > y) return 1;
    }
    return 0;
  };
}

/**
 * Ways in, best first: fewer ties; then the person tied to the key holder (a sponsor, then a
 * champion, a supporter, another backer, a neutral, an unknown); then the backer the user starts
 * from, in the same order; then names, for a stable order.
 */
export function rankPaths(people: readonly InsightPerson[], paths: readonly TiePath[]): TiePath[] {
  const bySlug = new Map(people.map((person) => [person.slug, person]));
  const rank = (slug: string | undefined) => {
    const person = slug === undefined ? undefined : bySlug.get(slug);
    return person ? carrierRank(person) : 9;
  };
  const name = (slug: string | undefined) => {
    const person = slug === undefined ? undefined : bySlug.get(slug);
    return person ? displayName(person) : (slug ?? '');
  };
  return [...paths].sort(
    compareBy<TiePath>(
      (path) => path.ties,
      (path) => rank(path.slugs[path.slugs.length - 2]),
      (path) => rank(path.slugs[0]),
      (path) => path.slugs.map(name).join('\u0000'),
    ),
  );
}

/** The next action on the best way in (or, with none, toward the key holder directly). */
export function nextStepOnPath(
  people: readonly InsightPerson[],
  target: InsightPerson,
  best: TiePath | undefined,
): RouteAction {
  const bySlug = new Map(people.map((person) => [person.slug, person]));
  const nameOf = (slug: string) => {
    const person = bySlug.get(slug);
    return person ? displayName(person) : slug;
  };
  const them = displayName(target);
  if (backsMe(target)) {
    return {
      personSlug: target.slug,
      personName: them,
      habit: 'shared-work',
      text: `${them} backs you: share a recent win with ${them} directly`,
    };
  }
  if (!best) {
    return {
      personSlug: target.slug,
      personName: them,
      habit: 'shared-work',
      text: `Nobody in your alliance is tied to ${them} within ${MAX_PATH_TIES} ties: share your work with ${them} directly, and record who ${them} is tied to`,
    };
  }
  const [first, second] = best.slugs;
  const backer = bySlug.get(first!)!;
  const name = displayName(backer);
  if (best.ties === 1) {
    return {
      personSlug: backer.slug,
      personName: name,
      habit: 'shared-work',
      // A sponsor or champion stakes their standing on the user's name (docs/insights.md).
      text:
        promotionCredit(backer) === SPONSOR_PROMOTION_CREDIT
          ? `Share a recent win with ${name} and ask them to put your name forward to ${them}`
          : `Share a recent win with ${name}, who is tied to ${them}, so they can mention it to ${them}`,
    };
  }
  const further = best.slugs
    .slice(2, -1)
    .map((slug) => `, who knows ${nameOf(slug)}`)
    .join('');
  return {
    personSlug: backer.slug,
    personName: name,
    habit: 'message',
    text: `Ask ${name} for an introduction to ${nameOf(second!)}${further}, who is tied to ${them}`,
  };
}

/** Everything "Who can get me to them?" shows for one key holder, or null if unknown. */
export function routeTo(
  people: readonly InsightPerson[],
  ties: readonly Tie[],
  targetSlug: string,
): RouteToKeyHolder | null {
  const target = people.find((person) => person.slug === targetSlug);
  if (!target) return null;
  const paths = rankPaths(people, pathsTo(people, ties, targetSlug));
  const bySlug = new Map(people.map((person) => [person.slug, person]));
  const carriers: Carrier[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    const slug = path.slugs[path.slugs.length - 2]!;
    if (seen.has(slug)) continue;
    seen.add(slug);
    const person = bySlug.get(slug)!;
    carriers.push({ slug, name: displayName(person), path, backsMe: backsMe(person) });
  }
  return {
    target: targetSlug,
    direct: backsMe(target),
    paths: paths.slice(0, MAX_PATHS),
    carriers,
    next: nextStepOnPath(people, target, paths[0]),
  };
}
