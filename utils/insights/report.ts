/**
 * The weekly report: for one week (in the user's local time, starting on their chosen day),
 * the two scores and their 12-week trend, touches by kind, what needs attention and at most
 * five next actions, plus the alliance map. Pure: the page passes the data and the week.
 */
import { ROLES, ROLE_PRIORITY, TOUCH_KINDS, type Role, type TouchKind } from '@/utils/model';
import {
  actionContext,
  appreciationActions,
  coldAction,
  firstStep,
  followUpAction,
  isBlank,
  rankActions,
  riskAction,
  takerAction,
  type ActionContext,
} from './actions';
import { allianceGaps, basisRisks, feedbackCheck, newRoleFocus, payItForward } from './advice';
import { backsMe, displayName, isKeyHolder, keyHolderWeight } from './alliance';
import { prepare, type Prepared, type Snapshot } from './context';
import { isOpenAt } from './people';
import { connectivityAt, visibilityAt } from './scores';
import { snapshotAndTrend } from './trend';
import type {
  ColdRelationship,
  InsightData,
  MapEdge,
  MapNode,
  NextAction,
  OverdueFollowUp,
  ReportCounts,
  Taker,
  TrendPoint,
  WeeklyReport,
  WeekTouches,
  InsightPerson,
} from './types';
import { daysBetween } from './wording';
import { addWeeks, weekStartOf } from './weeks';
import type { Translator } from '@/utils/i18n';

export { reportToMarkdown } from './markdown';

/** Weeks shown in the trend and the touches chart, the chosen one last. */
export const TREND_WEEKS = 12;
/** The map stays readable: key holders first, then backers, up to this many people. */
export const MAP_MAX_NODES = 80;

/** Options for the weekly report. */
export interface ReportOptions {
  /** The current time: a week not over yet is reported as of now, not as of its end. */
  now?: number;
  /** The language of the report's sentences (English when not given). */
  t?: Translator;
}

function goingCold(ctx: ActionContext): ColdRelationship[] {
  const { snap } = ctx;
  const cold: ColdRelationship[] = [];
  for (const person of snap.bySlug.values()) {
    const status = snap.status.get(person.slug);
    if (!status || person.roles.length === 0 || !status.isDue) continue;
    const item = {
      slug: person.slug,
      name: displayName(person),
      roles: person.roles,
      lastTouchAt: status.lastTouchAt,
      dueAt: status.dueAt,
      daysOverdue: daysBetween(status.dueAt, snap.asOf),
    };
    cold.push({ ...item, action: coldAction(ctx, item) });
  }
  return cold.sort((a, b) => a.dueAt - b.dueAt || a.name.localeCompare(b.name));
}

/** Open follow-ups past their due date, of people in the record, oldest first. */
function overdueFollowUps(ctx: ActionContext): OverdueFollowUp[] {
  const { snap } = ctx;
  return snap.data.followUps
    .filter(
      (item) =>
        snap.bySlug.has(item.personSlug) && isOpenAt(item, snap.asOf) && item.due < snap.asOf,
    )
    .sort((a, b) => a.due - b.due)
    .map((followUp) => {
      const item = {
        id: followUp.id,
        personSlug: followUp.personSlug,
        personName: displayName(snap.bySlug.get(followUp.personSlug)!),
        text: followUp.text,
        due: followUp.due,
        daysOverdue: daysBetween(followUp.due, snap.asOf),
      };
      return { ...item, action: followUpAction(ctx, item) };
    });
}

function takersOnly(ctx: ActionContext): Taker[] {
  const { snap } = ctx;
  const takers: Taker[] = [];
  for (const status of snap.status.values()) {
    const person = snap.bySlug.get(status.slug);
    if (person && status.received90 > 0 && status.gave90 === 0) {
      const item = { slug: status.slug, name: displayName(person), received90: status.received90 };
      takers.push({ ...item, action: takerAction(ctx, item) });
    }
  }
  return takers.sort((a, b) => b.received90 - a.received90 || a.name.localeCompare(b.name));
}

