/**
 * The popup's summary of the alliance: the database read for it and the insight engine run on
 * the answer. Loaders are the one layer that joins the store (@/utils/db) and the pure engine
 * (@/utils/insights).
 */
import {
  lastTouchesBefore,
  positiveDays,
  readOverdueFollowUps,
  readTouchesBetween,
  readTrackedPeople,
} from '@/utils/db/insight-reads';
import type { AllianceDb } from '@/utils/db/schema';
import { BALANCE_WINDOW_DAYS, weekStartOf } from '@/utils/insights';
import { prepare, snapshot } from '@/utils/insights/context';
import { connectivityAt, visibilityAt } from '@/utils/insights/scores';
import { DAY_MS, type Settings } from '@/utils/model';
import type { Translator } from '@/utils/i18n';

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
 * What the popup shows, read fresh on every open: the tracked people, the touches of the score
 * windows by their date index, the ties and the few overdue follow-ups it lists; an older last
 * touch comes from the person's record (@/utils/db/insight-reads). Every record read costs the
 * same time in the browser's IndexedDB whatever its size, so nothing else is read.
 */
export async function loadSummary(
  db: AllianceDb,
  settings: Settings,
  now: number,
  limit = 5,
  t?: Translator,
): Promise<AllianceSummary> {
  const scoreDays = Math.max(positiveDays(settings.visibilityWindowDays), BALANCE_WINDOW_DAYS);
  const from = now - scoreDays * DAY_MS;
  return db.transaction('r', [db.people, db.touches, db.ties, db.followUps], async () => {
    const [people, recent, ties, overdue] = await Promise.all([
      readTrackedPeople(db),
      // Up to and including now: the engine ignores touches dated later.
      readTouchesBetween(db, from, now + 1),
      db.ties.toArray(),
      readOverdueFollowUps(db, now, limit),
    ]);
    const tagged = people.filter((p) => p.roles.length > 0);
    const touches = recent.concat(await lastTouchesBefore(db, people, recent, from, now));
    // Neither score reads follow-ups: only the list of overdue ones does.
    const data = { people, touches, notes: [], ties, followUps: [], settings };
    const weekStart = weekStartOf(now, settings.weekStart);
    // One status pass serves both scores and the "due" list (slugs are the primary key, so
    // each person's status is theirs alone; follow-ups do not change when a touch is due).
    const snap = snapshot(prepare(data, t), now);
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
      overdue: overdue.map((f) => ({
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
