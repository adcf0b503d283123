// Scenarios from the essays, each as a user's record and what the weekly report must say and
// advise: the issues found by trying the report as a new user, then the essays' situations.
import { describe, expect, it } from 'vitest';
import {
  emptyListText,
  firstStepOf,
  MAX_NEXT_ACTIONS,
  reportToMarkdown,
  weeklyReport,
  type InsightData,
  type WeeklyReport,
} from '@/utils/insights';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/model';
import { data, daysAgo, followUp, NOW, person, tie, touch } from './fixtures';

function reportOf(record: InsightData): WeeklyReport {
  return weeklyReport(record, NOW, { now: NOW });
}

function texts(report: WeeklyReport): string[] {
  return report.nextActions.map((action) => action.text);
}

function startedRole(daysAgoStarted: number): Settings {
  return { ...DEFAULT_SETTINGS, roleStartedAt: daysAgo(daysAgoStarted) };
}

describe('what a new user found', () => {
  it('gives an action for every gap instead of "nothing to do"', () => {
    // No sponsor, a board of one advisor: gaps, and nothing else wrong.
    const people = [
      person('maria', { name: 'Maria', level: 'plus1', influence: 'high', stance: 'champion' }),
      person('ana', { name: 'Ana', roles: ['advisor', 'mentor', 'ally'], stance: 'supporter' }),
    ];
    const touches = [
      touch('maria', 'shared-work', daysAgo(2)),
      touch('ana', 'spent-time', daysAgo(2)),
      touch('maria', 'asked-feedback', daysAgo(5)),
    ];
    const report = reportOf(data({ people, touches }));
    expect(report.gaps.map((gap) => gap.id)).toEqual(['no-sponsor', 'board-too-small']);
    expect(report.nextActions.length).toBeGreaterThan(0);
    const sponsorGap = report.gaps.find((gap) => gap.id === 'no-sponsor')!;
    // The senior champion, who has seen the user's work, is the one who could become a sponsor.
    expect(sponsorGap.action).toMatchObject({ personSlug: 'maria', habit: 'meeting' });
    expect(sponsorGap.action.text).toBe(
      'Ask Maria (+1) for advice on your next step: they know your work, and a senior person who follows your career is the one who can become your sponsor.',
    );
    expect(texts(report)).toContain(sponsorGap.action.text);
    expect(reportToMarkdown(report)).not.toContain('Nothing pressing');
  });

  it('with nobody tagged, says what is missing and gives the first steps', () => {
    // Imported connections the user never marked change nothing: the start is the first-run path.
    const imported = [person('zoe', { name: 'Zoë' }), person('lars', { name: 'Lars' })];
    expect(reportOf(data({ people: imported })).nextActions).toEqual(reportOf(data()).nextActions);
    // Someone marked (a level set, a touch logged) but nobody tagged: tag people next.
    const marked = [
      person('zoe', { name: 'Zoë', level: 'peer' }),
      person('lars', { name: 'Lars' }),
    ];
    const report = reportOf(
      data({ people: marked, touches: [touch('zoe', 'meeting', daysAgo(3))] }),
    );
    expect(report.nextActions.map((a) => a.id)).toEqual([
      'start:tag',
      'start:levels',
      // A peer the user met is the first ally to find.
      'gap-allies:zoe',
    ]);
    expect(report.nextActions.slice(0, 2).every((a) => a.place === 'side-panel')).toBe(true);
    // The first run reads which first step each is, to lead to where it is done.
    expect(report.nextActions.map(firstStepOf)).toEqual(['tag', 'levels', null]);
    const empty = emptyListText(report.counts);
    expect(empty.unaware).toMatch(/^No key holders yet: set the level/);
    expect(empty.cold).toMatch(/^Nobody tagged yet, so there is no relationship to keep warm/);
    expect(empty.takers).toBe(
      'You gave back to the 1 person you received from in the last 90 days.',
    );
    expect(empty.followUps).toMatch(/^No open follow-ups: when you promise someone something/);
    expect(empty.basis).toMatch(/^Nobody backs you yet/);
    const markdown = reportToMarkdown(report);
    for (const vacuous of [
      'Every key holder knows',
      'Nobody is past their cadence',
      'No follow-up is overdue',
      'You give back to everyone',
      'Nothing to do',
    ])
      expect(markdown).not.toContain(vacuous);
  });

  it('states the connectivity parts without repeating their labels', () => {
    const people = [person('pat', { roles: ['ally'] })];
    const report = reportOf(data({ people, touches: [touch('pat', 'spent-time', daysAgo(1))] }));
    const sponsor = report.connectivity.parts.find((part) => part.id === 'sponsor')!;
    expect(`${sponsor.label}: ${sponsor.detail}`).toBe('A sponsor at +2 or above: none yet');
    expect(report.connectivity.reason).toBe(
      'No key holders yet, so there is no one to reach through your backers. You have no sponsor yet: someone senior who puts your name forward.',
    );
    expect(reportToMarkdown(report)).not.toMatch(/No sponsor yet: No sponsor yet/i);
  });

  it('counts a public promotion by an ally toward the key holder they are tied to', () => {
    const people = [
      person('eduardo', {
        name: 'Eduardo',
        level: 'peer',
        stance: 'supporter',
        roles: ['ally'],
      }),
      person('dana', { name: 'Dana', level: 'plus2', influence: 'high' }),
    ];
    const touches = [touch('eduardo', 'they-promoted-me', daysAgo(3))];
    const report = reportOf(data({ people, touches, ties: [tie('eduardo', 'dana')] }));
    const [dana] = report.unawareKeyHolders;
    expect(dana).toMatchObject({ slug: 'dana', awareness: 'partial', heardThrough: 'eduardo' });
    expect(dana?.action.text).toBe(
      'Share a recent win with Dana directly: they know your work only through Eduardo.',
    );
    expect(report.visibility.score).toBe(25);
  });

  it('quotes a touch note as a note, never as part of the sentence', () => {
    const people = [
      person('eduardo', { name: 'Eduardo Alvarez Nowak', roles: ['sponsor'], level: 'plus2' }),
      person('sam', { name: 'Sam', roles: ['ally'] }),
    ];
    const touches = [
      touch('eduardo', 'they-promoted-me', daysAgo(5), { note: 'Named me in the all-hands' }),
      touch('sam', 'received-help', daysAgo(2), { note: '  Reviewed my\ndeck.  ' }),
      touch('sam', 'spent-time', daysAgo(2)),
    ];
    const actions = texts(reportOf(data({ people, touches })));
    expect(actions).toContain(
      'Thank Eduardo Alvarez Nowak for promoting you: you noted “Named me in the all-hands” 5 days ago, and you have not thanked them since.',
    );
    expect(actions).toContain(
      'Thank Sam for their help: you noted “Reviewed my deck.” 2 days ago, and you have not thanked them since.',
    );
    expect(actions.join(' ')).not.toMatch(/for Named me|for Reviewed/);
  });

  it('quotes an overdue promise and says when it was due', () => {
    const people = [person('ana', { name: 'Ana', roles: ['mentor'] })];
    const report = reportOf(
      data({
        people,
        touches: [touch('ana', 'spent-time', daysAgo(1))],
        followUps: [
          followUp('ana', 'Send the article', daysAgo(3)),
          followUp('ana', ' ', daysAgo(1)),
        ],
      }),
    );
    expect(report.overdueFollowUps.map((item) => item.action.text)).toEqual([
      'Keep your promise to Ana: “Send the article” was due 3 days ago.',
      'Follow up with Ana on what you promised: it was due yesterday.',
    ]);
  });
});

