import { describe, expect, it } from 'vitest';
import {
  MAX_NEXT_ACTIONS,
  reportToMarkdown,
  TREND_WEEKS,
  weeklyReport,
  weekStartOf,
} from '@/utils/insights';
import { DEFAULT_SETTINGS } from '@/utils/model';
import { data, daysAgo, followUp, generated, NOW, person, tie, touch } from './fixtures';

const WEEK_START = weekStartOf(NOW, DEFAULT_SETTINGS.weekStart);

function team() {
  const people = [
    person('maria', {
      name: 'Maria',
      level: 'plus1',
      influence: 'high',
      stance: 'champion',
      roles: ['ally'],
    }),
    person('hugo', { name: 'Hugo', level: 'plus2', influence: 'high' }),
    person('sam', { name: 'Sam', level: 'peer', stance: 'supporter', roles: ['ally'] }),
    person('theo', { name: 'Theo', level: 'plus1', roles: ['mentor'] }),
    person('ana', { name: 'Ana', roles: ['advisor'] }),
  ];
  const touches = [
    touch('maria', 'shared-work', daysAgo(1)),
    touch('maria', 'shared-work', daysAgo(40)),
    touch('sam', 'received-help', daysAgo(1), { note: 'the design review' }),
    touch('sam', 'asked-feedback', daysAgo(1)),
    touch('theo', 'received-help', daysAgo(20)),
    touch('theo', 'asked-feedback', daysAgo(25)),
    touch('ana', 'meeting', daysAgo(80)),
  ];
  const followUps = [
    followUp('ana', 'Send the article', daysAgo(3)),
    followUp('sam', 'Not due yet', daysAgo(-10)),
  ];
  return data({ people, touches, followUps, ties: [tie('maria', 'sam')] });
}

describe('weeklyReport', () => {
  const report = weeklyReport(team(), NOW, { now: NOW });

  it('reports the week holding the date, as of now while the week is not over', () => {
    expect(report.weekStart).toBe(WEEK_START);
    expect(new Date(report.weekStart).getDay()).toBe(DEFAULT_SETTINGS.weekStart);
    expect(report.asOf).toBe(NOW);
    expect(weeklyReport(team(), daysAgo(14)).asOf).toBe(weekStartOf(daysAgo(7), 1) - 1);
  });

  it('gives 12 weeks of trend ending with this week, and the change from last week', () => {
    expect(report.trend).toHaveLength(TREND_WEEKS);
    expect(report.trend.at(-1)).toEqual({
      weekStart: WEEK_START,
      visibility: report.visibility.score,
      connectivity: report.connectivity.score,
    });
    expect(report.previous.visibility).toBe(report.trend.at(-2)?.visibility);
    // Maria's latest win came this week: last week she was unaware too.
    expect(report.previous.visibility).toBe(0);
    expect(report.change.visibility).toBe(report.visibility.score);
    expect(report.trend.map((point) => point.weekStart)).toEqual(
      [...report.trend.map((point) => point.weekStart)].sort((a, b) => a - b),
    );
  });

  it('counts touches per week by kind, and the feedback asked for this week', () => {
    expect(report.touchesByWeek).toHaveLength(TREND_WEEKS);
    const thisWeek = report.touchesByWeek.at(-1);
    expect(thisWeek?.byKind['shared-work']).toBe(1);
    expect(thisWeek?.total).toBe(3);
    // Ana's meeting 80 days ago falls before the first of the 12 weeks.
    expect(report.touchesByWeek.reduce((sum, week) => sum + week.total, 0)).toBe(6);
    expect(report.feedbackAsked).toBe(1);
  });

  it('lists who needs attention', () => {
    expect(report.unawareKeyHolders.map((k) => k.slug)).toEqual(['hugo']);
    // Theo (mentor, 30 days) was touched 20 days ago; Ana (advisor, 45 days) 80 days ago.
    expect(report.goingCold).toEqual([expect.objectContaining({ slug: 'ana', daysOverdue: 35 })]);
    expect(report.overdueFollowUps).toEqual([
      expect.objectContaining({ personName: 'Ana', text: 'Send the article', daysOverdue: 3 }),
    ]);
    expect(report.takersOnly.map((t) => t.slug).sort()).toEqual(['sam', 'theo']);
    expect(report.gaps.map((g) => g.id)).toEqual(['no-sponsor', 'board-too-small']);
  });

  it('suggests at most five actions, one per person, each with a habit', () => {
    expect(report.nextActions.length).toBeLessThanOrEqual(MAX_NEXT_ACTIONS);
    expect(new Set(report.nextActions.map((a) => a.personSlug)).size).toBe(
      report.nextActions.length,
    );
    expect(report.nextActions[0]).toMatchObject({ personSlug: 'hugo', habit: 'shared-work' });
    expect(report.nextActions).toContainEqual(
      expect.objectContaining({
        personSlug: 'ana',
        personName: 'Ana',
        habit: 'followed-up',
        text: 'Keep your promise to Ana: “Send the article” was due 3 days ago.',
      }),
    );
    expect(report.nextActions).toContainEqual(
      expect.objectContaining({
        personSlug: 'sam',
        habit: 'showed-appreciation',
        text: 'Thank Sam for their help: you noted “the design review” yesterday, and you have not thanked them since.',
      }),
    );
    expect(report.nextActions).toContainEqual(
      expect.objectContaining({ personSlug: 'theo', habit: 'offered-help' }),
    );
    const worths = report.nextActions.map((a) => a.worth);
    expect(worths).toEqual([...worths].sort((a, b) => b - a));
  });

  it('draws key holders and backers with the ties between them', () => {
    expect(report.map.nodes.map((n) => n.slug)).toEqual(['hugo', 'maria', 'theo', 'ana', 'sam']);
    expect(report.map.nodes.find((n) => n.slug === 'hugo')).toMatchObject({
      isKeyHolder: true,
      awareness: 'none',
      influence: 'high',
    });
    expect(report.map.edges).toEqual([{ a: 'maria', b: 'sam', label: '' }]);
    expect(report.map.omitted).toBe(0);
  });
});