/** How many of each thing there is, so the page can say what is missing rather than "all of none". */
function countsOf(snap: Snapshot): ReportCounts {
  const roles = Object.fromEntries(ROLES.map((role) => [role, 0])) as Record<Role, number>;
  let tagged = 0;
  let backers = 0;
  let seniorSponsors = 0;
  for (const person of snap.bySlug.values()) {
    if (person.roles.length) tagged += 1;
    if (backsMe(person)) backers += 1;
    for (const role of person.roles) roles[role] += 1;
    if (person.roles.includes('sponsor') && (person.level === 'plus2' || person.level === 'plus3'))
      seniorSponsors += 1;
  }
  let inTouch90 = 0;
  let receivedFrom90 = 0;
  let openFollowUps = 0;
  for (const status of snap.status.values()) {
    if (status.gave90 + status.received90 > 0) inTouch90 += 1;
    if (status.received90 > 0) receivedFrom90 += 1;
    openFollowUps += status.openFollowUps;
  }
  return {
    people: snap.bySlug.size,
    tagged,
    keyHolders: snap.keyHolders.length,
    backers,
    inTouch90,
    receivedFrom90,
    openFollowUps,
    roles,
    seniorSponsors,
  };
}

/** The first steps a record still needs before the rest of the advice can name anyone. */
function missingBasics(t: Translator, counts: ReportCounts): NextAction[] {
  const steps: NextAction[] = [];
  if (isBlank(counts)) steps.push(firstStep(t, 'import'));
  else if (counts.tagged === 0) steps.push(firstStep(t, 'tag'));
  if (counts.keyHolders === 0) steps.push(firstStep(t, 'levels'));
  if (counts.inTouch90 === 0) steps.push(firstStep(t, 'touch'));
  return steps;
}

/** Index of the week in `starts` (ascending, `end` closing the last) holding `at`, or −1. */
function weekIndex(starts: readonly number[], end: number, at: number): number {
  if (!(at >= (starts[0] ?? end)) || !(at < end)) return -1;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if ((starts[mid] ?? end) <= at) low = mid;
    else high = mid - 1;
  }
  return low;
}

function emptyByKind(): Record<TouchKind, number> {
  return Object.fromEntries(TOUCH_KINDS.map((kind) => [kind, 0])) as Record<TouchKind, number>;
}

function touchesByWeek(prepared: Prepared, starts: readonly number[], end: number): WeekTouches[] {
  const weeks = starts.map((weekStart) => ({ weekStart, byKind: emptyByKind(), total: 0 }));
  for (const touch of prepared.data.touches) {
    const week = weeks[weekIndex(starts, end, touch.at)];
    if (!week || !(touch.kind in week.byKind)) continue;
    week.byKind[touch.kind] += 1;
    week.total += 1;
  }
  return weeks;
}

function mapOf(snap: Snapshot, awareness: Map<string, MapNode['awareness']>): WeeklyReport['map'] {
  const rolePriority = (person: InsightPerson) =>
    Math.min(...person.roles.map((role) => ROLE_PRIORITY.indexOf(role)), ROLE_PRIORITY.length);
  const holders = snap.keyHolders.slice().sort((a, b) => keyHolderWeight(b) - keyHolderWeight(a));
  // Each backer's sort key is worked out once, not in every comparison of the sort.
  const backers = [...snap.bySlug.values()]
    .filter((person) => !isKeyHolder(person) && backsMe(person))
    .map((person) => ({ person, priority: rolePriority(person), name: displayName(person) }))
    .sort((a, b) => a.priority - b.priority || a.name.localeCompare(b.name))
    .map(({ person }) => person);
  const candidates = [...holders, ...backers];
  const shown = candidates.slice(0, MAP_MAX_NODES);
  const nodes: MapNode[] = shown.map((person) => ({
    slug: person.slug,
    name: displayName(person),
    influence: person.influence,
    stance: person.stance,
    level: person.level,
    isKeyHolder: isKeyHolder(person),
    awareness: awareness.get(person.slug) ?? null,
    roles: person.roles,
  }));
  const inMap = new Set(nodes.map((node) => node.slug));
  const edges: MapEdge[] = [];
  const drawn = new Set<string>();
  for (const tie of snap.data.ties) {
    const [a, b] = tie.a < tie.b ? [tie.a, tie.b] : [tie.b, tie.a];
    const key = `${a}\u0000${b}`;
    if (a === b || !inMap.has(a) || !inMap.has(b) || drawn.has(key)) continue;
    drawn.add(key);
    edges.push({ a, b, label: tie.label });
  }
  return { nodes, edges, omitted: candidates.length - shown.length };
}

