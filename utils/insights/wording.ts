/**
 * The report's words that more than one finding or view needs: a person named with what makes
 * them matter, the user's own text quoted as a note, and what each section says when it has
 * nothing to list. Every such sentence says what is there (with its count) or what is missing
 * and how to start: never a claim about an empty set ("every key holder knows your work" with
 * no key holders).
 */
import { plural } from '@/utils/format';
import { DAY_MS, isAboveMe, LABELS } from '@/utils/model';
import { displayName } from './alliance';
import type { InsightPerson, ReportCounts } from './types';

/** Longer notes are cut when quoted in a sentence. */
const QUOTE_MAX = 80;

/** The user's own text as a quotation on one line: “Named me in the all-hands”. */
export function quoted(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const cut = line.length > QUOTE_MAX ? `${line.slice(0, QUOTE_MAX - 1).trimEnd()}…` : line;
  return `“${cut}”`;
}

/** "Hugo (+2)" for someone above the user, the plain name otherwise. */
export function nameWithLevel(person: InsightPerson): string {
  return isAboveMe(person.level)
    ? `${displayName(person)} (${LABELS.level[person.level]})`
    : displayName(person);
}

/** "once", "twice", "3 times". */
export function times(count: number): string {
  return count === 1 ? 'once' : count === 2 ? 'twice' : `${count} times`;
}

/** Whole days from `from` to `to`. */
export function daysBetween(from: number, to: number): number {
  return Math.floor((to - from) / DAY_MS);
}

/** The sections of the report that list things, each with what it says when the list is empty. */
export type ListedSection =
  'actions' | 'unaware' | 'cold' | 'followUps' | 'takers' | 'gaps' | 'basis' | 'touches';

/**
 * What each listing section says when it has nothing to list: with nothing to speak of, what is
 * missing and how to start; otherwise how many there are and that they are in hand.
 */
export function emptyListText(counts: ReportCounts): Record<ListedSection, string> {
  const { keyHolders, tagged, openFollowUps, inTouch90, receivedFrom90, backers, roles } = counts;
  return {
    actions: `Nothing pressing this week: ${[
      keyHolders &&
        `${keyHolders === 1 ? 'your 1 key holder knows' : `all ${keyHolders} key holders know`} your work`,
      tagged &&
        `${tagged === 1 ? 'your 1 tagged relationship is' : `all ${tagged} tagged relationships are`} within their cadence`,
      openFollowUps &&
        `${openFollowUps === 1 ? 'your 1 open follow-up is not' : `none of your ${openFollowUps} open follow-ups is`} overdue`,
    ]
      .filter(Boolean)
      .join(', ')}.`,
    unaware: keyHolders
      ? keyHolders === 1
        ? 'Your 1 key holder knows your recent work.'
        : `All ${keyHolders} key holders know your recent work.`
      : 'No key holders yet: set the level (+1, +2 …) and influence of the people above you in the side panel, or mark who decides your next promotion.',
    cold: tagged
      ? tagged === 1
        ? 'Your 1 tagged relationship is within its cadence.'
        : `All ${tagged} tagged relationships are within their cadence.`
      : 'Nobody tagged yet, so there is no relationship to keep warm: tag the people who matter from the badge on their LinkedIn profile or in the side panel.',
    followUps: openFollowUps
      ? openFollowUps === 1
        ? 'Your 1 open follow-up is not overdue.'
        : `None of your ${openFollowUps} open follow-ups is overdue.`
      : 'No open follow-ups: when you promise someone something, add a follow-up in the side panel and the report will remind you.',
    takers: inTouch90
      ? receivedFrom90
        ? receivedFrom90 === 1
          ? 'You gave back to the 1 person you received from in the last 90 days.'
          : `You gave back to all ${receivedFrom90} people you received from in the last 90 days.`
        : `In the last 90 days you were in touch with ${plural(inTouch90, 'person', 'people')} and received nothing from them, so you owe nothing back.`
      : 'No touches in the last 90 days, so there is no give and take to weigh yet: log a touch each time you help someone or they help you.',
    gaps: `No gaps: ${plural(counts.seniorSponsors, 'sponsor')} at +2 or above, ${plural(roles.mentor, 'mentor')}, ${plural(roles.ally, 'ally', 'allies')} and a board of ${plural(roles.advisor, 'advisor')}.`,
    basis: backers
      ? backers === 1
        ? 'Your 1 backer is not at risk of a misread basis of alliance.'
        : `None of your ${backers} backers is at risk of a misread basis of alliance.`
      : 'Nobody backs you yet, so there is no basis of alliance to check: tag your allies, mentors and sponsors, and set the basis of each alliance in the side panel.',
    touches:
      'No touches in these 12 weeks: log one from the badge on a LinkedIn profile, the popup or the side panel.',
  };
}
