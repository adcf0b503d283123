/**
 * Next actions: every finding of the report comes with one concrete step (a person, a habit and
 * the reason, as a sentence a person would write), and the report ranks them all by what they
 * are worth to the user's next promotion: the person's stake × the finding's urgency
 * (docs/insights.md). When there is no one to name yet, the step is a first step and says where
 * in the extension to take it.
 */
import type { MessageKey, Translator } from '@/utils/i18n';
import { DAY_MS, mainRole, type Role, type TouchKind } from '@/utils/model';
import { backsMe, displayName, keyHolderWeight } from './alliance';
import { neighbours, type Snapshot } from './context';
import type {
  ActionPlace,
  ColdRelationship,
  InsightPerson,
  KeyHolder,
  NextAction,
  OverdueFollowUp,
  ReportCounts,
  Taker,
} from './types';
import { nameWithLevel, quoted } from './wording';

/** The report never lists more next actions than this. */
export const MAX_NEXT_ACTIONS = 5;
/** Help received this recently and not yet thanked asks for appreciation. */
export const APPRECIATION_WINDOW_DAYS = 14;

/**
 * How pressing each kind of finding is, per unit of the person's stake. Key-holder risks use
 * their own risk (weight × what they do not know × the risk factors) instead.
 */
export const URGENCY = {
  newRole: 2,
  followUp: 1,
  gapSponsor: 1,
  gapSeniorSponsor: 0.8,
  feedback: 0.8,
  thankPromotion: 0.8,
  basisUnmet: 0.7,
  thankHelp: 0.6,
  gapMentor: 0.6,
  gapAllies: 0.6,
  taker: 0.5,
  basisUnknown: 0.45,
  gapBoard: 0.4,
  cold: 0.4,
  mentee: 0.2,
} as const;

/** What a person can do for the user's next promotion (docs/insights.md, "Actions and their ranking"). */
export const STAKE = { sponsor: 3, closeBacker: 2, backer: 1.5, other: 1 } as const;

/**
 * The first steps, for when the record has no one to name: each says what to do and where. They
 * unlock everything else the report can say, so the basic ones (import, tag, levels, touch)
 * outrank any other action.
 */
export const FIRST_STEPS = {
  // With nobody in the record yet (the report reads the people the user keeps anything about),
  // the start is the first-run path: bring people in, then tag them.
  import: { place: 'import', worth: 20, step: 'first_importStep', why: 'first_importWhy' },
  tag: { place: 'side-panel', worth: 19, step: 'first_tagStep', why: 'first_tagWhy' },
  levels: { place: 'side-panel', worth: 18, step: 'first_levelsStep', why: 'first_levelsWhy' },
  touch: { place: 'side-panel', worth: 17, step: 'first_touchStep', why: 'first_touchWhy' },
  newRole: { place: 'side-panel', worth: 16, step: 'first_newRoleStep', why: 'first_newRoleWhy' },
  mentor: {
    place: 'side-panel',
    worth: URGENCY.gapMentor,
    step: 'first_mentorStep',
    why: 'first_mentorWhy',
  },
  allies: {
    place: 'side-panel',
    worth: URGENCY.gapAllies,
    step: 'first_alliesStep',
    why: 'first_alliesWhy',
  },
  advisors: {
    place: 'side-panel',
    worth: URGENCY.gapBoard,
    step: 'first_advisorsStep',
    why: 'first_advisorsWhy',
  },
  mentee: {
    place: 'side-panel',
    worth: URGENCY.mentee,
    step: 'first_menteeStep',
    why: 'first_menteeWhy',
  },
} as const satisfies Record<
  string,
  { place: ActionPlace; worth: number; step: MessageKey; why: MessageKey }
>;

export type FirstStep = keyof typeof FIRST_STEPS;

/** "Do this: because of that." as one sentence. */
function sentence(t: Translator, step: string, why: string): string {
  return t.t('insight_sentence', { step, why });
}

/** A first step, with no one named. */
export function firstStep(t: Translator, id: FirstStep): NextAction {
  const { place, worth } = FIRST_STEPS[id];
  const step = t.t(FIRST_STEPS[id].step);
  return {
    id: `start:${id}`,
    personSlug: null,
    personName: null,
    habit: null,
    text: sentence(t, step, t.t(FIRST_STEPS[id].why)),
    step,
    worth,
    place,
  };
}

/** What the actions need to know of the record beyond each finding. */
export interface ActionContext {
  snap: Snapshot;
  keyHolders: ReadonlySet<string>;
  /** People tagged with a role. */
  tagged: number;
  /**
   * Nothing in the record to advise on yet: nobody tagged, no key holder, no touch in 90 days.
   * (Not "no people": a reader may leave out people the user keeps nothing about, such as
   * imported connections never marked, and the advice must not change with them.)
   */
  blank: boolean;
}

