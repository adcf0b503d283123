/**
 * The reads the popup summary and the weekly report share: the tracked people (the user's
 * alliance; an imported connection the user never touched changes no insight), the touches of
 * a span of dates by their index, and what the engine needs of older touches.
 */
import Dexie from 'dexie';
import type { AllianceDb } from './schema';
import type { StoredPerson } from './stored-person';
import type { Touch } from '@/utils/model';

/** A number of days from the settings, or 0 when they hold something unusable. */
export function positiveDays(value: number): number {
  return Number.isFinite(value) && value > 0 ? value : 0;
}

/** Everyone the user keeps anything about (./stored-person.ts, `isTracked`). */
export function readTrackedPeople(db: AllianceDb): Promise<StoredPerson[]> {
  return db.people.where('tracked').equals(1).toArray();
}

/** The touches dated from `from` up to, and not including, `to`. */
export function readTouchesBetween(db: AllianceDb, from: number, to: number): Promise<Touch[]> {
  return db.touches.where('at').between(from, to, true, false).toArray();
}

/** The open follow-ups due before `now`, the longest overdue first: at most `limit` of them. */
export function readOverdueFollowUps(db: AllianceDb, now: number, limit: number) {
  const overdue = db.followUps
    .where('[status+due]')
    .between(['open', Dexie.minKey], ['open', now], true, false);
  return (Number.isFinite(limit) ? overdue.limit(limit) : overdue).toArray();
}

/**
 * For each of `people` with no touch in `read` (the touches from `from` on) up to `asOf`, their
 * latest touch before `from`: how long ago they were last in touch is all the engine reads of a
 * touch that old (every window that reads a touch's kind or direction starts at `from` or
 * later). Mostly that is the person's `lastTouchAt`, standing in for the touch; only someone
 * whose latest touch is after `asOf` (a past week's report, a touch dated ahead) is read, one
 * indexed read each.
 */
export async function lastTouchesBefore(
  db: AllianceDb,
  people: readonly StoredPerson[],
  read: readonly Touch[],
  from: number,
  asOf: number,
): Promise<Touch[]> {
  const touched = new Set<string>();
  for (const touch of read) if (touch.at <= asOf) touched.add(touch.personSlug);
  const standIns: Touch[] = [];
  const toRead: string[] = [];
  for (const { slug, lastTouchAt } of people) {
    if (touched.has(slug) || lastTouchAt === undefined) continue;
    if (lastTouchAt < from) standIns.push(standInTouch(slug, lastTouchAt));
    else toRead.push(slug);
  }
  const found = await Promise.all(
    toRead.map((slug) =>
      db.touches
        .where('[personSlug+at]')
        .between([slug, -Infinity], [slug, from], true, false)
        .last(),
    ),
  );
  return standIns.concat(found.filter((touch) => touch !== undefined));
}

/** A touch known only by its person and date (see `lastTouchesBefore`). */
function standInTouch(personSlug: string, at: number): Touch {
  return {
    id: `last-touch:${personSlug}`,
    personSlug,
    at,
    kind: 'message',
    direction: 'both',
    note: '',
    createdAt: at,
  };
}
