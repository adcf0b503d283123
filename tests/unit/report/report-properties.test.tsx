// @vitest-environment jsdom
// Properties of the weekly report over random records, read the way a user reads it: the page's
// text and the Markdown. Whenever the report lists a problem it has an action for it, and no
// sentence claims something of an empty set ("every key holder knows your work" with none).
import fc from 'fast-check';
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ReportView } from '@/components/report/ReportView';
import {
  emptyListText,
  MAX_NEXT_ACTIONS,
  reportToMarkdown,
  weeklyReport,
  type InsightData,
  type WeeklyReport,
} from '@/utils/insights';
import {
  BASES,
  DEFAULT_SETTINGS,
  DIRECTIONS,
  INFLUENCES,
  LEVELS,
  ROLES,
  STANCES,
  TOUCH_KINDS,
} from '@/utils/model';
import { data, daysAgo, followUp, NOW, person, tie, touch } from '../insights/fixtures';

const SLUGS = ['ana', 'ben', 'cyd', 'dana', 'eli', 'fay', 'gus', 'hana'];
const NOTES = ['', '  ', 'Named me in the all-hands', 'Reviewed my deck', 'Lunch: talked about Q3'];

const arbitraryRecord: fc.Arbitrary<InsightData> = fc
  .record({
    count: fc.integer({ min: 0, max: SLUGS.length }),
    people: fc.array(
      fc.record({
        level: fc.constantFrom(...LEVELS),
        influence: fc.constantFrom(...INFLUENCES),
        stance: fc.constantFrom(...STANCES),
        basis: fc.constantFrom(...BASES),
        roles: fc.subarray([...ROLES]),
        decisionMaker: fc.boolean(),
      }),
      { minLength: SLUGS.length, maxLength: SLUGS.length },
    ),
    touches: fc.array(
      fc.record({
        who: fc.nat(),
        kind: fc.constantFrom(...TOUCH_KINDS),
        direction: fc.constantFrom(...DIRECTIONS),
        days: fc.integer({ min: -3, max: 200 }),
        note: fc.constantFrom(...NOTES),
      }),
      { maxLength: 30 },
    ),
    ties: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 8 }),
    followUps: fc.array(
      fc.record({
        who: fc.nat(),
        due: fc.integer({ min: -30, max: 30 }),
        done: fc.boolean(),
        text: fc.constantFrom('Send the deck', '', 'Intro to Sam'),
      }),
      { maxLength: 4 },
    ),
    roleStarted: fc.option(fc.integer({ min: -10, max: 150 }), { nil: null }),
  })
  .map((raw) => {
    const slugs = SLUGS.slice(0, raw.count);
    const at = (n: number) => slugs[n % slugs.length]!;
    return data({
      people: slugs.map((slug, i) => person(slug, raw.people[i])),
      touches: slugs.length
        ? raw.touches.map((t) =>
            touch(at(t.who), t.kind, daysAgo(t.days), { direction: t.direction, note: t.note }),
          )
        : [],
      ties: slugs.length ? raw.ties.map(([x, y]) => tie(at(x), at(y))) : [],
      followUps: slugs.length
        ? raw.followUps.map((f) =>
            followUp(at(f.who), f.text, daysAgo(f.due), {
              status: f.done ? 'done' : 'open',
              doneAt: f.done ? daysAgo(1) : null,
            }),
          )
        : [],
      settings: {
        ...DEFAULT_SETTINGS,
        roleStartedAt: raw.roleStarted === null ? null : daysAgo(raw.roleStarted),
      },
    });
  });

let host: HTMLElement | undefined;
afterEach(() => {
  if (host) render(null, host);
  host?.remove();
  host = undefined;
});

/** The report page's text as a user reads it. */
function pageText(report: WeeklyReport): string {
  host?.remove();
  host = document.createElement('div');
  document.body.append(host);
  render(<ReportView report={report} onOpenSidePanel={() => undefined} />, host);
  return [...host.querySelectorAll('p, li, td, h2, h3')]
    .map((element) => element.textContent ?? '')
    .join('\n');
}

/** How many problems the report lists, of any kind. */
function problemsListed(report: WeeklyReport): number {
  const { counts, newRole } = report;
  return (
    report.unawareKeyHolders.length +
    report.goingCold.length +
    report.overdueFollowUps.length +
    report.takersOnly.length +
    report.gaps.length +
    report.basisRisks.length +
    (report.feedback.due ? 1 : 0) +
    (newRole ? newRole.toMeet.length + (newRole.action ? 1 : 0) : 0) +
    (counts.keyHolders === 0 ? 1 : 0) +
    (counts.tagged === 0 ? 1 : 0) +
    (counts.inTouch90 === 0 ? 1 : 0)
  );
}

/**
 * The claims about an empty set in `text`: a universal statement ("all", "none of your", "your
 * N", "N of M") over a count of zero, or one with no count at all ("every key holder").
 */
