/**
 * The essays' advice beyond the two scores, each as a finding with its action: the gaps in the
 * alliance, the basis of each alliance, negative feedback from the people who decide, the first
 * 90 days of a new role, and paying it forward. Pure, as of the snapshot's date.
 */
import { daysAgo, plural } from '@/utils/format';
import { DAY_MS, isAboveMe, type Influence, type Level, type Stance } from '@/utils/model';
import { firstStep, personAction, stepTowards, URGENCY, type ActionContext } from './actions';
import { backsMe, displayName, keyHolderWeight } from './alliance';
import { neighbours } from './context';
import { BALANCE_WINDOW_DAYS } from './people';
import { BOARD_MAX, BOARD_MIN, nameList } from './scores';
import type {
  BasisRisk,
  FeedbackCheck,
  Gap,
  InsightPerson,
  NewRoleFocus,
  NextAction,
  PayItForward,
  PersonToMeet,
} from './types';
import { daysBetween, nameWithLevel, times } from './wording';

/** Ask the manager or a key holder “what am I missing?” at least this often. */
export const FEEDBACK_DUE_DAYS = 30;
/** How far back the report looks for that question (the touches it reads reach this far). */
export const FEEDBACK_LOOKBACK_DAYS = BALANCE_WINDOW_DAYS;
/** The first days of a new role, when the report focuses on meeting people. */
export const NEW_ROLE_DAYS = 90;

const SENIORITY: Record<Level, number> = {
  plus3: 3,
  plus2: 2,
  plus1: 1,
  peer: 0,
  unknown: -1,
  report: -2,
};
const INFLUENCE_RANK: Record<Influence, number> = { high: 3, medium: 2, low: 1, unknown: 0 };
const STANCE_RANK: Record<Stance, number> = {
  champion: 0,
  supporter: 1,
  neutral: 2,
  unknown: 3,
  skeptic: 4,
};

/** Most senior first, then most influential, then the warmest stance, then by name. */
function bySeniority(a: InsightPerson, b: InsightPerson): number {
  return (
    SENIORITY[b.level] - SENIORITY[a.level] ||
    INFLUENCE_RANK[b.influence] - INFLUENCE_RANK[a.influence] ||
    STANCE_RANK[a.stance] - STANCE_RANK[b.stance] ||
    displayName(a).localeCompare(displayName(b))
  );
}

function everyone(ctx: ActionContext): InsightPerson[] {
  return [...ctx.snap.bySlug.values()];
}

function lastTouch(ctx: ActionContext, person: InsightPerson): number | null {
  return ctx.snap.status.get(person.slug)?.lastTouchAt ?? null;
}

/** Most recently touched first (never touched last), then by name. */
function byRecentTouch(ctx: ActionContext) {
  return (a: InsightPerson, b: InsightPerson) =>
    (lastTouch(ctx, b) ?? -Infinity) - (lastTouch(ctx, a) ?? -Infinity) ||
    displayName(a).localeCompare(displayName(b));
}

const isAbove = (person: InsightPerson) => isAboveMe(person.level);
const notSkeptic = (person: InsightPerson) => person.stance !== 'skeptic';

function noSponsorAction(ctx: ActionContext): NextAction {
  const [senior] = everyone(ctx).filter(isAbove).filter(notSkeptic).sort(bySeniority);
  if (!senior) return stepTowards(ctx, 'levels');
  const windowFrom = ctx.snap.asOf - ctx.snap.data.settings.visibilityWindowDays * DAY_MS;
  const knowsYourWork =
    (ctx.snap.status.get(senior.slug)?.lastSharedWorkAt ?? -Infinity) > windowFrom;
  return knowsYourWork
    ? personAction(
        ctx,
        'gap-sponsor',
        senior,
        'meeting',
        `Ask ${nameWithLevel(senior)} for advice on your next step`,
        'they know your work, and a senior person who follows your career is the one who can become your sponsor',
        URGENCY.gapSponsor,
      )
    : personAction(
        ctx,
        'gap-sponsor',
        senior,
        'shared-work',
        `Share a recent win with ${nameWithLevel(senior)}`,
        'a senior person who knows your work is the one who can become your sponsor',
        URGENCY.gapSponsor,
      );
}