/** Everything the weekly report shows for the week holding `weekOf`. */
export function weeklyReport(
  data: InsightData,
  weekOf: number,
  options: ReportOptions = {},
): WeeklyReport {
  const weekDay = data.settings.weekStart;
  const weekStart = weekStartOf(weekOf, weekDay);
  const weekEnd = addWeeks(weekStart, 1, weekDay);
  const now = options.now;
  const asOf = now !== undefined && now >= weekStart && now < weekEnd ? now : weekEnd - 1;
  const prepared = prepare(data, options.t);
  const starts = Array.from({ length: TREND_WEEKS }, (_, i) =>
    addWeeks(weekStart, i - (TREND_WEEKS - 1), weekDay),
  );

  // The chosen date and the end of each earlier week, all from one sweep over the touches.
  const pastEnds = starts.slice(1).map((next) => next - 1);
  const { snap, past, standing } = snapshotAndTrend(prepared, asOf, pastEnds);
  const visibility = visibilityAt(snap);
  const connectivity = connectivityAt(snap, standing);
  const trend: TrendPoint[] = starts.map((start, i) => {
    const scores = past[i];
    if (i === TREND_WEEKS - 1 || !scores)
      return { weekStart: start, visibility: visibility.score, connectivity: connectivity.score };
    return { weekStart: start, ...scores };
  });
  const before = trend[TREND_WEEKS - 2] ?? { visibility: 0, connectivity: 0 };
  const weeks = touchesByWeek(prepared, starts, weekEnd);
  const feedbackAsked = weeks[TREND_WEEKS - 1]?.byKind['asked-feedback'] ?? 0;

  const counts = countsOf(snap);
  const ctx = actionContext(snap, counts);
  const unaware = visibility.topRisks.map((holder) => ({
    ...holder,
    action: riskAction(ctx, holder),
  }));
  const cold = goingCold(ctx);
  const overdue = overdueFollowUps(ctx);
  const takers = takersOnly(ctx);
  const gaps = allianceGaps(ctx);
  const basis = basisRisks(ctx);
  const feedback = feedbackCheck(ctx);
  const newRole = newRoleFocus(ctx);
  const forward = payItForward(ctx);
  // Every finding brings its action; the report lists the five worth most.
  const candidates: NextAction[] = [
    ...missingBasics(prepared.t, counts),
    ...(newRole ? newRole.toMeet.map((item) => item.action) : []),
    newRole?.action ?? null,
    ...unaware.map((holder) => holder.action),
    ...overdue.map((item) => item.action),
    ...appreciationActions(ctx),
    ...gaps.map((gap) => gap.action),
    feedback.action,
    ...basis.map((risk) => risk.action),
    ...takers.map((taker) => taker.action),
    ...cold.map((item) => item.action),
    forward.action,
  ].filter((action) => action !== null);
  const awareness = new Map(
    visibility.keyHolders.map((holder) => [holder.slug, holder.awareness] as const),
  );
  return {
    weekStart,
    weekEnd,
    asOf,
    // The score without its key holders: those are in `unawareKeyHolders`, and the report is
    // cached whole (a list of every key holder would multiply its size).
    visibility: { score: visibility.score, parts: visibility.parts, reason: visibility.reason },
    connectivity,
    previous: { visibility: before.visibility, connectivity: before.connectivity },
    change: {
      visibility: visibility.score - before.visibility,
      connectivity: connectivity.score - before.connectivity,
    },
    trend,
    touchesByWeek: weeks,
    unawareKeyHolders: unaware,
    goingCold: cold,
    overdueFollowUps: overdue,
    takersOnly: takers,
    gaps,
    basisRisks: basis,
    feedbackAsked,
    feedback,
    newRole,
    payItForward: forward,
    counts,
    nextActions: rankActions(candidates),
    map: mapOf(snap, awareness),
  };
}
