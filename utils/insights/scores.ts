/**
 * The two scores of the weekly report. Visibility: how much the people who decide the user's
 * next step know their work now. Connectivity: how broad and healthy the alliance is. Each is a
 * weighted mean of parts in 0..1, scaled to an integer 0..100 (docs/insights.md).
 */
import type { MessageKey, Translator } from '@/utils/i18n';
import { english } from '@/utils/i18n/english';
import { DAY_MS } from '@/utils/model';
import {
  backsMe,
  connectorRank,
  describePerson,
  displayName,
  keyHolderWeight,
  promotionCredit,
  SPONSOR_PROMOTION_CREDIT,
  BACKER_PROMOTION_CREDIT,
} from './alliance';
import { neighbours, prepare, snapshot, type Prepared, type Snapshot } from './context';
import type {
  Awareness,
  InsightData,
  KeyHolder,
  Score,
  ScorePart,
  VisibilityScore,
  InsightPerson,
} from './types';

/** A key holder no one in the alliance is tied to is this much riskier (no way in). */
export const UNREACHABLE_RISK_FACTOR = 1.5;
/** A skeptic can veto: their gap is this much riskier. */
export const SKEPTIC_RISK_FACTOR = 1.5;
/** The essays' board of advisors: 5 to 8 people. */
export const BOARD_MIN = 5;
export const BOARD_MAX = 8;
/** Allies count fully from this many. */
export const ALLIES_TARGET = 3;
/** Give back at least this share of what you take to count as balanced. */
export const BALANCE_GIVE_SHARE = 0.5;

/** round(100 × Σ value·weight / Σ weight), 0 when nothing weighs anything. */
export function scoreOf(parts: ReadonlyArray<Pick<ScorePart, 'value' | 'weight'>>): number {
  const total = parts.reduce((sum, part) => sum + part.weight, 0);
  if (!(total > 0)) return 0;
  const earned = parts.reduce((sum, part) => sum + part.value * part.weight, 0);
  return Math.min(100, Math.max(0, Math.round((100 * earned) / total)));
}

/** "Ana, Ben and Cy"; past `max` names, "Ana, Ben, Cy, Di and 3 more". */
export function nameList(t: Translator, names: readonly string[], max = 4): string {
  if (names.length > max)
    return t.list([...names.slice(0, max), t.n('insight_more', names.length - max)]);
  return t.list(names);
}

function byConnectorRank(a: InsightPerson, b: InsightPerson): number {
  return connectorRank(a) - connectorRank(b) || displayName(a).localeCompare(displayName(b));
}

/** Whether something happened after `from`. */
export function within(at: number | null | undefined, from: number): boolean {
  return at !== null && at !== undefined && at > from;
}

/**
 * The visibility score's parts: how much each kind of awareness is worth. Hearing of the user's
 * work from someone else is worth less than seeing it, and less again from a backer who is not a
 * sponsor or champion (docs/insights.md).
 */
const VISIBILITY_BUCKETS = [
  { id: 'full', credit: 1, label: 'part_visibilityFull' },
  { id: 'partial', credit: SPONSOR_PROMOTION_CREDIT, label: 'part_visibilityPartial' },
  { id: 'partial-backer', credit: BACKER_PROMOTION_CREDIT, label: 'part_visibilityBacker' },
  { id: 'none', credit: 0, label: 'part_visibilityNone' },
] as const satisfies ReadonlyArray<{ id: string; credit: number; label: MessageKey }>;

export type VisibilityBucket = (typeof VISIBILITY_BUCKETS)[number]['id'];

/** Where a key holder stands: shared with directly, heard of it through a promoter worth `heardCredit`, or neither. */
export function bucketOf(sharedWith: boolean, heardCredit: number): VisibilityBucket {
  if (sharedWith) return 'full';
  if (heardCredit >= SPONSOR_PROMOTION_CREDIT) return 'partial';
  return heardCredit > 0 ? 'partial-backer' : 'none';
}

function creditOf(bucket: VisibilityBucket): number {
  return VISIBILITY_BUCKETS.find((item) => item.id === bucket)!.credit;
}

/** Visibility from the weight of the key holders in each bucket. */
export function visibilityScoreOf(weights: Readonly<Record<VisibilityBucket, number>>): number {
  return scoreOf(
    VISIBILITY_BUCKETS.map((item) => ({ value: item.credit, weight: weights[item.id] })),
  );
}