export function actionContext(snap: Snapshot, counts: ReportCounts): ActionContext {
  return {
    snap,
    keyHolders: new Set(snap.keyHolders.map((person) => person.slug)),
    tagged: counts.tagged,
    blank: isBlank(counts),
  };
}

/** Nobody tagged, no key holder and no touch in 90 days: the first-run path is the start. */
export function isBlank(counts: ReportCounts): boolean {
  return counts.tagged === 0 && counts.keyHolders === 0 && counts.inTouch90 === 0;
}

/**
 * The first step that puts someone in reach of `fallback`'s advice: the first-run path (import,
 * then tag) in a blank record, tag some people when nobody is tagged, else `fallback` itself.
 */
export function stepTowards(ctx: ActionContext, fallback: FirstStep): NextAction {
  const { t } = ctx.snap;
  if (ctx.blank) return firstStep(t, 'import');
  // Setting levels needs people, not tags.
  if (ctx.tagged === 0 && fallback !== 'levels' && fallback !== 'newRole')
    return firstStep(t, 'tag');
  return firstStep(t, fallback);
}

/**
 * What a person can do for the user's next promotion: a key holder their weight; a sponsor 3; a
 * champion, mentor, advisor or a backer tied to a key holder 2; any other backer 1.5; anyone
 * else 1. The largest that applies.
 */
export function stakeOf(ctx: ActionContext, person: InsightPerson): number {
  let stake: number = STAKE.other;
  if (ctx.keyHolders.has(person.slug)) stake = Math.max(stake, keyHolderWeight(person));
  if (!backsMe(person)) return stake;
  if (person.roles.includes('sponsor')) return Math.max(stake, STAKE.sponsor);
  const close =
    person.stance === 'champion' ||
    person.roles.includes('mentor') ||
    person.roles.includes('advisor') ||
    neighbours(ctx.snap, person.slug).some((other) => ctx.keyHolders.has(other.slug));
  return Math.max(stake, close ? STAKE.closeBacker : STAKE.backer);
}

/** An action with a person, what to do and why: its worth is their stake × `urgency`. */
export function personAction(
  ctx: ActionContext,
  finding: string,
  person: InsightPerson,
  habit: TouchKind,
  step: string,
  why: string,
  urgency: number,
): NextAction {
  return {
    id: `${finding}:${person.slug}`,
    personSlug: person.slug,
    personName: displayName(person),
    habit,
    text: sentence(ctx.snap.t, step, why),
    step,
    worth: stakeOf(ctx, person) * urgency,
    place: null,
  };
}

/** Someone the report found: key holders, takers, the cold and those owed a follow-up are all in the record. */
function personOf(ctx: ActionContext, slug: string): InsightPerson {
  return ctx.snap.bySlug.get(slug)!;
}

/** Share a win with a key holder who does not know the user's work; worth their risk. */
export function riskAction(ctx: ActionContext, holder: KeyHolder): NextAction {
  const { t } = ctx.snap;
  const person = personOf(ctx, holder.slug);
  const days = ctx.snap.data.settings.visibilityWindowDays;
  const skeptic = (why: string) =>
    holder.stance === 'skeptic' ? t.t('why_skeptic', { why }) : why;
  if (holder.awareness === 'partial' && holder.heardThrough) {
    const through = displayName(personOf(ctx, holder.heardThrough));
    const why = skeptic(t.t('why_onlyThrough', { name: through }));
    const step = t.t('step_shareWinDirectly', { name: holder.name });
    return {
      ...personAction(ctx, 'risk', person, 'shared-work', step, why, 1),
      worth: holder.risk,
    };
  }
  const last = ctx.snap.status.get(holder.slug)?.lastTouchAt ?? null;
  const contacted = last !== null && last > ctx.snap.asOf - days * DAY_MS;
  const gap = t.n(contacted ? 'why_heardNothing' : 'why_noContact', days);
  const alone = holder.reachable ? gap : t.t('why_alone', { why: gap });
  const connected = holder.connector
    ? t.t('why_connector', {
        why: skeptic(alone),
        name: displayName(personOf(ctx, holder.connector)),
      })
    : skeptic(alone);
  const step = t.t('step_shareWin', { name: nameWithLevel(person, t) });
  return {
    ...personAction(ctx, 'risk', person, 'shared-work', step, connected, 1),
    worth: holder.risk,
  };
}

/** Keep an overdue promise, quoting it. */
export function followUpAction(
  ctx: ActionContext,
  item: Omit<OverdueFollowUp, 'action'>,
): NextAction {
  const { t } = ctx.snap;
  const person = personOf(ctx, item.personSlug);
  const when = t.ago(item.due, ctx.snap.asOf);
  const promise = item.text.trim();
  const name = item.personName;
  const [step, why] = promise
    ? [
        t.t('step_keepPromise', { name }),
        t.t('why_promiseDue', { promise: quoted(promise, t), when }),
      ]
    : [t.t('step_followUp', { name }), t.t('why_due', { when })];
  return {
    ...personAction(ctx, 'follow-up', person, 'followed-up', step, why, URGENCY.followUp),
    id: `follow-up:${item.id}`,
  };
}