function seniorSponsorAction(ctx: ActionContext, sponsors: InsightPerson[]): NextAction {
  const sponsorSlugs = new Set(sponsors.map((person) => person.slug));
  const tiedToSponsor = (person: InsightPerson) =>
    neighbours(ctx.snap, person.slug).find((other) => sponsorSlugs.has(other.slug));
  const candidates = everyone(ctx)
    .filter((person) => SENIORITY[person.level] >= SENIORITY.plus2 && notSkeptic(person))
    .sort((a, b) => Number(!!tiedToSponsor(b)) - Number(!!tiedToSponsor(a)) || bySeniority(a, b));
  const [target] = candidates;
  if (!target) return firstStep('levels');
  const sponsor = tiedToSponsor(target);
  const via = sponsor ? `, and your sponsor ${displayName(sponsor)} is tied to them` : '';
  return personAction(
    ctx,
    'gap-senior-sponsor',
    target,
    'shared-work',
    `Share a recent win with ${nameWithLevel(target)}`,
    `a sponsor two levels up counts most${via}`,
    URGENCY.gapSeniorSponsor,
  );
}

const sharesPurpose = (person: InsightPerson) =>
  person.basis === 'shared-purpose' || person.basis === 'both';

/** Don't ask for a mentor: point to experienced people with whom the user shares a purpose. */
function noMentorAction(ctx: ActionContext): NextAction {
  const experienced = everyone(ctx)
    .filter(
      (person) =>
        (isAbove(person) || person.roles.includes('advisor')) &&
        notSkeptic(person) &&
        person.basis !== 'mutual-benefit',
    )
    .sort((a, b) => Number(sharesPurpose(b)) - Number(sharesPurpose(a)) || bySeniority(a, b));
  const [mentor] = experienced;
  if (!mentor) return stepTowards(ctx, 'mentor');
  const [step, why] = sharesPurpose(mentor)
    ? [
        `Ask ${nameWithLevel(mentor)} for advice on a problem you both care about`,
        'you share a purpose, and mentoring grows from that, so there is no need to ask anyone to be your mentor',
      ]
    : [
        `Spend time with ${nameWithLevel(mentor)} and find out whether you share a purpose`,
        'a mentor grows from working on what you both care about, not from being asked to be your mentor',
      ];
  return personAction(ctx, 'gap-mentor', mentor, 'spent-time', step, why, URGENCY.gapMentor);
}

function boardTooSmallAction(ctx: ActionContext): NextAction {
  const candidates = everyone(ctx)
    .filter(
      (person) =>
        !person.roles.includes('advisor') &&
        notSkeptic(person) &&
        (person.roles.includes('mentor') ||
          person.stance === 'champion' ||
          (backsMe(person) && (isAbove(person) || sharesPurpose(person)))),
    )
    .sort(
      (a, b) =>
        Number(b.roles.includes('mentor')) - Number(a.roles.includes('mentor')) ||
        bySeniority(a, b),
    );
  const [advisor] = candidates;
  if (!advisor) return stepTowards(ctx, 'advisors');
  return personAction(
    ctx,
    'gap-board',
    advisor,
    'meeting',
    `Ask ${nameWithLevel(advisor)} for advice regularly and add them to your board of advisors`,
    'advice from several people serves you better than one role model',
    URGENCY.gapBoard,
  );
}

function boardTooLargeAction(ctx: ActionContext, advisors: InsightPerson[]): NextAction {
  const [stalest] = advisors.slice().sort(byRecentTouch(ctx)).reverse();
  const last = lastTouch(ctx, stalest!);
  const when =
    last === null
      ? 'you have no touch with them yet'
      : `your last touch was ${daysAgo(last, ctx.snap.asOf)}`;
  return personAction(
    ctx,
    'gap-board',
    stalest!,
    'meeting',
    `Decide whether ${displayName(stalest!)} still belongs on your board of advisors`,
    `${advisors.length} are more than the ${BOARD_MAX} you can keep up with, and ${when}`,
    URGENCY.gapBoard,
  );
}