function keyHolderReason(
  person: InsightPerson,
  awareness: Awareness,
  snap: Snapshot,
  promoter: InsightPerson | undefined,
  backer: InsightPerson | undefined,
): string {
  const { t } = snap;
  const who = describePerson(person, t);
  const days = snap.data.settings.visibilityWindowDays;
  if (awareness === 'full') return t.t('reason_holderKnows', { who });
  if (awareness === 'partial' && promoter) {
    return t.t('reason_holderThrough', { who, promoter: displayName(promoter) });
  }
  const windowFrom = snap.asOf - days * DAY_MS;
  const contacted = within(snap.status.get(person.slug)?.lastTouchAt, windowFrom);
  const gap = t.n(contacted ? 'reason_heardNothing' : 'reason_noContact', days, { who });
  if (backer) return t.t('reason_holderBacker', { gap, backer: displayName(backer) });
  if (backsMe(person)) return t.t('reason_holderBacks', { gap });
  return t.t('reason_holderAlone', { gap });
}

function assessKeyHolder(person: InsightPerson, snap: Snapshot): KeyHolder {
  const windowFrom = snap.asOf - snap.data.settings.visibilityWindowDays * DAY_MS;
  // Sponsors and champions first: the first recent promoter is the one worth the most.
  const tied = neighbours(snap, person.slug).sort(byConnectorRank);
  const promoter = tied.find(
    (other) =>
      promotionCredit(other) > 0 &&
      within(snap.status.get(other.slug)?.lastPromotedMeAt, windowFrom),
  );
  const backer = tied.find(backsMe);
  const full = within(snap.status.get(person.slug)?.lastSharedWorkAt, windowFrom);
  const bucket = bucketOf(full, promoter ? promotionCredit(promoter) : 0);
  const awareness: Awareness = bucket === 'full' ? 'full' : bucket === 'none' ? 'none' : 'partial';
  const credit = creditOf(bucket);
  const reachable = backsMe(person) || backer !== undefined;
  const weight = keyHolderWeight(person);
  const risk =
    weight *
    (1 - credit) *
    (reachable ? 1 : UNREACHABLE_RISK_FACTOR) *
    (person.stance === 'skeptic' ? SKEPTIC_RISK_FACTOR : 1);
  return {
    slug: person.slug,
    name: displayName(person),
    level: person.level,
    influence: person.influence,
    stance: person.stance,
    weight,
    awareness,
    credit,
    heardThrough: awareness === 'partial' && promoter ? promoter.slug : null,
    reachable,
    connector: backer?.slug ?? null,
    risk,
    reason: keyHolderReason(person, awareness, snap, promoter, backer),
  };
}

function byRisk(a: KeyHolder, b: KeyHolder): number {
  return b.risk - a.risk || b.weight - a.weight || a.name.localeCompare(b.name);
}

/** Visibility as of a snapshot; the report scores many dates from one set of indexes. */
export function visibilityAt(snap: Snapshot): VisibilityScore {
  const keyHolders = snap.keyHolders.map((person) => assessKeyHolder(person, snap)).sort(byRisk);
  const total = keyHolders.length;
  const parts: ScorePart[] = VISIBILITY_BUCKETS.map((bucket) => {
    const group = keyHolders.filter((holder) => holder.credit === bucket.credit);
    const of = snap.t.n('part_ofKeyHolders', total, { part: group.length });
    return {
      id: bucket.id,
      label: snap.t.t(bucket.label),
      value: bucket.credit,
      weight: group.reduce((sum, holder) => sum + holder.weight, 0),
      detail: group.length
        ? snap.t.t('part_detailNames', {
            detail: of,
            names: nameList(
              snap.t,
              group.map((holder) => holder.name),
            ),
          })
        : of,
    };
  });
  const topRisks = keyHolders.filter((holder) => holder.awareness !== 'full');
  return {
    score: scoreOf(parts),
    // Nothing to list without key holders (the reason says how to get some), and a way of
    // hearing about the user's work that nobody took is left out.
    parts: total
      ? parts.filter((part) => part.weight > 0 || part.id === 'full' || part.id === 'none')
      : [],
    reason: visibilityReason(snap.t, keyHolders, topRisks),
    keyHolders,
    topRisks,
  };
}

