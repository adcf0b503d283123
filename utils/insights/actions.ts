/**
 * At most five concrete next steps for the week, each naming one person and one habit from
 * the essays ("Show appreciation to Sam for the design review"). Candidates come from the
 * report's findings in a fixed order of importance, at most two of a kind, one per person.
 */
import { DAY_MS, mainRole, type Role, type TouchKind } from '@/utils/model';
import { displayName } from './alliance';
import type { Snapshot } from './context';
import type {
  ColdRelationship,
  KeyHolder,
  NextAction,
  OverdueFollowUp,
  Taker,
  InsightPerson,
} from './types';

/** The report never lists more next actions than this. */
export const MAX_NEXT_ACTIONS = 5;
/** Help received this recently and not yet thanked asks for appreciation. */
export const APPRECIATION_WINDOW_DAYS = 14;
const PER_KIND = 2;

/** The findings the actions are drawn from. */
export interface ActionInputs {
  topRisks: readonly KeyHolder[];
  overdueFollowUps: readonly OverdueFollowUp[];
  takersOnly: readonly Taker[];
  goingCold: readonly ColdRelationship[];
  feedbackAsked: number;
}

/** The habit that suits each kind of relationship when it goes cold. */
const COLD_STEP: Record<Role, { habit: TouchKind; text: (name: string) => string }> = {
  sponsor: { habit: 'shared-work', text: (name) => `Share a recent win with ${name}` },
  mentor: { habit: 'asked-feedback', text: (name) => `Ask ${name} what you are missing` },
  advisor: { habit: 'asked-feedback', text: (name) => `Ask ${name} what you are missing` },
  ally: { habit: 'spent-time', text: (name) => `Spend time with ${name}` },
  mentee: { habit: 'offered-help', text: (name) => `Offer help to ${name}` },
};

function action(
  person: { slug: string; name: string },
  habit: TouchKind,
  text: string,
): NextAction {
  return { personSlug: person.slug, personName: person.name, habit, text };
}

function riskActions(topRisks: readonly KeyHolder[]): NextAction[] {
  return topRisks.map((holder) =>
    holder.awareness === 'partial'
      ? action(
          holder,
          'shared-work',
          `Share a recent win with ${holder.name} directly, not only through others`,
        )
      : action(holder, 'shared-work', `Share your work or a recent win with ${holder.name}`),
  );
}

function followUpActions(overdue: readonly OverdueFollowUp[]): NextAction[] {
  return overdue.map((item) =>
    action(
      { slug: item.personSlug, name: item.personName },
      'followed-up',
      `Follow up with ${item.personName}: ${item.text.trim() || 'what you promised'}`,
    ),
  );
}

function thanksFor(note: string, kind: TouchKind): string {
  const said = note.trim().replace(/[.!]+$/, '');
  if (said) return said;
  return kind === 'they-promoted-me' ? 'putting your name forward' : 'their help';
}

/** People who helped or promoted the user recently and have not been thanked since. */
function appreciationActions(snap: Snapshot): NextAction[] {
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
  const owed: Array<{ at: number; action: NextAction }> = [];
  for (const [slug, help] of lastHelp) {
    const person = snap.bySlug.get(slug);
    if (!person || (lastThanks.get(slug) ?? -Infinity) >= help.at) continue;
    const name = displayName(person);
    owed.push({
      at: help.at,
      action: action(
        { slug, name },
        'showed-appreciation',
        `Show appreciation to ${name} for ${thanksFor(help.note, help.kind)}`,
      ),
    });
  }
  return owed.sort((a, b) => b.at - a.at).map((item) => item.action);
}

function takerActions(takers: readonly Taker[]): NextAction[] {
  return takers.map((taker) =>
    action(
      taker,
      'offered-help',
      `Offer help to ${taker.name}: you have only received from them in the last 90 days`,
    ),
  );
}

function coldActions(cold: readonly ColdRelationship[]): NextAction[] {
  return cold.map((item) => {
    const step = COLD_STEP[mainRole(item.roles) ?? 'ally'];
    const since =
      item.lastTouchAt === null ? 'no touch yet' : `${item.daysOverdue} days past your cadence`;
    return action(item, step.habit, `${step.text(item.name)} (${since})`);
  });
}

/** Whom to ask for negative feedback when the user asked no one this week. */
function feedbackActions(snap: Snapshot, feedbackAsked: number): NextAction[] {
  if (feedbackAsked > 0) return [];
  const advisers = [...snap.bySlug.values()].filter(
    (person: InsightPerson) =>
      person.roles.includes('mentor') ||
      person.roles.includes('advisor') ||
      person.stance === 'champion',
  );
  const since = (person: InsightPerson) => snap.status.get(person.slug)?.lastTouchAt ?? -Infinity;
  return advisers
    .sort((a, b) => since(a) - since(b) || displayName(a).localeCompare(displayName(b)))
    .map((person) =>
      action(
        { slug: person.slug, name: displayName(person) },
        'asked-feedback',
        `Ask ${displayName(person)} for negative feedback: what am I missing?`,
      ),
    );
}

/** Up to five next actions, one per person, most important first. */
export function nextActions(snap: Snapshot, inputs: ActionInputs): NextAction[] {
  const groups = [
    riskActions(inputs.topRisks),
    followUpActions(inputs.overdueFollowUps),
    appreciationActions(snap),
    takerActions(inputs.takersOnly),
    coldActions(inputs.goingCold),
    feedbackActions(snap, inputs.feedbackAsked),
  ];
  const chosen: NextAction[] = [];
  const people = new Set<string>();
  const take = (candidate: NextAction) => {
    if (chosen.length >= MAX_NEXT_ACTIONS || people.has(candidate.personSlug)) return;
    people.add(candidate.personSlug);
    chosen.push(candidate);
  };
  // First a balanced mix (at most two of a kind), then fill any room left in the same order.
  for (const group of groups) {
    const before = chosen.length;
    for (const candidate of group) {
      if (chosen.length - before >= PER_KIND) break;
      take(candidate);
    }
  }
  for (const group of groups) group.forEach(take);
  return chosen;
}
