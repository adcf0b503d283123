/**
 * The weekly report: for one week (in the user's local time, starting on their chosen day),
 * the two scores and their 12-week trend, touches by kind, what needs attention and at most
 * five next actions, plus the alliance map. Pure: the page passes the data and the week.
 */
import { DAY_MS, ROLE_PRIORITY, TOUCH_KINDS, type TouchKind } from '@/utils/model';
import { backsMe, displayName, isKeyHolder, keyHolderWeight } from './alliance';
import { nextActions } from './actions';
import { prepare, type Prepared, type Snapshot } from './context';
import { isOpenAt } from './people';
import { BOARD_MAX, BOARD_MIN, connectivityAt, visibilityAt } from './scores';
import { snapshotAndTrend } from './trend';
import type {
  ColdRelationship,
  Gap,
  InsightData,
  MapEdge,
  MapNode,
  OverdueFollowUp,
  Taker,
  TrendPoint,
  WeeklyReport,
  WeekTouches,
  InsightPerson,
} from './types';
import { addWeeks, weekStartOf } from './weeks';

export { reportToMarkdown } from './markdown';

/** Weeks shown in the trend and the touches chart, the chosen one last. */
export const TREND_WEEKS = 12;
/** The map stays readable: key holders first, then backers, up to this many people. */
export const MAP_MAX_NODES = 80;

/** Options for the weekly report. */
export interface ReportOptions {
  /** The current time: a week not over yet is reported as of now, not as of its end. */
  now?: number;
}

function daysBetween(from: number, to: number): number {
  return Math.floor((to - from) / DAY_MS);
}

function nameOf(prepared: Prepared, slug: string): string {
  const person = prepared.bySlug.get(slug);
  return person ? displayName(person) : slug;
}

function goingCold(snap: Snapshot): ColdRelationship[] {
  const cold: ColdRelationship[] = [];
  for (const person of snap.bySlug.values()) {
    const status = snap.status.get(person.slug);
    if (!status || person.roles.length === 0 || !status.isDue) continue;
    cold.push({
      slug: person.slug,
      name: displayName(person),
      roles: person.roles,
      lastTouchAt: status.lastTouchAt,
      dueAt: status.dueAt,
      daysOverdue: daysBetween(status.dueAt, snap.asOf),
    });
  }
  return cold.sort((a, b) => a.dueAt - b.dueAt || a.name.localeCompare(b.name));
}

function overdueFollowUps(snap: Snapshot): OverdueFollowUp[] {
  return snap.data.followUps
    .filter((item) => isOpenAt(item, snap.asOf) && item.due < snap.asOf)
    .sort((a, b) => a.due - b.due)
    .map((item) => ({
      id: item.id,
      personSlug: item.personSlug,
      personName: nameOf(snap, item.personSlug),
      text: item.text,
      due: item.due,
      daysOverdue: daysBetween(item.due, snap.asOf),
    }));
}

function takersOnly(snap: Snapshot): Taker[] {
  const takers: Taker[] = [];
  for (const status of snap.status.values()) {
    if (status.received90 > 0 && status.gave90 === 0) {
      takers.push({
        slug: status.slug,
        name: nameOf(snap, status.slug),
        received90: status.received90,
      });
    }
  }
  return takers.sort((a, b) => b.received90 - a.received90 || a.name.localeCompare(b.name));
}

/** What the alliance lacks, in the essays' terms. */
export function allianceGaps(people: Iterable<InsightPerson>): Gap[] {
  let sponsors = 0;
  let seniorSponsors = 0;
  let mentors = 0;
  let advisors = 0;
  let allies = 0;
  for (const person of people) {
    if (person.roles.includes('sponsor')) {
      sponsors += 1;
      if (person.level === 'plus2' || person.level === 'plus3') seniorSponsors += 1;
    }
    if (person.roles.includes('mentor')) mentors += 1;
    if (person.roles.includes('advisor')) advisors += 1;
    if (person.roles.includes('ally')) allies += 1;
  }
  const gaps: Gap[] = [];
  if (sponsors === 0)
    gaps.push({
      id: 'no-sponsor',
      text: 'No sponsor: nobody senior is tagged as putting your name forward.',
    });
  else if (seniorSponsors === 0)
    gaps.push({
      id: 'sponsor-below-plus2',
      text: 'No sponsor at +2 or above: the keys to a promotion are often held two levels up.',
    });
  if (mentors === 0)
    gaps.push({ id: 'no-mentor', text: 'No mentor: nobody is tagged as advising you.' });
  if (advisors < BOARD_MIN)
    gaps.push({
      id: 'board-too-small',
      text: `Board of advisors of ${advisors}: aim for ${BOARD_MIN} to ${BOARD_MAX} rather than one role model.`,
    });
  if (advisors > BOARD_MAX)
    gaps.push({
      id: 'board-too-large',
      text: `Board of advisors of ${advisors}: more than ${BOARD_MAX} is hard to keep up with.`,
    });
  if (allies === 0)
    gaps.push({
      id: 'no-allies',
      text: 'No allies: tag the peers and colleagues who support your efforts.',
    });
  return gaps;
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
  const prepared = prepare(data);
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

  const cold = goingCold(snap);
  const overdue = overdueFollowUps(snap);
  const takers = takersOnly(snap);
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
    unawareKeyHolders: visibility.topRisks,
    goingCold: cold,
    overdueFollowUps: overdue,
    takersOnly: takers,
    gaps: allianceGaps(prepared.bySlug.values()),
    feedbackAsked,
    nextActions: nextActions(snap, {
      topRisks: visibility.topRisks,
      overdueFollowUps: overdue,
      takersOnly: takers,
      goingCold: cold,
      feedbackAsked,
    }),
    map: mapOf(snap, awareness),
  };
}