describe('weeklyReport scenarios', () => {
  it('lists a protégé who only takes, and asks them to give back', () => {
    const people = [person('mentor', { name: 'Mira', roles: ['mentor'] })];
    const touches = [
      touch('mentor', 'received-help', daysAgo(2)),
      touch('mentor', 'asked-feedback', daysAgo(9)),
      touch('mentor', 'showed-appreciation', daysAgo(1), { direction: 'received' }),
    ];
    const report = weeklyReport(data({ people, touches }), NOW, { now: NOW });
    expect(report.takersOnly).toEqual([
      {
        slug: 'mentor',
        name: 'Mira',
        received90: 3,
        action: expect.objectContaining({
          habit: 'offered-help',
          text: 'Offer help to Mira: you received from them 3 times in 90 days and gave nothing back.',
        }),
      },
    ]);
    expect(report.nextActions).toContainEqual(
      expect.objectContaining({ personSlug: 'mentor', habit: 'offered-help' }),
    );
  });

  it('recomputes a past week without touches that came later', () => {
    const people = [person('dana', { level: 'plus1', influence: 'high' })];
    const record = data({ people, touches: [touch('dana', 'shared-work', daysAgo(1))] });
    expect(weeklyReport(record, daysAgo(21)).visibility.score).toBe(0);
    expect(weeklyReport(record, NOW, { now: NOW }).visibility.score).toBe(100);
  });

  it('reports an empty record with zero scores, what is missing and the first steps', () => {
    const report = weeklyReport(data(), NOW);
    expect(report.visibility.score).toBe(0);
    expect(report.connectivity.score).toBe(0);
    expect(report.nextActions.map((a) => a.id)).toEqual([
      'start:import',
      'start:levels',
      'start:touch',
    ]);
    expect(report.nextActions[0]).toMatchObject({ place: 'import', personSlug: null });
    expect(report.map).toEqual({ nodes: [], edges: [], omitted: 0 });
    expect(report.gaps.map((g) => g.id)).toEqual([
      'no-sponsor',
      'no-mentor',
      'board-too-small',
      'no-allies',
    ]);
    const markdown = reportToMarkdown(report);
    expect(markdown).toContain('No key holders yet');
    expect(markdown).toContain('Nobody tagged yet');
    expect(markdown).toContain('No touches in these 12 weeks');
    expect(markdown).not.toContain('Every key holder');
  });

  it('builds the report for 10,000 people and 100,000 touches', () => {
    const big = generated(10_000, 100_000, 7);
    const report = weeklyReport(big, NOW, { now: NOW });
    expect(report.trend).toHaveLength(TREND_WEEKS);
    expect(report.nextActions).toHaveLength(MAX_NEXT_ACTIONS);
    expect(report.map.nodes.length).toBeLessThanOrEqual(80);
    expect(report.map.omitted).toBeGreaterThan(0);
  });
});

describe('reportToMarkdown', () => {
  it('writes every section and escapes what the user typed', () => {
    const record = team();
    const people = record.people.map((p) =>
      p.slug === 'hugo' ? { ...p, name: 'Hugo *the* <boss>' } : p,
    );
    const markdown = reportToMarkdown(weeklyReport({ ...record, people }, NOW, { now: NOW }));
    expect(markdown).toMatch(/^# Alliance Map: week of 2025-03-10\n/);
    for (const heading of [
      'Scores',
      'Trend (12 weeks)',
      'Touches by week',
      'Next actions',
      'Key holders who do not know your work',
      'Going cold',
      'Overdue follow-ups',
      'People you only take from',
      'Gaps in your alliance',
      'Basis of your alliances',
      'Negative feedback',
      'Paying it forward',
    ]) {
      expect(markdown).toContain(`## ${heading}\n`);
    }
    expect(markdown).toContain('Hugo \\*the\\* \\<boss\\>');
    expect(markdown).not.toContain('<boss>');
    expect(markdown).toContain(
      '1. Share a recent win with Hugo \\*the\\* \\<boss\\> (+2): you have had no contact with them in 30 days',
    );
    expect(markdown).toContain(
      '| Week | Received help | Asked for feedback | Shared my work or a win | Total |',
    );
    expect(markdown).toContain('| 2025-03-10 | 1 | 1 | 1 | 3 |');
    expect(markdown).toContain('Feedback asked for this week: 1.');
  });
});