function emptySetClaims(text: string): string[] {
  const claims: string[] = [];
  for (const match of text.matchAll(/\b(?:all|none of your|your|of the) (\d+)\b/gi))
    if (Number(match[1]) === 0) claims.push(match[0]);
  for (const match of text.matchAll(/\b\d+ of (?:the )?(\d+)\b/g))
    if (Number(match[1]) === 0) claims.push(match[0]);
  for (const match of text.matchAll(/\b(?:every|everyone|everybody)\b/gi)) claims.push(match[0]);
  return claims;
}

describe('the weekly report, for any record', () => {
  it('has an action whenever it lists any problem, and one for each problem listed', () => {
    fc.assert(
      fc.property(arbitraryRecord, (record) => {
        const report = weeklyReport(record, NOW, { now: NOW });
        if (problemsListed(report) > 0) expect(report.nextActions.length).toBeGreaterThan(0);
        expect(report.nextActions.length).toBeLessThanOrEqual(MAX_NEXT_ACTIONS);

        // Each listed problem carries its own action, about its own person.
        const own = [
          ...report.unawareKeyHolders.map((item) => [item.slug, item.action] as const),
          ...report.goingCold.map((item) => [item.slug, item.action] as const),
          ...report.overdueFollowUps.map((item) => [item.personSlug, item.action] as const),
          ...report.takersOnly.map((item) => [item.slug, item.action] as const),
          ...report.basisRisks.map((item) => [item.slug, item.action] as const),
          ...(report.newRole?.toMeet ?? []).map((item) => [item.slug, item.action] as const),
        ];
        for (const [slug, action] of own) expect(action.personSlug).toBe(slug);
        for (const gap of report.gaps) expect(gap.action.text).not.toBe('');
        if (report.feedback.due) expect(report.feedback.action).not.toBeNull();

        // Ranked, one per person.
        const worth = report.nextActions.map((action) => action.worth);
        expect(worth).toEqual([...worth].sort((a, b) => b - a));
        const keys = report.nextActions.map((action) => action.personSlug ?? action.id);
        expect(new Set(keys).size).toBe(keys.length);

        // The page never says there is nothing to do while it lists a problem.
        const nothing = emptyListText(report.counts).actions;
        const shown = pageText(report) + reportToMarkdown(report);
        if (problemsListed(report) > 0) expect(shown).not.toContain('Nothing pressing');
        if (report.nextActions.length === 0) expect(shown).toContain(nothing);
      }),
      { numRuns: 100 },
    );
  });

  it('never makes an empty-set claim, and says what is missing instead', () => {
    fc.assert(
      fc.property(arbitraryRecord, (record) => {
        const report = weeklyReport(record, NOW, { now: NOW });
        const { counts } = report;
        for (const text of [pageText(report), reportToMarkdown(report)]) {
          expect(emptySetClaims(text)).toEqual([]);
          if (counts.keyHolders === 0) expect(text).toContain('No key holders yet');
          if (counts.tagged === 0) expect(text).toContain('Nobody tagged yet');
          if (counts.inTouch90 === 0) expect(text).toContain('No touches in the last 90 days');
          if (counts.backers === 0) expect(text).toContain('Nobody backs you yet');
          if (counts.openFollowUps === 0) expect(text).toContain('No open follow-ups');
        }
      }),
      { numRuns: 100 },
    );
  });

  it('writes actions as sentences, with a touch note only ever quoted', () => {
    const quotedAway = (text: string) => text.replace(/“[^”]*”/g, '');
    fc.assert(
      fc.property(arbitraryRecord, (record) => {
        const report = weeklyReport(record, NOW, { now: NOW });
        const notes = record.touches.map((t) => t.note.trim()).filter((note) => note.length > 3);
        const actions = [
          ...report.nextActions,
          ...report.gaps.map((gap) => gap.action),
          ...report.goingCold.map((item) => item.action),
        ];
        for (const action of actions) {
          expect(action.text).toMatch(/^[A-Z].*\.$/s);
          expect(action.text.startsWith(action.step)).toBe(true);
          expect(action.text).not.toMatch(/\.\.$|: :|::/);
          for (const note of notes) expect(quotedAway(action.text)).not.toContain(note);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('emptySetClaims', () => {
  it('finds the claims the report used to make, and passes counted ones', () => {
    expect(emptySetClaims('Every key holder knows your recent work.')).toEqual(['Every']);
    expect(emptySetClaims('All 0 key holders know your work.')).toEqual(['All 0']);
    expect(emptySetClaims('Know your recent work: 0 of 0 key holders')).toEqual(['0 of 0']);
    expect(emptySetClaims('None of your 0 open follow-ups is overdue.')).toEqual([
      'None of your 0',
    ]);
    expect(emptySetClaims('All 3 key holders know your work. 0 of 2 are near.')).toEqual([]);
  });
});