describe('starting a new role', () => {
  const people = [
    person('boss', { name: 'Bea', level: 'plus1', influence: 'high' }),
    person('head', { name: 'Hal', level: 'plus2', influence: 'high' }),
    person('peer1', { name: 'Pia', level: 'peer' }),
    person('peer2', { name: 'Quin', level: 'peer', roles: ['ally'] }),
    person('old', { name: 'Olga', roles: ['mentor'], stance: 'champion' }),
  ];
  // Quin was met after the start; Hal only before it.
  const touches = [
    touch('peer2', 'spent-time', daysAgo(3)),
    touch('head', 'meeting', daysAgo(40)),
    touch('old', 'spent-time', daysAgo(1)),
  ];

  it('focuses the report and the actions on meeting peers and the people one and two levels up', () => {
    const report = reportOf(data({ people, touches, settings: startedRole(20) }));
    expect(report.newRole).toMatchObject({
      day: 21,
      daysLeft: 69,
      toMeetTotal: 4,
      met: 1,
      allies: 1,
    });
    expect(report.newRole?.toMeet.map((p) => p.slug)).toEqual(['head', 'boss', 'peer1']);
    expect(report.newRole?.text).toContain('Day 21 of your first 90 days in your new role');
    expect(report.nextActions.slice(0, 3).map((a) => a.id)).toEqual([
      'new-role:head',
      'new-role:boss',
      'new-role:peer1',
    ]);
    expect(report.nextActions[0]?.text).toBe(
      'Meet Hal (+2) and offer help with what matters to them: in your first 90 days, the people one and two levels up form their view of your work.',
    );
    expect(report.nextActions[2]?.text).toBe(
      'Offer help to Pia, a peer: in your first 90 days, help offered early turns peers into your first allies.',
    );
  });

  it('ends after 90 days, and does not start before the date', () => {
    expect(reportOf(data({ people, touches, settings: startedRole(90) })).newRole).toBeNull();
    expect(reportOf(data({ people, touches, settings: startedRole(89) })).newRole?.day).toBe(90);
    expect(reportOf(data({ people, touches, settings: startedRole(-5) })).newRole).toBeNull();
    expect(reportOf(data({ people, touches })).newRole).toBeNull();
  });

  it('with nobody at those levels yet, the first step is to add them', () => {
    const report = reportOf(
      data({ people: [person('old', { roles: ['mentor'] })], settings: startedRole(2) }),
    );
    expect(report.newRole?.toMeet).toEqual([]);
    expect(report.newRole?.action?.id).toBe('start:newRole');
    expect(report.nextActions.map((a) => a.id)).toContain('start:newRole');
  });
});