function noAlliesAction(ctx: ActionContext): NextAction {
  const candidates = everyone(ctx)
    .filter(
      (person) =>
        notSkeptic(person) &&
        (person.level === 'peer' || person.stance === 'champion' || person.stance === 'supporter'),
    )
    .sort(
      (a, b) => Number(b.level === 'peer') - Number(a.level === 'peer') || byRecentTouch(ctx)(a, b),
    );
  const [ally] = candidates;
  if (!ally) return stepTowards(ctx, 'allies');
  const who = ally.level === 'peer' ? `${displayName(ally)}, a peer` : nameWithLevel(ally);
  return personAction(
    ctx,
    'gap-allies',
    ally,
    'offered-help',
    `Offer help to ${who}`,
    'allies start with help given, and you have none tagged yet',
    URGENCY.gapAllies,
  );
}

/** What the alliance lacks, in the essays' terms, each with the step that starts to fill it. */
export function allianceGaps(ctx: ActionContext): Gap[] {
  const people = everyone(ctx);
  const sponsors = people.filter((person) => person.roles.includes('sponsor'));
  const seniorSponsors = sponsors.filter((person) => SENIORITY[person.level] >= SENIORITY.plus2);
  const advisors = people.filter((person) => person.roles.includes('advisor'));
  const gaps: Gap[] = [];
  if (sponsors.length === 0)
    gaps.push({
      id: 'no-sponsor',
      text: 'No sponsor: nobody senior is tagged as putting your name forward.',
      action: noSponsorAction(ctx),
    });
  else if (seniorSponsors.length === 0)
    gaps.push({
      id: 'sponsor-below-plus2',
      text: 'No sponsor at +2 or above: the keys to a promotion are often held two levels up.',
      action: seniorSponsorAction(ctx, sponsors),
    });
  if (!people.some((person) => person.roles.includes('mentor')))
    gaps.push({
      id: 'no-mentor',
      text: 'No mentor: nobody is tagged as advising you.',
      action: noMentorAction(ctx),
    });
  if (advisors.length < BOARD_MIN)
    gaps.push({
      id: 'board-too-small',
      text: `Board of advisors of ${advisors.length}: aim for ${BOARD_MIN} to ${BOARD_MAX} rather than one role model.`,
      action: boardTooSmallAction(ctx),
    });
  if (advisors.length > BOARD_MAX)
    gaps.push({
      id: 'board-too-large',
      text: `Board of advisors of ${advisors.length}: more than ${BOARD_MAX} is hard to keep up with.`,
      action: boardTooLargeAction(ctx, advisors),
    });
  if (!people.some((person) => person.roles.includes('ally')))
    gaps.push({
      id: 'no-allies',
      text: 'No allies: tag the peers and colleagues who support your efforts.',
      action: noAlliesAction(ctx),
    });
  return gaps;
}

/** How often each person helped or promoted the user in the 90 days before the snapshot's date. */
function helpReceived(ctx: ActionContext): Map<string, number> {
  const from = ctx.snap.asOf - BALANCE_WINDOW_DAYS * DAY_MS;
  const counts = new Map<string, number>();
  for (const touch of ctx.snap.data.touches) {
    if (touch.kind !== 'received-help' && touch.kind !== 'they-promoted-me') continue;
    if (touch.at > from && touch.at <= ctx.snap.asOf)
      counts.set(touch.personSlug, (counts.get(touch.personSlug) ?? 0) + 1);
  }
  return counts;
}

/**
 * Backers whose basis of alliance the user may be misreading: an alliance on mutual benefit
 * with nothing given in 90 days, or an unknown basis with someone the user relies on (who
 * helped or promoted them in 90 days, or sponsors them). People whose basis was not read are
 * left out.
 */
export function basisRisks(ctx: ActionContext): BasisRisk[] {
  const risks: BasisRisk[] = [];
  const helped = helpReceived(ctx);
  for (const person of everyone(ctx)) {
    if (!backsMe(person) || person.basis === undefined) continue;
    const gave = ctx.snap.status.get(person.slug)?.gave90 ?? 0;
    const help = helped.get(person.slug) ?? 0;
    const name = displayName(person);
    if (person.basis === 'mutual-benefit' && gave === 0) {
      risks.push({
        slug: person.slug,
        name,
        kind: 'mutual-benefit-unmet',
        text: `${name}: your alliance rests on mutual benefit, and you have given them nothing in 90 days.`,
        action: personAction(
          ctx,
          'basis',
          person,
          'offered-help',
          `Offer help to ${name}`,
          'your alliance rests on mutual benefit, and after 90 days of nothing given they may read it as over',
          URGENCY.basisUnmet,
        ),
      });
    } else if (person.basis === 'unknown' && (help > 0 || person.roles.includes('sponsor'))) {
      const relied =
        help > 0
          ? `they helped or promoted you ${times(help)} in 90 days`
          : 'they are your sponsor';
      risks.push({
        slug: person.slug,
        name,
        kind: 'unknown-relied-on',
        text: `${name}: you rely on them (${relied}), but the basis of your alliance is unknown.`,
        action: personAction(
          ctx,
          'basis',
          person,
          'spent-time',
          `Find out what your alliance with ${name} rests on (mutual benefit, a shared purpose or both)`,
          'you rely on them, and misreading the basis can damage the relationship',
          URGENCY.basisUnknown,
        ),
      });
    }
  }
  const rank = (risk: BasisRisk) => risk.action.worth;
  return risks.sort((a, b) => rank(b) - rank(a) || a.name.localeCompare(b.name));
}

