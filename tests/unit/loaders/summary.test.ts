/**
 * The popup summary reads only the weeks its scores and cadences need and the follow-ups it lists;
 * it must say what the whole record says.
 */
import { describe, expect, it } from 'vitest';
import { prepare, snapshot } from '@/utils/insights/context';
import { connectivity, visibility } from '@/utils/insights/scores';
import { loadSummary } from '@/utils/loaders/summary';
import { DAY_MS, DEFAULT_SETTINGS, newPerson } from '@/utils/model';
import { generateDataset } from '../../support/dataset';
import { engineView } from '../../support/engine-view';
import { meetingAgo, seededDb } from '../../support/seeded-db';

const NOW = Date.UTC(2026, 5, 3, 12);
const touch = (id: string, personSlug: string, daysAgo: number) =>
  meetingAgo(id, personSlug, daysAgo, NOW);

describe('loadSummary', () => {
  it('says what the whole record says, long cadences included', async () => {
    const data = generateDataset({ people: 300, touches: 4_000, notes: 0, followUps: 80 }, NOW);
    // Cadences longer than the score windows: their last touch lies in weeks read separately.
    data.people.push(
      newPerson('slow-sponsor', NOW - 400 * DAY_MS, { roles: ['sponsor'], cadenceDays: 200 }),
      newPerson('yearly-advisor', NOW - 400 * DAY_MS, { roles: ['advisor'], cadenceDays: 365 }),
      newPerson('lapsed-mentor', NOW - 400 * DAY_MS, { roles: ['mentor'], cadenceDays: 120 }),
      newPerson('edge-ally', NOW - 400 * DAY_MS, { roles: ['ally'], cadenceDays: 100 }),
    );
    data.touches.push(
      touch('slow', 'slow-sponsor', 150),
      touch('yearly', 'yearly-advisor', 300),
      touch('lapsed', 'lapsed-mentor', 130),
      // Just before the score windows begin.
      touch('edge', 'edge-ally', 90.01),
    );
    const db = await seededDb(data);

    const summary = await loadSummary(db, DEFAULT_SETTINGS, NOW, Infinity);

    const whole = {
      people: data.people.map(engineView),
      touches: data.touches,
      notes: [],
      ties: data.ties,
      followUps: data.followUps.filter((f) => f.status === 'open'),
      settings: DEFAULT_SETTINGS,
    };
    const status = snapshot(prepare(whole), NOW).status;
    const due = data.people
      .filter((p) => p.roles.length > 0 && status.get(p.slug)?.isDue)
      .map((p) => p.slug)
      .sort();
    expect(summary.due.map((p) => p.slug).sort()).toEqual(due);
    expect(summary.due.map((p) => p.slug)).toContain('lapsed-mentor');
    expect(summary.due.map((p) => p.slug)).not.toContain('slow-sponsor');
    expect(summary.due.map((p) => p.slug)).not.toContain('yearly-advisor');
    expect(summary.due.map((p) => p.slug)).not.toContain('edge-ally');
    expect(summary.due.find((p) => p.slug === 'lapsed-mentor')?.lastTouchAt).toBe(
      NOW - 130 * DAY_MS,
    );
    expect(summary.visibility.score).toBe(visibility(whole, NOW).score);
    expect(summary.connectivity.score).toBe(connectivity(whole, NOW).score);
    for (const followUp of summary.overdue) {
      const person = data.people.find((p) => p.slug === followUp.personSlug);
      expect(followUp.personName).toBe(person?.name || followUp.personSlug);
    }
    expect(summary.overdue.length).toBeGreaterThan(0);
    expect(summary.taggedPeople).toBe(data.people.filter((p) => p.roles.length > 0).length);
  });

  it('lists the longest-overdue open follow-ups, no more than it shows', async () => {
    const followUp = (id: string, dueDaysAgo: number, status: 'open' | 'done' = 'open') => ({
      id,
      personSlug: 'ana',
      text: `Send ${id}`,
      due: NOW - dueDaysAgo * DAY_MS,
      status,
      doneAt: status === 'done' ? NOW - DAY_MS : null,
      createdAt: NOW - 60 * DAY_MS,
    });
    const db = await seededDb({
      people: [newPerson('ana', NOW - 90 * DAY_MS, { name: 'Ana', roles: ['ally'] })],
      touches: [],
      notes: [],
      ties: [],
      followUps: [
        followUp('later', -3),
        followUp('done-long-ago', 40, 'done'),
        ...[9, 2, 30, 5, 1, 14].map((days) => followUp(`due-${days}`, days)),
      ],
    });

    const summary = await loadSummary(db, DEFAULT_SETTINGS, NOW, 3);

    expect(summary.overdue.map((f) => f.id)).toEqual(['due-30', 'due-14', 'due-9']);
    expect(summary.overdue[0]).toMatchObject({ personName: 'Ana', text: 'Send due-30' });
    expect((await loadSummary(db, DEFAULT_SETTINGS, NOW, Infinity)).overdue).toHaveLength(6);
  });
});
