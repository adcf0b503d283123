/**
 * The essays' advice beyond the two scores, each as a finding with its action: the gaps in the
 * alliance, the basis of each alliance, negative feedback from the people who decide, the first
 * 90 days of a new role, and paying it forward. Pure, as of the snapshot's date.
 */
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
import { daysBetween, nameWithLevel } from './wording';

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
  const { t } = ctx.snap;
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
        t.t('step_askAdviceNextStep', { name: nameWithLevel(senior, t) }),
        t.t('why_knowsWorkSponsor'),
        URGENCY.gapSponsor,
      )
    : personAction(
        ctx,
        'gap-sponsor',
        senior,
        'shared-work',
        t.t('step_shareWin', { name: nameWithLevel(senior, t) }),
        t.t('why_seniorSponsor'),
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
  const { t } = ctx.snap;
  const [target] = candidates;
  if (!target) return firstStep(t, 'levels');
  const sponsor = tiedToSponsor(target);
  return personAction(
    ctx,
    'gap-senior-sponsor',
    target,
    'shared-work',
    t.t('step_shareWin', { name: nameWithLevel(target, t) }),
    sponsor ? t.t('why_twoUpVia', { name: displayName(sponsor) }) : t.t('why_twoUp'),
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
  const { t } = ctx.snap;
  const name = nameWithLevel(mentor, t);
  const [step, why] = sharesPurpose(mentor)
    ? [t.t('step_askAdviceShared', { name }), t.t('why_sharePurpose')]
    : [t.t('step_findPurpose', { name }), t.t('why_mentorGrows')];
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
  const { t } = ctx.snap;
  return personAction(
    ctx,
    'gap-board',
    advisor,
    'meeting',
    t.t('step_addAdvisor', { name: nameWithLevel(advisor, t) }),
    t.t('why_severalAdvisors'),
    URGENCY.gapBoard,
  );
}

function boardTooLargeAction(ctx: ActionContext, advisors: InsightPerson[]): NextAction {
  const [stalest] = advisors.slice().sort(byRecentTouch(ctx)).reverse();
  const { t } = ctx.snap;
  const last = lastTouch(ctx, stalest!);
  const when =
    last === null
      ? t.t('why_noTouchYet')
      : t.t('why_lastTouchWas', { when: t.ago(last, ctx.snap.asOf) });
  return personAction(
    ctx,
    'gap-board',
    stalest!,
    'meeting',
    t.t('step_boardDecide', { name: displayName(stalest!) }),
    t.t('why_boardTooLarge', { count: advisors.length, max: BOARD_MAX, when }),
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
  const { t } = ctx.snap;
  return personAction(
    ctx,
    'gap-allies',
    ally,
    'offered-help',
    ally.level === 'peer'
      ? t.t('step_offerHelpPeer', { name: displayName(ally) })
      : t.t('step_offerHelp', { name: nameWithLevel(ally, t) }),
    t.t('why_alliesStart'),
    URGENCY.gapAllies,
  );
}

/** What the alliance lacks, in the essays' terms, each with the step that starts to fill it. */
export function allianceGaps(ctx: ActionContext): Gap[] {
  const people = everyone(ctx);
  const sponsors = people.filter((person) => person.roles.includes('sponsor'));
  const seniorSponsors = sponsors.filter((person) => SENIORITY[person.level] >= SENIORITY.plus2);
  const advisors = people.filter((person) => person.roles.includes('advisor'));
  const { t } = ctx.snap;
  const gaps: Gap[] = [];
  if (sponsors.length === 0)
    gaps.push({
      id: 'no-sponsor',
      text: t.t('gap_noSponsor'),
      action: noSponsorAction(ctx),
    });
  else if (seniorSponsors.length === 0)
    gaps.push({
      id: 'sponsor-below-plus2',
      text: t.t('gap_sponsorBelow'),
      action: seniorSponsorAction(ctx, sponsors),
    });
  if (!people.some((person) => person.roles.includes('mentor')))
    gaps.push({
      id: 'no-mentor',
      text: t.t('gap_noMentor'),
      action: noMentorAction(ctx),
    });
  if (advisors.length < BOARD_MIN)
    gaps.push({
      id: 'board-too-small',
      text: t.t('gap_boardSmall', { count: advisors.length, min: BOARD_MIN, max: BOARD_MAX }),
      action: boardTooSmallAction(ctx),
    });
  if (advisors.length > BOARD_MAX)
    gaps.push({
      id: 'board-too-large',
      text: t.t('gap_boardLarge', { count: advisors.length, max: BOARD_MAX }),
      action: boardTooLargeAction(ctx, advisors),
    });
  if (!people.some((person) => person.roles.includes('ally')))
    gaps.push({
      id: 'no-allies',
      text: t.t('gap_noAllies'),
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
  const { t } = ctx.snap;
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
        text: t.t('risk_unmet', { name }),
        action: personAction(
          ctx,
          'basis',
          person,
          'offered-help',
          t.t('step_offerHelp', { name }),
          t.t('why_basisUnmet'),
          URGENCY.basisUnmet,
        ),
      });
    } else if (person.basis === 'unknown' && (help > 0 || person.roles.includes('sponsor'))) {
      const relied =
        help > 0
          ? t.t('risk_theyHelped', { times: t.n('insight_times', help) })
          : t.t('risk_theySponsor');
      risks.push({
        slug: person.slug,
        name,
        kind: 'unknown-relied-on',
        text: t.t('risk_unknown', { name, relied }),
        action: personAction(
          ctx,
          'basis',
          person,
          'spent-time',
          t.t('step_findBasis', { name }),
          t.t('why_basisUnknown'),
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
  const { t } = snap;
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
      text: t.t('feedback_nobody'),
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
  const asked =
    latest && lastName
      ? t.t('feedback_lastAsked', { name: lastName, when: t.ago(latest.at, snap.asOf) })
      : null;
  const text = asked
    ? due
      ? t.t('feedback_lastAskedDue', { asked, days: FEEDBACK_DUE_DAYS })
      : asked
    : t.t('feedback_notAsked', { days: FEEDBACK_LOOKBACK_DAYS });
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
      ? t.n('why_sinceAsked', daysSince ?? 0)
      : t.t('why_neverAsked', { days: FEEDBACK_LOOKBACK_DAYS });
    action = personAction(
      ctx,
      'feedback',
      whom!,
      'asked-feedback',
      t.t('step_askFeedback', { name: nameWithLevel(whom!, t) }),
      t.t('why_feedback', { since }),
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
  const { t } = snap;
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
              t.t('step_offerHelpPeer', { name: displayName(person) }),
              t.t('why_newRolePeer', { days: NEW_ROLE_DAYS }),
              URGENCY.newRole,
            )
          : personAction(
              ctx,
              'new-role',
              person,
              'offered-help',
              t.t('step_meet', { name: nameWithLevel(person, t) }),
              t.t('why_newRoleAbove', { days: NEW_ROLE_DAYS }),
              URGENCY.newRole,
            ),
    }));
  const met = circle.length - toMeet.length;
  const allies = everyone(ctx).filter(
    (person) => person.roles.includes('ally') && metSince(person),
  ).length;
  const daysLeft = NEW_ROLE_DAYS - day;
  const found = allies === 0 ? t.t('newRole_noAllies') : t.n('newRole_allies', allies);
  const progress = circle.length
    ? t.n('newRole_progress', circle.length, { met, found })
    : t.t('newRole_nobody');
  return {
    startedAt,
    day,
    daysLeft,
    toMeetTotal: circle.length,
    met,
    allies,
    text: t.t('newRole_text', { day, days: NEW_ROLE_DAYS, progress }),
    toMeet,
    action: circle.length ? null : firstStep(t, 'newRole'),
  };
}

/** Mentoring others: noticed when the user has mentees, and how to start when they have none. */
export function payItForward(ctx: ActionContext): PayItForward {
  const { t } = ctx.snap;
  const mentees = everyone(ctx)
    .filter((person) => person.roles.includes('mentee'))
    .sort((a, b) => displayName(a).localeCompare(displayName(b)));
  if (mentees.length) {
    return {
      mentees: mentees.map((person) => ({ slug: person.slug, name: displayName(person) })),
      text: t.n('forward_mentor', mentees.length, {
        names: nameList(t, mentees.map(displayName)),
      }),
      action: null,
    };
  }
  const [report] = everyone(ctx)
    .filter((person) => person.level === 'report' && notSkeptic(person))
    .sort(byRecentTouch(ctx));
  return {
    mentees: [],
    text: t.t('forward_nobody'),
    action: report
      ? personAction(
          ctx,
          'mentee',
          report,
          'offered-help',
          t.t('step_offerHelpReport', { name: displayName(report) }),
          t.t('why_payForward'),
          URGENCY.mentee,
        )
      : stepTowards(ctx, 'mentee'),
  };
}