describe('the basis of the alliance', () => {
  it('names an ally on mutual benefit who has been given nothing in a long time', () => {
    const people = [
      person('kim', { name: 'Kim', roles: ['ally'], basis: 'mutual-benefit' }),
      person('lea', { name: 'Lea', roles: ['ally'], basis: 'mutual-benefit' }),
    ];
    const touches = [
      touch('kim', 'received-help', daysAgo(30)),
      touch('lea', 'offered-help', daysAgo(30)),
    ];
    const report = reportOf(data({ people, touches }));
    expect(report.basisRisks.map((risk) => [risk.slug, risk.kind])).toEqual([
      ['kim', 'mutual-benefit-unmet'],
    ]);
    expect(report.basisRisks[0]?.text).toBe(
      'Kim: your alliance rests on mutual benefit, and you have given them nothing in 90 days.',
    );
    expect(report.basisRisks[0]?.action).toMatchObject({ habit: 'offered-help' });
    expect(report.basisRisks[0]?.action.text).toContain('may read it as over');
  });

  it('names an ally of unknown basis whom the user depends on, with the risk of misreading it', () => {
    const people = [
      person('ron', { name: 'Ron', roles: ['ally'], basis: 'unknown' }),
      person('sue', { name: 'Sue', roles: ['ally'], basis: 'shared-purpose' }),
      person('tia', { name: 'Tia', roles: ['ally'], basis: 'unknown' }),
      person('spo', { name: 'Spo', roles: ['sponsor'], level: 'plus2', basis: 'unknown' }),
    ];
    const touches = [
      touch('ron', 'received-help', daysAgo(10)),
      touch('sue', 'received-help', daysAgo(10)),
      touch('tia', 'meeting', daysAgo(10)),
    ];
    const report = reportOf(data({ people, touches }));
    expect(report.basisRisks.map((risk) => risk.slug).sort()).toEqual(['ron', 'spo']);
    const ron = report.basisRisks.find((risk) => risk.slug === 'ron');
    expect(ron?.text).toBe(
      'Ron: you rely on them (they helped or promoted you once in 90 days), but the basis of your alliance is unknown.',
    );
    expect(ron?.action.text).toMatch(/misreading the basis can damage the relationship\.$/);
  });

  it('leaves the basis alone when the record does not say it', () => {
    // A reader that does not read the basis (an older column copy) leaves it out.
    const noBasis = { ...person('ron', { roles: ['ally'] }), basis: undefined };
    const report = reportOf(
      data({ people: [noBasis], touches: [touch('ron', 'received-help', daysAgo(2))] }),
    );
    expect(report.basisRisks).toEqual([]);
  });
});

