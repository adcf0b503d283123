import Dexie from 'dexie';
import type { AllianceDb } from './schema';
import { DAY_MS, LIMITS, ROLES, cadenceFor, type Person } from '@/utils/model';
import { loadSettings } from '@/utils/settings';

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
  visibility?: { score: number; reason: string };
  connectivity?: { score: number; reason: string };
}

/** Local midnight of the first day of the week holding `ms`. */
function startOfWeek(ms: number, weekStart: number): number {
  const d = new Date(ms);
  d.setHours(0, 0, 0, 0);
  d.setDate(d.getDate() - ((d.getDay() - weekStart + 7) % 7));
  return d.getTime();
}

/**
 * What the popup shows, read with index ranges only: tagged people, the touches inside the
 * longest cadence in use, and open follow-ups already due. Never a scan of all touches.
 */
export async function loadSummary(db: AllianceDb, now: number, limit = 5): Promise<AllianceSummary> {
  const settings = await loadSettings();
  return db.transaction('r', [db.people, db.touches, db.followUps], async () => {
    const tagged: Person[] = await db.people.where('roles').anyOf([...ROLES]).distinct().toArray();
    const longest = Math.min(
      LIMITS.cadenceDays.max,
      Math.max(0, ...tagged.map((p) => cadenceFor(p, settings))),
    );
    const [recent, touchesThisWeek, openDue] = await Promise.all([
      db.touches.where('at').between(now - longest * DAY_MS, Dexie.maxKey).toArray(),
      db.touches.where('at').between(startOfWeek(now, settings.weekStart), Dexie.maxKey).count(),
      db.followUps.where('[status+due]').between(['open', Dexie.minKey], ['open', now]).toArray(),
    ]);
    const lastTouch = new Map<string, number>();
    for (const touch of recent) {
      if (touch.at > (lastTouch.get(touch.personSlug) ?? -Infinity)) lastTouch.set(touch.personSlug, touch.at);
    }
    const due = tagged
      .map((p) => {
        const lastTouchAt = lastTouch.get(p.slug) ?? null;
        return {
          slug: p.slug,
          name: p.name,
          lastTouchAt,
          dueAt: (lastTouchAt ?? p.createdAt) + cadenceFor(p, settings) * DAY_MS,
        };
      })
      .filter((p) => p.dueAt < now)
      .sort((a, b) => a.dueAt - b.dueAt);
    const names = new Map(
      (await db.people.bulkGet([...new Set(openDue.map((f) => f.personSlug))])).map((p) => [
        p?.slug,
        p?.name || p?.slug || '',
      ]),
    );
    return {
      taggedPeople: tagged.length,
      touchesThisWeek,
      due: due.slice(0, limit),
      overdue: openDue.slice(0, limit).map((f) => ({
        id: f.id,
        text: f.text,
        due: f.due,
        personSlug: f.personSlug,
        personName: names.get(f.personSlug) || f.personSlug,
      })),
    };
  });
}
