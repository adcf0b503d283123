/**
 * Next actions: every finding of the report comes with one concrete step (a person, a habit and
 * the reason, as a sentence a person would write), and the report ranks them all by what they
 * are worth to the user's next promotion: the person's stake × the finding's urgency
 * (docs/insights.md). When there is no one to name yet, the step is a first step and says where
 * in the extension to take it.
 */
import { daysAgo } from '@/utils/format';
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
import { nameWithLevel, quoted, times } from './wording';

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
  import: {
    place: 'import',
    worth: 20,
    step: 'Import your LinkedIn connections if you have not yet, then tag the people who support your work',
    why: 'the report can then tell who decides your next step and who backs you',
  },
  tag: {
    place: 'side-panel',
    worth: 19,
    step: 'Tag your manager, a sponsor, a mentor and a few allies, from the badge on their LinkedIn profile or in the side panel',
    why: 'the report can then tell you who backs you and who is going cold',
  },
  levels: {
    place: 'side-panel',
    worth: 18,
    step: 'Set the level (+1, +2 …) and influence of the people above you in the side panel, or mark who decides your next promotion',
    why: 'the report then knows your key holders, the people whose support you need',
  },
  touch: {
    place: 'side-panel',
    worth: 17,
    step: 'Log a touch each time you share your work, help someone or ask for feedback, from the popup or the side panel',
    why: 'the report then knows who has seen your work',
  },
  newRole: {
    place: 'side-panel',
    worth: 16,
    step: 'Add your new manager, their manager and your peers from their LinkedIn profiles, and set their level (+1, +2, peer)',
    why: 'your first 90 days are the best time to meet them',
  },
  mentor: {
    place: 'side-panel',
    worth: URGENCY.gapMentor,
    step: 'Note the level of the more experienced people you work with and the purpose you share with them (the basis of the alliance)',
    why: 'a mentor grows from a shared purpose, not from asking someone to be your mentor',
  },
  allies: {
    place: 'side-panel',
    worth: URGENCY.gapAllies,
    step: 'Tag the peers and colleagues who support your efforts as allies',
    why: 'allies are anyone who supports your work, and you have none tagged yet',
  },
  advisors: {
    place: 'side-panel',
    worth: URGENCY.gapBoard,
    step: 'Tag the people whose advice you seek as advisors',
    why: 'a board of 5 to 8 serves you better than one role model',
  },
  mentee: {
    place: 'side-panel',
    worth: URGENCY.mentee,
    step: 'Offer help to someone earlier in their career and tag them as your mentee',
    why: 'mentors often pay forward what they were given',
  },
} as const satisfies Record<
  string,
  { place: ActionPlace; worth: number; step: string; why: string }
>;

export type FirstStep = keyof typeof FIRST_STEPS;

/** "Do this: because of that." as one sentence. */
function sentence(step: string, why: string): string {
  return `${step}: ${why}.`;
}

/** A first step, with no one named. */
export function firstStep(id: FirstStep): NextAction {
  const { place, worth, step, why } = FIRST_STEPS[id];
  return {
    id: `start:${id}`,
    personSlug: null,
    personName: null,
    habit: null,
    text: sentence(step, why),
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
  if (ctx.blank) return firstStep('import');
  // Setting levels needs people, not tags.
  if (ctx.tagged === 0 && fallback !== 'levels' && fallback !== 'newRole') return firstStep('tag');
  return firstStep(fallback);
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
    text: sentence(step, why),
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
  const person = personOf(ctx, holder.slug);
  const days = ctx.snap.data.settings.visibilityWindowDays;
  const skeptic =
    holder.stance === 'skeptic' ? ', and as a skeptic they could block your promotion' : '';
  if (holder.awareness === 'partial' && holder.heardThrough) {
    const through = displayName(personOf(ctx, holder.heardThrough));
    const why = `they know your work only through ${through}${skeptic}`;
    const step = `Share a recent win with ${holder.name} directly`;
    return {
      ...personAction(ctx, 'risk', person, 'shared-work', step, why, 1),
      worth: holder.risk,
    };
  }
  const last = ctx.snap.status.get(holder.slug)?.lastTouchAt ?? null;
  const contacted = last !== null && last > ctx.snap.asOf - days * DAY_MS;
  const gap = contacted
    ? `they have heard nothing of your work in ${days} days`
    : `you have had no contact with them in ${days} days`;
  const connector = holder.connector
    ? `; ${displayName(personOf(ctx, holder.connector))} is tied to them and could put your name forward`
    : '';
  const alone = holder.reachable ? '' : ', and nobody in your alliance is tied to them';
  const step = `Share a recent win with ${nameWithLevel(person)}`;
  const why = `${gap}${alone}${skeptic}${connector}`;
  return { ...personAction(ctx, 'risk', person, 'shared-work', step, why, 1), worth: holder.risk };
}

/** Keep an overdue promise, quoting it. */
export function followUpAction(
  ctx: ActionContext,
  item: Omit<OverdueFollowUp, 'action'>,
): NextAction {
  const person = personOf(ctx, item.personSlug);
  const when = daysAgo(item.due, ctx.snap.asOf);
  const promise = item.text.trim();
  const [step, why] = promise
    ? [`Keep your promise to ${item.personName}`, `${quoted(promise)} was due ${when}`]
    : [`Follow up with ${item.personName} on what you promised`, `it was due ${when}`];
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
    const promoted = help.kind === 'they-promoted-me';
    const when = daysAgo(help.at, snap.asOf);
    const what = help.note.trim()
      ? `you noted ${quoted(help.note)} ${when}`
      : `${promoted ? 'they promoted you' : 'they helped you'} ${when}`;
    owed.push(
      personAction(
        ctx,
        'thanks',
        person,
        'showed-appreciation',
        `Thank ${displayName(person)} for ${promoted ? 'promoting you' : 'their help'}`,
        `${what}, and you have not thanked them since`,
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
    `Offer help to ${taker.name}`,
    `you received from them ${times(taker.received90)} in 90 days and gave nothing back`,
    URGENCY.taker,
  );
}

/** The habit that suits each kind of relationship when it goes cold. */
const COLD_STEP: Record<Role, { habit: TouchKind; step: (name: string) => string }> = {
  sponsor: {
    habit: 'shared-work',
    step: (name) => `Share a recent win with ${name}, your sponsor`,
  },
  mentor: {
    habit: 'asked-feedback',
    step: (name) => `Ask ${name}, your mentor, what you are missing`,
  },
  advisor: {
    habit: 'asked-feedback',
    step: (name) => `Ask ${name}, your advisor, what you are missing`,
  },
  ally: { habit: 'spent-time', step: (name) => `Spend time with ${name}, your ally` },
  mentee: { habit: 'offered-help', step: (name) => `Offer help to ${name}, your mentee` },
};

/** Revive a relationship past its cadence with the habit that suits the role. */
export function coldAction(ctx: ActionContext, item: Omit<ColdRelationship, 'action'>): NextAction {
  const cold = COLD_STEP[mainRole(item.roles) ?? 'ally'];
  const why =
    item.lastTouchAt === null
      ? 'you have not been in touch since you added them'
      : `your last touch was ${daysAgo(item.lastTouchAt, ctx.snap.asOf)}, past your ${Math.round((item.dueAt - item.lastTouchAt) / DAY_MS)}-day cadence`;
  return personAction(
    ctx,
    'cold',
    personOf(ctx, item.slug),
    cold.habit,
    cold.step(item.name),
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