/** People who helped or promoted the user recently and have not been thanked since. */
export function appreciationActions(ctx: ActionContext): NextAction[] {
  const { snap } = ctx;
  const from = snap.asOf - APPRECIATION_WINDOW_DAYS * DAY_MS;
  const lastHelp = new Map<string, { at: number; note: string; kind: TouchKind }>();
  const lastThanks = new Map<string, number>();
  for (const touch of snap.data.touches) {
    if (!(touch.at <= snap.asOf)) continue;
    if (touch.kind === 'showed-appreciation') {
      lastThanks.set(
        touch.personSlug,
        Math.max(touch.at, lastThanks.get(touch.personSlug) ?? -Infinity),
      );
    } else if (
      (touch.kind === 'received-help' || touch.kind === 'they-promoted-me') &&
      touch.at > from
    ) {
      const seen = lastHelp.get(touch.personSlug);
      if (!seen || touch.at > seen.at)
        lastHelp.set(touch.personSlug, { at: touch.at, note: touch.note, kind: touch.kind });
    }
  }
  const owed: NextAction[] = [];
  for (const [slug, help] of lastHelp) {
    const person = snap.bySlug.get(slug);
    if (!person || (lastThanks.get(slug) ?? -Infinity) >= help.at) continue;
    const { t } = snap;
    const promoted = help.kind === 'they-promoted-me';
    const when = t.ago(help.at, snap.asOf);
    const what = help.note.trim()
      ? t.t('why_youNoted', { note: quoted(help.note, t), when })
      : t.t(promoted ? 'why_theyPromoted' : 'why_theyHelped', { when });
    owed.push(
      personAction(
        ctx,
        'thanks',
        person,
        'showed-appreciation',
        t.t(promoted ? 'step_thankPromotion' : 'step_thankHelp', { name: displayName(person) }),
        t.t('why_notThanked', { why: what }),
        promoted ? URGENCY.thankPromotion : URGENCY.thankHelp,
      ),
    );
  }
  return owed;
}

/** Give back to someone the user only takes from. */
export function takerAction(ctx: ActionContext, taker: Omit<Taker, 'action'>): NextAction {
  return personAction(
    ctx,
    'taker',
    personOf(ctx, taker.slug),
    'offered-help',
    ctx.snap.t.t('step_offerHelp', { name: taker.name }),
    ctx.snap.t.t('why_onlyTook', { times: ctx.snap.t.n('insight_times', taker.received90) }),
    URGENCY.taker,
  );
}

/** The habit that suits each kind of relationship when it goes cold. */
const COLD_STEP: Record<Role, { habit: TouchKind; step: MessageKey }> = {
  sponsor: { habit: 'shared-work', step: 'step_coldSponsor' },
  mentor: { habit: 'asked-feedback', step: 'step_coldMentor' },
  advisor: { habit: 'asked-feedback', step: 'step_coldAdvisor' },
  ally: { habit: 'spent-time', step: 'step_coldAlly' },
  mentee: { habit: 'offered-help', step: 'step_coldMentee' },
};

/** Revive a relationship past its cadence with the habit that suits the role. */
export function coldAction(ctx: ActionContext, item: Omit<ColdRelationship, 'action'>): NextAction {
  const { t } = ctx.snap;
  const cold = COLD_STEP[mainRole(item.roles) ?? 'ally'];
  const why =
    item.lastTouchAt === null
      ? t.t('why_neverInTouch')
      : t.n('why_pastCadence', Math.round((item.dueAt - item.lastTouchAt) / DAY_MS), {
          when: t.ago(item.lastTouchAt, ctx.snap.asOf),
        });
  return personAction(
    ctx,
    'cold',
    personOf(ctx, item.slug),
    cold.habit,
    t.t(cold.step, { name: item.name }),
    why,
    URGENCY.cold,
  );
}

/**
 * Up to five actions, most worth first, one per person (their most valuable) and one per first
 * step. Ties keep the order of `candidates`.
 */
export function rankActions(candidates: readonly NextAction[]): NextAction[] {
  const best = new Map<string, NextAction>();
  for (const candidate of candidates) {
    const key = candidate.personSlug ?? candidate.id;
    const seen = best.get(key);
    if (!seen || candidate.worth > seen.worth) best.set(key, candidate);
  }
  return [...best.values()]
    .map((action, order) => ({ action, order }))
    .sort((a, b) => b.action.worth - a.action.worth || a.order - b.order)
    .slice(0, MAX_NEXT_ACTIONS)
    .map(({ action }) => action);
}
