/**
 * The report's words that more than one finding or view needs: a person named with what makes
 * them matter, the user's own text quoted as a note, and what each section says when it has
 * nothing to list. Every such sentence says what is there (with its count) or what is missing
 * and how to start: never a claim about an empty set ("every key holder knows your work" with
 * no key holders). The words come from the translator the engine is given (docs/translating.md).
 */
import { labelKey, type Translator } from '@/utils/i18n';
import { english } from '@/utils/i18n/english';
import { DAY_MS, isAboveMe } from '@/utils/model';
import { displayName } from './alliance';
import type { InsightPerson, ReportCounts } from './types';

/** Longer notes are cut when quoted in a sentence. */
const QUOTE_MAX = 80;

/** The user's own text as a quotation on one line: “Named me in the all-hands”. */
export function quoted(text: string, t: Translator = english): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const cut = line.length > QUOTE_MAX ? `${line.slice(0, QUOTE_MAX - 1).trimEnd()}…` : line;
  return t.t('insight_quote', { text: cut });
}

/** "Hugo (+2)" for someone above the user, the plain name otherwise. */
export function nameWithLevel(person: InsightPerson, t: Translator): string {
  return isAboveMe(person.level)
    ? t.t('insight_nameWithLevel', {
        name: displayName(person),
        level: t.t(labelKey('level', person.level)),
      })
    : displayName(person);
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
export function emptyListText(
  counts: ReportCounts,
  t: Translator = english,
): Record<ListedSection, string> {
  const { keyHolders, tagged, openFollowUps, inTouch90, receivedFrom90, backers, roles } = counts;
  const inHand = [
    keyHolders && t.n('empty_actionsKeyHolders', keyHolders),
    tagged && t.n('empty_actionsTagged', tagged),
    openFollowUps && t.n('empty_actionsFollowUps', openFollowUps),
  ].filter((part): part is string => Boolean(part));
  return {
    actions: t.t('empty_actions', { facts: t.list(inHand) }),
    unaware: keyHolders ? t.n('empty_unaware', keyHolders) : t.t('empty_unawareNone'),
    cold: tagged ? t.n('empty_cold', tagged) : t.t('empty_coldNone'),
    followUps: openFollowUps ? t.n('empty_followUps', openFollowUps) : t.t('empty_followUpsNone'),
    takers: inTouch90
      ? receivedFrom90
        ? t.n('empty_takers', receivedFrom90)
        : t.n('empty_takersNoneReceived', inTouch90)
      : t.t('empty_takersNone'),
    gaps: t.t('empty_gaps', {
      sponsors: t.n('count_sponsors', counts.seniorSponsors),
      mentors: t.n('count_mentors', roles.mentor),
      allies: t.n('count_allies', roles.ally),
      advisors: t.n('count_advisors', roles.advisor),
    }),
    basis: backers ? t.n('empty_basis', backers) : t.t('empty_basisNone'),
    touches: t.t('empty_touches'),
  };
}