function visibilityReason(
  t: Translator,
  keyHolders: readonly KeyHolder[],
  topRisks: readonly KeyHolder[],
): string {
  if (keyHolders.length === 0) return t.t('reason_noKeyHolders');
  const full = keyHolders.length - topRisks.length;
  const partial = topRisks.filter((holder) => holder.awareness === 'partial').length;
  const know = t.n('reason_know', full, {
    holders: t.n('count_keyHolders', keyHolders.length),
  });
  const sentence = partial
    ? t.n('reason_knowAndHeard', partial, { know })
    : t.t('reason_knowOnly', { know });
  const [top] = topRisks;
  return top ? `${sentence} ${top.reason}` : sentence;
}

/** Visibility (0..100) as of `asOf`, with the key holders, their awareness and the ranked risks. */
export function visibility(
  data: InsightData,
  asOf: number,
  t: Translator = english,
): VisibilityScore {
  return visibilityAt(snapshot(prepare(data, t), asOf));
}

/*
 * Each part's `detail` says where the user stands, after its label ("A sponsor at +2 or above:
 * none yet"); its `advice` is the sentence the reason uses when the part costs the most points.
 */

function sponsorPart(t: Translator, people: readonly InsightPerson[]): ScorePart {
  const sponsors = people.filter((person) => person.roles.includes('sponsor'));
  const senior = sponsors.filter((person) => person.level === 'plus2' || person.level === 'plus3');
  const base = { id: 'sponsor', label: t.t('part_sponsor'), weight: 0.15 };
  if (senior.length) return { ...base, value: 1, detail: nameList(t, senior.map(displayName)) };
  if (sponsors.length) {
    const names = nameList(t, sponsors.map(displayName));
    return {
      ...base,
      value: 0.5,
      detail: t.t('part_sponsorBelow', { names }),
      advice: t.n('advice_sponsorBelow', sponsors.length, { names }),
    };
  }
  return {
    ...base,
    value: 0,
    detail: t.t('part_noneYet'),
    advice: t.t('advice_noSponsor'),
  };
}

function mentorPart(t: Translator, people: readonly InsightPerson[]): ScorePart {
  const mentors = people.filter((person) => person.roles.includes('mentor'));
  const base = { id: 'mentor', label: t.t('part_mentor'), weight: 0.1 };
  if (mentors.length) return { ...base, value: 1, detail: nameList(t, mentors.map(displayName)) };
  return { ...base, value: 0, detail: t.t('part_noneYet'), advice: t.t('advice_noMentor') };
}

function alliesPart(t: Translator, people: readonly InsightPerson[]): ScorePart {
  const count = people.filter((person) => person.roles.includes('ally')).length;
  const target = ALLIES_TARGET;
  return {
    id: 'allies',
    label: t.t('part_allies', { target }),
    weight: 0.1,
    value: Math.min(1, count / ALLIES_TARGET),
    detail:
      count >= ALLIES_TARGET ? t.number(count) : t.t('part_of', { part: count, whole: target }),
    advice:
      count === 0 ? t.t('advice_noAllies', { target }) : t.n('advice_allies', count, { target }),
  };
}

function boardPart(t: Translator, people: readonly InsightPerson[]): ScorePart {
  const count = people.filter((person) => person.roles.includes('advisor')).length;
  const bounds = { min: BOARD_MIN, max: BOARD_MAX };
  const base = { id: 'board', label: t.t('part_board', bounds), weight: 0.1 };
  if (count > BOARD_MAX)
    return {
      ...base,
      value: BOARD_MAX / count,
      detail: t.t('part_boardTooLarge', { count, max: BOARD_MAX }),
      advice: t.t('advice_boardTooLarge', { count, max: BOARD_MAX }),
    };
  if (count >= BOARD_MIN) return { ...base, value: 1, detail: t.number(count) };
  return {
    ...base,
    value: count / BOARD_MIN,
    detail: t.t('part_of', { part: count, whole: BOARD_MIN }),
    advice: count === 0 ? t.t('advice_noBoard', bounds) : t.n('advice_boardSmall', count, bounds),
  };
}

/** How many of the tagged relationships were touched within their cadence. */
export function cadencePart(t: Translator, onTime: number, tagged: number): ScorePart {
  return {
    id: 'cadence',
    label: t.t('part_cadence'),
    weight: 0.2,
    value: tagged ? onTime / tagged : 0,
    detail: tagged ? t.t('part_of', { part: onTime, whole: tagged }) : t.t('part_nobodyTagged'),
    advice: tagged ? t.n('advice_cadence', tagged, { part: onTime }) : t.t('advice_noCadence'),
  };
}

function cadenceOf(snap: Snapshot, tagged: readonly InsightPerson[]): ScorePart {
  const onTime = tagged.filter((person) => {
    const status = snap.status.get(person.slug);
    return status !== undefined && status.lastTouchAt !== null && !status.isDue;
  }).length;
  return cadencePart(snap.t, onTime, tagged.length);
}