/**
 * When the user last asked their manager (+1) or a key holder “what am I missing?”, and whom to
 * ask when it has been more than FEEDBACK_DUE_DAYS.
 */
export function feedbackCheck(ctx: ActionContext): FeedbackCheck {
  const { snap } = ctx;
  const askable = everyone(ctx).filter(
    (person) => person.level === 'plus1' || ctx.keyHolders.has(person.slug),
  );
  if (askable.length === 0) {
    return {
      askable: 0,
      lastAskedAt: null,
      lastAskedName: null,
      daysSince: null,
      due: true,
      text: 'No manager or key holder in your record yet, so there is no one to ask “what am I missing?”: set your manager’s level to +1 in the side panel.',
      action: stepTowards(ctx, 'levels'),
    };
  }
  const slugs = new Set(askable.map((person) => person.slug));
  const from = snap.asOf - FEEDBACK_LOOKBACK_DAYS * DAY_MS;
  const lastAsked = new Map<string, number>();
  for (const touch of snap.data.touches) {
    if (touch.kind !== 'asked-feedback' || !slugs.has(touch.personSlug)) continue;
    if (!(touch.at > from && touch.at <= snap.asOf)) continue;
    lastAsked.set(
      touch.personSlug,
      Math.max(touch.at, lastAsked.get(touch.personSlug) ?? -Infinity),
    );
  }
  let latest: { slug: string; at: number } | null = null;
  for (const [slug, at] of lastAsked) if (!latest || at > latest.at) latest = { slug, at };
  const daysSince = latest ? daysBetween(latest.at, snap.asOf) : null;
  const due = daysSince === null || daysSince > FEEDBACK_DUE_DAYS;
  const lastName = latest ? displayName(snap.bySlug.get(latest.slug)!) : null;
  const text =
    latest && lastName
      ? `You last asked ${lastName} “what am I missing?” ${daysAgo(latest.at, snap.asOf)}.${due ? ` Ask your manager or a key holder at least once in ${FEEDBACK_DUE_DAYS} days.` : ''}`
      : `You have not asked your manager or a key holder “what am I missing?” in the last ${FEEDBACK_LOOKBACK_DAYS} days.`;
  let action: NextAction | null = null;
  if (due) {
    // The one asked longest ago; among equals someone who backs the user (they will answer
    // frankly), the manager (+1) first, then the heaviest key holder.
    const weight = (person: InsightPerson) =>
      ctx.keyHolders.has(person.slug) ? keyHolderWeight(person) : 1;
    const [whom] = askable.sort(
      (a, b) =>
        (lastAsked.get(a.slug) ?? -Infinity) - (lastAsked.get(b.slug) ?? -Infinity) ||
        Number(backsMe(b)) - Number(backsMe(a)) ||
        Number(b.level === 'plus1') - Number(a.level === 'plus1') ||
        weight(b) - weight(a) ||
        bySeniority(a, b),
    );
    const since = latest
      ? `it has been ${daysSince} days since you last asked your manager or a key holder`
      : `you have not asked your manager or a key holder in ${FEEDBACK_LOOKBACK_DAYS} days`;
    action = personAction(
      ctx,
      'feedback',
      whom!,
      'asked-feedback',
      `Ask ${nameWithLevel(whom!)} for negative feedback, “what am I missing?”`,
      `${since}, and the people who decide see what you do not`,
      URGENCY.feedback,
    );
  }
  return {
    askable: askable.length,
    lastAskedAt: latest?.at ?? null,
    lastAskedName: lastName,
    daysSince,
    due,
    text,
    action,
  };
}

