import { describe, expect, it } from 'vitest';
import { loadReportData, reportSpan } from '@/utils/loaders/weekly-report';
import { AllianceDb } from '@/utils/db/schema';
import { weeklyReport, type InsightData } from '@/utils/insights';
import { DAY_MS, DEFAULT_SETTINGS, newPerson, type Settings, type Touch } from '@/utils/model';
import { generateDataset, type Dataset } from '../../support/dataset';
import { meetingAgo, seededDb } from '../../support/seeded-db';

const NOW = new Date(2025, 2, 12, 12).getTime();
const meeting = (id: string, personSlug: string, daysAgo: number): Touch =>
  meetingAgo(id, personSlug, daysAgo, NOW);

/**
 * Few touches per person over a year, tagged people added recently whose only touches are old
 * (an imported history), and someone whose own cadence reaches further back than the settings:
 * the cases where a plain range read would be wrong.
 */
function sparseDataset(): Dataset {
  const size = { people: 150, touches: 500, notes: 100, followUps: 40, ties: 60 };
  const data = generateDataset(size, NOW, 7);
  data.people.push(
    newPerson('imported-mentor', NOW - 3 * DAY_MS, { name: 'Imported Mentor', roles: ['mentor'] }),
    newPerson('imported-champion', NOW - 3 * DAY_MS, { name: 'Champion', stance: 'champion' }),
    newPerson('slow-sponsor', NOW - 900 * DAY_MS, { roles: ['sponsor'], cadenceDays: 300 }),
  );
  data.touches.push(
    meeting('old-1', 'imported-mentor', 700),
    meeting('old-2', 'imported-mentor', 500),
    meeting('old-3', 'imported-champion', 400),
    // Within her 300-day cadence at the first of the 12 weeks, and touched again this week.
    meeting('slow-1', 'slow-sponsor', 200),
    meeting('slow-2', 'slow-sponsor', 5),
  );
  return data;
}

/** The whole record, read from the same database (so in the same order). */
async function everything(db: AllianceDb, settings: Settings): Promise<InsightData> {
  const [people, touches, notes, ties, followUps] = await Promise.all([
    db.people.toArray(),
    db.touches.orderBy('at').toArray(),
    db.notes.toArray(),
    db.ties.toArray(),
    db.followUps.toArray(),
  ]);
  return { people, touches, notes, ties, followUps, settings };
}

describe('loadReportData', () => {
  const settings: Settings = { ...DEFAULT_SETTINGS };

  it.each([
    ['this week', NOW],
    ['three weeks ago', NOW - 21 * DAY_MS],
    ['half a year ago', NOW - 180 * DAY_MS],
  ])('gives the same report as the whole record for %s', async (_label, weekOf) => {
    const data = sparseDataset();
    const db = await seededDb(data);
    const loaded = await loadReportData(db, weekOf, NOW, settings);
    expect(weeklyReport(loaded, weekOf, { now: NOW })).toEqual(
      weeklyReport(await everything(db, settings), weekOf, { now: NOW }),
    );
  });

  it('shows the real last touch of a tagged person whose only touches are old', async () => {
    const data = sparseDataset();
    const db = await seededDb(data);
    const report = weeklyReport(await loadReportData(db, NOW, NOW, settings), NOW, { now: NOW });
    const mentor = report.goingCold.find((item) => item.slug === 'imported-mentor');
    expect(mentor?.lastTouchAt).toBe(NOW - 500 * DAY_MS);
  });

  it('reads only the touches of the span, plus one earlier touch per person who needs it', async () => {
    const data = generateDataset({ people: 50, touches: 2000, notes: 0, followUps: 0 }, NOW, 3);
    const db = await seededDb(data);
    const loaded = await loadReportData(db, NOW, NOW, settings);
    const span = reportSpan(NOW, NOW, settings, data.people);
    const inSpan = data.touches.filter((touch) => touch.at >= span.from && touch.at < span.to);
    expect(inSpan.length).toBeLessThan(data.touches.length * 0.7);
    expect(loaded.touches.length).toBeGreaterThanOrEqual(inSpan.length);
    expect(loaded.touches.length - inSpan.length).toBeLessThanOrEqual(data.people.length);
  });
});

describe('reportSpan', () => {
  it('looks back by the longest cadence of a tagged person', () => {
    const settings: Settings = { ...DEFAULT_SETTINGS };
    const people = [newPerson('a', NOW, { roles: ['ally'], cadenceDays: 300 })];
    const short = reportSpan(NOW, NOW, settings, []);
    const long = reportSpan(NOW, NOW, settings, people);
    // Without tagged people the 90-day give/take window is the longest look-back.
    expect(short.from - long.from).toBe((300 - 90) * DAY_MS);
  });

  it('reports a past week as of its end and this week as of now', () => {
    const settings: Settings = { ...DEFAULT_SETTINGS };
    expect(reportSpan(NOW, NOW, settings, []).asOf).toBe(NOW);
    const past = reportSpan(NOW - 14 * DAY_MS, NOW, settings, []);
    expect(past.asOf).toBe(past.to - 1);
    expect(past.to).toBeLessThan(NOW);
  });
});