/** 1 when the user gives back at least half as often as they take from this person. */
export function balanceHealth(gave90: number, received90: number): number {
  if (received90 === 0) return 1;
  return Math.min(1, gave90 / (BALANCE_GIVE_SHARE * received90));
}

/** Give and take over 90 days with everyone the user was in touch with, in the order given. */
export function balancePart(
  t: Translator,
  statuses: Iterable<{ readonly gave90: number; readonly received90: number }>,
): ScorePart {
  let inTouch = 0;
  let health = 0;
  let balanced = 0;
  for (const status of statuses) {
    if (status.gave90 + status.received90 === 0) continue;
    const value = balanceHealth(status.gave90, status.received90);
    inTouch += 1;
    health += value;
    if (value === 1) balanced += 1;
  }
  return {
    id: 'balance',
    label: t.t('part_balance'),
    weight: 0.15,
    value: inTouch ? health / inTouch : 0,
    detail: inTouch
      ? t.n('part_balanceDetail', inTouch, { part: balanced })
      : t.t('part_noTouches'),
    advice: inTouch ? t.n('advice_balance', inTouch, { part: balanced }) : t.t('advice_noBalance'),
  };
}

function reachPart(snap: Prepared): ScorePart {
  const holders = snap.keyHolders;
  const reachable = holders.filter(
    (person) => backsMe(person) || neighbours(snap, person.slug).some(backsMe),
  ).length;
  return {
    id: 'reach',
    label: snap.t.t('part_reach'),
    weight: 0.2,
    value: holders.length ? reachable / holders.length : 0,
    detail: holders.length
      ? snap.t.t('part_of', { part: reachable, whole: holders.length })
      : snap.t.t('part_noKeyHolders'),
    advice: holders.length
      ? snap.t.n('advice_reach', holders.length, { part: reachable })
      : snap.t.t('advice_noReach'),
  };
}

/** The parts of connectivity that do not depend on the date: who holds which role, and reach. */
export interface StandingParts {
  people: InsightPerson[];
  tagged: InsightPerson[];
  sponsor: ScorePart;
  mentor: ScorePart;
  allies: ScorePart;
  board: ScorePart;
  reach: ScorePart;
}

export function standingParts(prepared: Prepared): StandingParts {
  const people = [...prepared.bySlug.values()];
  const { t } = prepared;
  return {
    people,
    tagged: people.filter((person) => person.roles.length > 0),
    sponsor: sponsorPart(t, people),
    mentor: mentorPart(t, people),
    allies: alliesPart(t, people),
    board: boardPart(t, people),
    reach: reachPart(prepared),
  };
}

/** Connectivity from its standing parts and the two that move with the date. */
export function connectivityOf(
  t: Translator,
  standing: StandingParts,
  cadence: ScorePart,
  balance: ScorePart,
): Score {
  const { sponsor, mentor, allies, board, reach } = standing;
  const parts = [sponsor, mentor, allies, board, cadence, balance, reach];
  return { score: scoreOf(parts), parts, reason: connectivityReason(t, parts, standing.people) };
}

function lossOf(part: ScorePart): number {
  return part.weight * (1 - part.value);
}

function connectivityReason(
  t: Translator,
  parts: readonly ScorePart[],
  people: readonly InsightPerson[],
): string {
  if (!people.some((person) => person.roles.length > 0)) return t.t('reason_nobodyTagged');
  const weakest = parts
    .filter((part) => lossOf(part) > 0)
    .sort((a, b) => lossOf(b) - lossOf(a))
    .slice(0, 2);
  if (!weakest.length) return t.t('reason_goodShape', { count: parts.length });
  return weakest
    .map(
      (part) => part.advice ?? t.t('reason_partDetail', { label: part.label, detail: part.detail }),
    )
    .join(' ');
}

/** Connectivity as of a snapshot. */
export function connectivityAt(snap: Snapshot, standing = standingParts(snap)): Score {
  return connectivityOf(
    snap.t,
    standing,
    cadenceOf(snap, standing.tagged),
    balancePart(snap.t, snap.status.values()),
  );
}

/** Connectivity (0..100) as of `asOf`: role coverage, cadence, give/take and reach. */
export function connectivity(data: InsightData, asOf: number, t: Translator = english): Score {
  return connectivityAt(snapshot(prepare(data, t), asOf));
}
