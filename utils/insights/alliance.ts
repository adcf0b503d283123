/**
 * Who is who in the user's alliance, independent of dates: the key holders and their weight,
 * who backs the user, and the ties between people. Shared by the scores and the report.
 */
import { labelKey, type Translator } from '@/utils/i18n';
import { isAboveMe, otherEnd, type Influence, type Level, type Tie } from '@/utils/model';
import type { InsightPerson } from './types';

const INFLUENCE_WEIGHT: Record<Influence, number> = { unknown: 1, low: 1, medium: 2, high: 3 };
const LEVEL_WEIGHT: Record<Level, number> = {
  report: 1,
  peer: 1,
  unknown: 1,
  plus1: 1,
  plus2: 1.5,
  plus3: 2,
};

/** A person who decides the user's next step: +1 or above with medium or high influence, or marked so. */
export function isKeyHolder(person: InsightPerson): boolean {
  if (person.decisionMaker) return true;
  return isAboveMe(person.level) && (person.influence === 'medium' || person.influence === 'high');
}

/** How much a key holder's awareness counts: influence weight × level weight. */
export function keyHolderWeight(person: InsightPerson): number {
  const influence = INFLUENCE_WEIGHT[person.influence];
  // The user said this person decides: treat their influence as at least medium.
  const effective = person.decisionMaker ? Math.max(influence, INFLUENCE_WEIGHT.medium) : influence;
  return effective * LEVEL_WEIGHT[person.level];
}

/** Someone who backs the user: a champion or supporter, or a sponsor, mentor, advisor or ally who is not a skeptic. */
export function backsMe(person: InsightPerson): boolean {
  if (person.stance === 'skeptic') return false;
  if (person.stance === 'champion' || person.stance === 'supporter') return true;
  return person.roles.some((role) => role !== 'mentee');
}

/** What a key holder's awareness is worth when they heard of the user's work from a sponsor or champion. */
export const SPONSOR_PROMOTION_CREDIT = 0.5;
/** … and from any other backer (an ally, a supporter, a mentor): less authority behind the name. */
export const BACKER_PROMOTION_CREDIT = 0.25;

/**
 * How much the user's name carries when this person promotes it to the people tied to them: a
 * sponsor or champion stakes their standing on it, any other backer carries it with less weight,
 * and a skeptic or someone who does not back the user carries nothing (docs/insights.md).
 */
export function promotionCredit(person: InsightPerson): number {
  if (!backsMe(person)) return 0;
  return person.stance === 'champion' || person.roles.includes('sponsor')
    ? SPONSOR_PROMOTION_CREDIT
    : BACKER_PROMOTION_CREDIT;
}

/** A name to show: the person's name, else their slug. */
export function displayName(person: Pick<InsightPerson, 'name' | 'slug'>): string {
  return person.name.trim() || person.slug;
}

/** "Dana (+2, high influence)": the name with what makes the person matter. */
export function describePerson(person: InsightPerson, t: Translator): string {
  return t.t('insight_describe', {
    name: displayName(person),
    level: t.t(labelKey('levelWord', person.level)),
    influence: t.t(labelKey('influenceWord', person.influence)),
  });
}

/** The people each person is tied to (undirected), keyed by slug; self-ties are dropped. */
export function tieIndex(ties: readonly Tie[]): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  const link = (from: string, to: string) => {
    const set = index.get(from) ?? new Set<string>();
    set.add(to);
    index.set(from, set);
  };
  for (const tie of ties) {
    if (tie.a === tie.b) continue;
    link(tie.a, otherEnd(tie, tie.a));
    link(tie.b, otherEnd(tie, tie.b));
  }
  return index;
}

/** Orders people who could carry the user's name: sponsors, then champions, then others. */
export function connectorRank(person: InsightPerson): number {
  if (person.roles.includes('sponsor')) return 0;
  if (person.stance === 'champion') return 1;
  if (person.stance === 'supporter') return 2;
  return 3;
}
