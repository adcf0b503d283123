import Dexie from 'dexie';
import { readPeopleColumns, readTouchColumns, withEarlierTouches } from './columns';
import type { AllianceDb } from './schema';
import { BALANCE_WINDOW_DAYS, weekStartOf } from '@/utils/insights';
import { prepare, snapshot } from '@/utils/insights/context';
import { connectivityAt, visibilityAt } from '@/utils/insights/scores';
import { DAY_MS, LIMITS, cadenceFor, type Settings } from '@/utils/model';

export interface DuePerson {
  slug: string;
  name: string;
  lastTouchAt: number | null;
  dueAt: number;
}

export interface OverdueFollowUp {
  id: string;
  text: string;
  due: number;
  personSlug: string;
  personName: string;
}

export interface AllianceSummary {
  taggedPeople: number;
  touchesThisWeek: number;
  due: DuePerson[];
  overdue: OverdueFollowUp[];
  visibility: { score: number; reason: string };
  connectivity: { score: number; reason: string };
}

/**
 * What the popup shows. The scores need only recent touches: those inside the visibility
 * window, the 90-day give/take window and the longest cadence in use (a person last touched
 * before that is due either way), so only those weeks are read. People and touches come from
 * their column copies (./columns.ts): a few records instead of tens of thousands.
 */
export async function loadSummary(
  db: AllianceDb,
  settings: Settings,
  now: number,
  limit = 5,
): Promise<AllianceSummary> {
  // The score windows' touches are read beside everything else; the weeks only a long cadence
  // needs, once the people say how far back that is.
  const scoreDays = Math.max(settings.visibilityWindowDays, BALANCE_WINDOW_DAYS);
  const recentFrom = now - scoreDays * DAY_MS;
  return db.transaction('r', [db.columns, db.ties, db.followUps], async () => {
    const [people, ties, openFollowUps, recent] = await Promise.all([
      readPeopleColumns(db),
      db.ties.toArray(),
      db.followUps
        .where('[status+due]')
        .between(['open', Dexie.minKey], ['open', Dexie.maxKey])
        .toArray(),
      readTouchColumns(db, recentFrom, Infinity),
    ]);
    const tagged = people.filter((p) => p.roles.length > 0);
    const windowDays = Math.min(
      LIMITS.cadenceDays.max,
      Math.max(scoreDays, ...tagged.map((p) => cadenceFor(p, settings))),
    );
    const touches = await withEarlierTouches(db, now - windowDays * DAY_MS, recentFrom, recent);
    const data = { people, touches, notes: [], ties, followUps: openFollowUps, settings };
    const weekStart = weekStartOf(now, settings.weekStart);
    // One status pass serves both scores and the "due" list (slugs are the primary key, so
    // each person's status is theirs alone; follow-ups do not change when a touch is due).
    const snap = snapshot(prepare(data), now);
    const nameOf = (slug: string) => snap.bySlug.get(slug)?.name || slug;
    const status = snap.status;
    const vis = visibilityAt(snap);
    const con = connectivityAt(snap);
    return {
      taggedPeople: tagged.length,
      touchesThisWeek: touches.filter((t) => t.at >= weekStart && t.at <= now).length,
      due: tagged
        .flatMap((p) => {
          const s = status.get(p.slug);
          return s?.isDue
            ? [{ slug: p.slug, name: p.name, lastTouchAt: s.lastTouchAt, dueAt: s.dueAt }]
            : [];
        })
        .sort((a, b) => a.dueAt - b.dueAt)
        .slice(0, limit),
      overdue: openFollowUps
        .filter((f) => f.due < now)
        .slice(0, limit)
        .map((f) => ({
          id: f.id,
          text: f.text,
          due: f.due,
          personSlug: f.personSlug,
          personName: nameOf(f.personSlug),
        })),
      visibility: { score: vis.score, reason: vis.reason },
      connectivity: { score: con.score, reason: con.reason },
    };
  });
}