describe("don't ask for a mentor", () => {
  it('points to an experienced person who shares a purpose, not to asking for a mentor', () => {
    const people = [
      person('tom', { name: 'Tom', level: 'plus2', influence: 'high', basis: 'mutual-benefit' }),
      person('uma', { name: 'Uma', level: 'plus1', basis: 'shared-purpose', stance: 'supporter' }),
      person('vik', { name: 'Vik', level: 'plus2', stance: 'skeptic', basis: 'both' }),
    ];
    const report = reportOf(data({ people }));
    const gap = report.gaps.find((item) => item.id === 'no-mentor')!;
    expect(gap.action).toMatchObject({ personSlug: 'uma', habit: 'spent-time' });
    expect(gap.action.text).toBe(
      'Ask Uma (+1) for advice on a problem you both care about: you share a purpose, and mentoring grows from that, so there is no need to ask anyone to be your mentor.',
    );
    expect(gap.action.text).not.toMatch(/ask (Uma|them|someone) to be your mentor/i);
  });

  it('with no shared purpose known, suggests finding it out with someone experienced', () => {
    const report = reportOf(data({ people: [person('wes', { name: 'Wes', level: 'plus1' })] }));
    const gap = report.gaps.find((item) => item.id === 'no-mentor')!;
    expect(gap.action.text).toMatch(
      /^Spend time with Wes \(\+1\) and find out whether you share a purpose/,
    );
  });

  it('with nobody experienced in the record, says how to find them', () => {
    const report = reportOf(data({ people: [person('pat', { roles: ['ally'], level: 'peer' })] }));
    expect(report.gaps.find((item) => item.id === 'no-mentor')?.action).toMatchObject({
      id: 'start:mentor',
      personSlug: null,
      place: 'side-panel',
    });
  });
});

describe('pay it forward', () => {
  it('notices the people the user mentors', () => {
    const people = [
      person('kenji', { name: 'Kenji', roles: ['mentee'], level: 'report' }),
      person('lina', { name: 'Lina', roles: ['mentee'] }),
    ];
    const forward = reportOf(data({ people })).payItForward;
    expect(forward.mentees.map((m) => m.name)).toEqual(['Kenji', 'Lina']);
    expect(forward.text).toBe(
      'You mentor 2 people: Kenji and Lina. Mentoring pays forward what your own mentors gave you.',
    );
    expect(forward.action).toBeNull();
  });

  it('tells a user with no mentees how to start, with someone who reports to them', () => {
    const people = [
      person('max', { name: 'Max', level: 'report' }),
      person('ned', { name: 'Ned', level: 'report', stance: 'skeptic' }),
    ];
    const forward = reportOf(data({ people })).payItForward;
    expect(forward.text).toMatch(/^You mentor nobody yet\./);
    expect(forward.action).toMatchObject({ personSlug: 'max', habit: 'offered-help' });
    expect(forward.action?.text).toBe(
      'Offer help to Max, who reports to you: mentoring pays forward what your mentors gave you, so tag them as your mentee once you do.',
    );
  });
});