/** Local midnight of the day holding `at`. */
function startOfDay(at: number): number {
  const day = new Date(at);
  return new Date(day.getFullYear(), day.getMonth(), day.getDate()).getTime();
}

/**
 * The first 90 days of a new role (the settings' start date): the peers and the people one and
 * two levels up not touched since the start, each with a step, and the allies found so far.
 */
export function newRoleFocus(ctx: ActionContext): NewRoleFocus | null {
  const { snap } = ctx;
  const started = snap.data.settings.roleStartedAt;
  if (started === null || started === undefined || !Number.isFinite(started)) return null;
  const startedAt = startOfDay(started);
  const day = daysBetween(startedAt, snap.asOf) + 1;
  if (snap.asOf < startedAt || day > NEW_ROLE_DAYS) return null;
  const metSince = (person: InsightPerson) => (lastTouch(ctx, person) ?? -Infinity) >= startedAt;
  const circle = everyone(ctx).filter(
    (person) =>
      (person.level === 'peer' || person.level === 'plus1' || person.level === 'plus2') &&
      notSkeptic(person),
  );
  const toMeet: PersonToMeet[] = circle
    .filter((person) => !metSince(person))
    .sort(bySeniority)
    .map((person) => ({
      slug: person.slug,
      name: displayName(person),
      level: person.level,
      action:
        person.level === 'peer'
          ? personAction(
              ctx,
              'new-role',
              person,
              'offered-help',
              `Offer help to ${displayName(person)}, a peer`,
              `in your first ${NEW_ROLE_DAYS} days, help offered early turns peers into your first allies`,
              URGENCY.newRole,
            )
          : personAction(
              ctx,
              'new-role',
              person,
              'offered-help',
              `Meet ${nameWithLevel(person)} and offer help with what matters to them`,
              `in your first ${NEW_ROLE_DAYS} days, the people one and two levels up form their view of your work`,
              URGENCY.newRole,
            ),
    }));
  const met = circle.length - toMeet.length;
  const allies = everyone(ctx).filter(
    (person) => person.roles.includes('ally') && metSince(person),
  ).length;
  const daysLeft = NEW_ROLE_DAYS - day;
  const found =
    allies === 0 ? 'found no allies yet' : `been in touch with ${plural(allies, 'ally', 'allies')}`;
  const progress = circle.length
    ? `since you started you have met ${met} of the ${plural(circle.length, 'person', 'people')} at peer, +1 or +2 level in your record and ${found}`
    : 'no one at peer, +1 or +2 level is in your record yet';
  return {
    startedAt,
    day,
    daysLeft,
    toMeetTotal: circle.length,
    met,
    allies,
    text: `Day ${day} of your first ${NEW_ROLE_DAYS} days in your new role, the best time to build alliances: ${progress}. Meet your peers and the people one and two levels up, offer help and find your first allies.`,
    toMeet,
    action: circle.length ? null : firstStep('newRole'),
  };
}

/** Mentoring others: noticed when the user has mentees, and how to start when they have none. */
export function payItForward(ctx: ActionContext): PayItForward {
  const mentees = everyone(ctx)
    .filter((person) => person.roles.includes('mentee'))
    .sort((a, b) => displayName(a).localeCompare(displayName(b)));
  if (mentees.length) {
    return {
      mentees: mentees.map((person) => ({ slug: person.slug, name: displayName(person) })),
      text: `You mentor ${plural(mentees.length, 'person', 'people')}: ${nameList(mentees.map(displayName))}. Mentoring pays forward what your own mentors gave you.`,
      action: null,
    };
  }
  const [report] = everyone(ctx)
    .filter((person) => person.level === 'report' && notSkeptic(person))
    .sort(byRecentTouch(ctx));
  return {
    mentees: [],
    text: 'You mentor nobody yet. Mentors often pay forward what they were given: offer help to someone earlier in their career, and tag them as your mentee.',
    action: report
      ? personAction(
          ctx,
          'mentee',
          report,
          'offered-help',
          `Offer help to ${displayName(report)}, who reports to you`,
          'mentoring pays forward what your mentors gave you, so tag them as your mentee once you do',
          URGENCY.mentee,
        )
      : stepTowards(ctx, 'mentee'),
  };
}
