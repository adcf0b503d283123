/**
 * The weekly report's dates in one sweep: the full snapshot of the chosen date, and the two
 * scores at the end of each earlier week for the trend. A trend score equals scoring a snapshot
 * at that date (visibilityAt, connectivityAt), but it is computed from the swept totals with
 * nothing built per person and date: at 10,000 people, a snapshot of every status for each of
 * the 12 weeks, each then read by the full scoring with its reasons and rankings, was most of
 * the report's time.
 */
import { keyHolderWeight, promotionCredit } from './alliance';
import { neighbours, type Prepared, type Snapshot } from './context';
import { dueAtOf, isDueAt, statusIndexOf, sweepDates, type RunningStatus } from './people';
import {
  balancePart,
  bucketOf,
  cadencePart,
  connectivityOf,
  standingParts,
  visibilityScoreOf,
  within,
  type StandingParts,
  type VisibilityBucket,
} from './scores';
import { DAY_MS } from '@/utils/model';

export interface TrendScores {
  visibility: number;
  connectivity: number;
}

/** A key holder as the trend scores them: their weight, and who could promote the user to them. */
interface Holder {
  slug: string;
  weight: number;
  promoters: Array<{ slug: string; credit: number }>;
}

function trendScoresAt(
  prepared: Prepared,
  standing: StandingParts,
  holders: readonly Holder[],
  running: ReadonlyMap<string, RunningStatus>,
  asOf: number,
): TrendScores {
  const windowFrom = asOf - prepared.data.settings.visibilityWindowDays * DAY_MS;
  const weights: Record<VisibilityBucket, number> = {
    full: 0,
    partial: 0,
    'partial-backer': 0,
    none: 0,
  };
  for (const holder of holders) {
    const sharedWith = within(running.get(holder.slug)?.lastSharedWorkAt, windowFrom);
    let heard = 0;
    for (const promoter of holder.promoters) {
      if (within(running.get(promoter.slug)?.lastPromotedMeAt, windowFrom))
        heard = Math.max(heard, promoter.credit);
    }
    weights[bucketOf(sharedWith, heard)] += holder.weight;
  }
  let onTime = 0;
  for (const person of standing.tagged) {
    const totals = running.get(person.slug);
    if (!totals || totals.lastTouchAt === null) continue;
    const dueAt = dueAtOf(totals.lastTouchAt, totals.person.createdAt, totals.cadenceDays);
    if (!isDueAt(dueAt, asOf)) onTime += 1;
  }
  const connectivity = connectivityOf(
    prepared.t,
    standing,
    cadencePart(prepared.t, onTime, standing.tagged.length),
    balancePart(prepared.t, running.values()),
  );
  return { visibility: visibilityScoreOf(weights), connectivity: connectivity.score };
}

/** The snapshot at `asOf`, and the trend scores at each of `pastDates`, from one sweep. */
export function snapshotAndTrend(
  prepared: Prepared,
  asOf: number,
  pastDates: readonly number[],
): { snap: Snapshot; past: TrendScores[]; standing: StandingParts } {
  const { people, touches, followUps, settings } = prepared.data;
  const standing = standingParts(prepared);
  const holders = prepared.keyHolders.map((person) => ({
    slug: person.slug,
    weight: keyHolderWeight(person),
    promoters: neighbours(prepared, person.slug)
      .map((other) => ({ slug: other.slug, credit: promotionCredit(other) }))
      .filter((promoter) => promoter.credit > 0),
  }));
  let snap: Snapshot | undefined;
  const past = new Array<TrendScores>(pastDates.length);
  sweepDates(people, touches, settings, [asOf, ...pastDates], (i, date, running) => {
    if (i === 0) snap = { ...prepared, asOf, status: statusIndexOf(running, followUps, asOf) };
    else past[i - 1] = trendScoresAt(prepared, standing, holders, running, date);
  });
  return { snap: snap!, past, standing };
}