describe('seek negative feedback', () => {
  const people = [
    person('bea', { name: 'Bea', level: 'plus1', influence: 'high', stance: 'champion' }),
    person('hal', { name: 'Hal', level: 'plus2', influence: 'high', roles: ['sponsor'] }),
    person('mo', { name: 'Mo', roles: ['mentor'] }),
  ];

  it('says how long since the manager or a key holder was asked, with an action when too long', () => {
    const touches = [
      touch('bea', 'asked-feedback', daysAgo(45)),
      // A mentor's feedback is welcome, but it is not the manager's or a key holder's.
      touch('mo', 'asked-feedback', daysAgo(2)),
      touch('bea', 'shared-work', daysAgo(1)),
      touch('hal', 'shared-work', daysAgo(1)),
    ];
    const report = reportOf(data({ people, touches }));
    expect(report.feedback).toMatchObject({
      askable: 2,
      lastAskedName: 'Bea',
      daysSince: 45,
      due: true,
    });
    expect(report.feedback.text).toBe(
      'You last asked Bea “what am I missing?” 6 weeks ago. Ask your manager or a key holder at least once in 30 days.',
    );
    // Hal was never asked: he comes first.
    expect(report.feedback.action).toMatchObject({ personSlug: 'hal', habit: 'asked-feedback' });
    expect(report.feedback.action?.text).toBe(
      'Ask Hal (+2) for negative feedback, “what am I missing?”: it has been 45 days since you last asked your manager or a key holder, and the people who decide see what you do not.',
    );
    expect(texts(report)).toContain(report.feedback.action?.text);
  });

  it('has no action when the question was asked recently', () => {
    const touches = [touch('hal', 'asked-feedback', daysAgo(10))];
    expect(reportOf(data({ people, touches })).feedback).toMatchObject({
      due: false,
      action: null,
      daysSince: 10,
    });
  });

  it('says so when it was not asked in the look-back window', () => {
    const report = reportOf(
      data({ people, touches: [touch('bea', 'asked-feedback', daysAgo(200))] }),
    );
    expect(report.feedback.text).toBe(
      'You have not asked your manager or a key holder “what am I missing?” in the last 90 days.',
    );
    expect(report.feedback.due).toBe(true);
  });

  it('with no manager or key holder, says who to set up first', () => {
    const report = reportOf(data({ people: [person('mo', { roles: ['mentor'] })] }));
    expect(report.feedback.askable).toBe(0);
    expect(report.feedback.text).toMatch(/^No manager or key holder in your record yet/);
    expect(report.feedback.action?.id).toBe('start:levels');
  });
});

describe('ranking', () => {
  it('keeps at most five, one per person, most worth first', () => {
    const people = Array.from({ length: 9 }, (_, i) =>
      person(`p${i}`, { roles: ['ally'], level: i < 3 ? 'plus2' : 'peer', influence: 'high' }),
    );
    const followUps = people.map((p) => followUp(p.slug, 'Send notes', daysAgo(2)));
    const touches = people.map((p) => touch(p.slug, 'spent-time', daysAgo(1)));
    const report = reportOf(data({ people, followUps, touches }));
    expect(report.nextActions).toHaveLength(MAX_NEXT_ACTIONS);
    const slugs = report.nextActions.map((a) => a.personSlug);
    expect(new Set(slugs).size).toBe(slugs.length);
    // The three key holders at +2 come first.
    expect(slugs.slice(0, 3).sort()).toEqual(['p0', 'p1', 'p2']);
    const worth = report.nextActions.map((a) => a.worth);
    expect(worth).toEqual([...worth].sort((a, b) => b - a));
  });
});
