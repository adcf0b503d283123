/**
 * Where each relationship stands on a given date: last touch, when the next one is due,
 * give/take over 90 days and open follow-ups. Built for every person in one pass over the
 * touches and one over the follow-ups, so it stays fast at 10,000 people and 100,000 touches.
 */
import { cadenceFor, DAY_MS, type FollowUp, type Settings, type Touch } from '@/utils/model';
import type { InsightPerson } from './types';

/** Give/take and the open-follow-up counts look back this many days. */
export const BALANCE_WINDOW_DAYS = 90;

/** One relationship's state as of a date. */
export interface PersonStatus {
  slug: string;
  /** Days between touches that apply to this person. */
  cadenceDays: number;
  /** Latest touch on or before the date; null when there is none. */
  lastTouchAt: number | null;
  /** Last touch (or, never touched, the day the person was added) plus the cadence. */
  dueAt: number;
  isDue: boolean;
  /** gave90 − received90: positive when the user gives more than they take. */
  balance90: number;
  /** Touches in the last 90 days where the user gave (`gave` or `both`). */
  gave90: number;
  /** Touches in the last 90 days where the user received (`received` or `both`). */
  received90: number;
  /** Follow-ups that existed and were not done on the date. */
  openFollowUps: number;
  /** Open follow-ups whose due date had passed. */
  overdueFollowUps: number;
  /** Latest `shared-work` touch on or before the date. */
  lastSharedWorkAt: number | null;
  /** Latest `they-promoted-me` touch on or before the date. */
  lastPromotedMeAt: number | null;
}

/** Days between touches, falling back to the default when settings hold something unusable. */
function safeCadence(person: InsightPerson, settings: Settings): number {
  const days = cadenceFor(person, settings);
  if (Number.isFinite(days) && days > 0) return days;
  return Number.isFinite(settings.defaultCadenceDays) && settings.defaultCadenceDays > 0
    ? settings.defaultCadenceDays
    : 30;
}

function later(current: number | null, at: number): number {
  return current === null || at > current ? at : current;
}

/** Was the follow-up open at `asOf`? It must exist by then and not be done by then. */
export function isOpenAt(followUp: FollowUp, asOf: number): boolean {
  if (followUp.createdAt > asOf) return false;
  if (followUp.status === 'open') return true;
  return followUp.doneAt !== null && followUp.doneAt > asOf;
}

function emptyStatus(person: InsightPerson, settings: Settings): PersonStatus {
  return {
    slug: person.slug,
    cadenceDays: safeCadence(person, settings),
    lastTouchAt: null,
    dueAt: 0,
    isDue: false,
    balance90: 0,
    gave90: 0,
    received90: 0,
    openFollowUps: 0,
    overdueFollowUps: 0,
    lastSharedWorkAt: null,
    lastPromotedMeAt: null,
  };
}

/** Counts one touch known to be on or before `asOf`; `balanceFrom` starts the 90-day window. */
function addTouch(status: PersonStatus, touch: Touch, balanceFrom: number): void {
  status.lastTouchAt = later(status.lastTouchAt, touch.at);
  if (touch.kind === 'shared-work')
    status.lastSharedWorkAt = later(status.lastSharedWorkAt, touch.at);
  if (touch.kind === 'they-promoted-me')
    status.lastPromotedMeAt = later(status.lastPromotedMeAt, touch.at);
  if (touch.at > balanceFrom) {
    // `both` counts on each side, so it leaves the balance unchanged.
    if (touch.direction !== 'received') status.gave90 += 1;
    if (touch.direction !== 'gave') status.received90 += 1;
  }
}

function addFollowUp(status: PersonStatus, followUp: FollowUp, asOf: number): void {
  if (!isOpenAt(followUp, asOf)) return;
  status.openFollowUps += 1;
  if (followUp.due < asOf) status.overdueFollowUps += 1;
}

function finish(status: PersonStatus, person: InsightPerson, asOf: number): void {
  status.balance90 = status.gave90 - status.received90;
  status.dueAt = dueAtOf(status.lastTouchAt, person.createdAt, status.cadenceDays);
  status.isDue = isDueAt(status.dueAt, asOf);
}

/** The status of every person as of `asOf`, keyed by slug. Touches and follow-ups after `asOf` are ignored. */
export function buildStatusIndex(
  people: readonly InsightPerson[],
  touches: readonly Touch[],
  followUps: readonly FollowUp[],
  settings: Settings,
  asOf: number,
): Map<string, PersonStatus> {
  const index = new Map<string, PersonStatus>();
  for (const person of people) index.set(person.slug, emptyStatus(person, settings));
  const balanceFrom = asOf - BALANCE_WINDOW_DAYS * DAY_MS;
  for (const touch of touches) {
    if (!(touch.at <= asOf)) continue; // also skips NaN dates
    const status = index.get(touch.personSlug);
    if (status) addTouch(status, touch, balanceFrom);
  }
  for (const followUp of followUps) {
    const status = index.get(followUp.personSlug);
    if (status) addFollowUp(status, followUp, asOf);
  }
  for (const person of people) {
    const status = index.get(person.slug);
    if (status) finish(status, person, asOf);
  }
  return index;
}

/** One person's totals as of the date being visited while the dates are swept in order. */
export interface RunningStatus {
  readonly person: InsightPerson;
  readonly cadenceDays: number;
  lastTouchAt: number | null;
  lastSharedWorkAt: number | null;
  lastPromotedMeAt: number | null;
  gave90: number;
  received90: number;
}

function countBalance(running: RunningStatus, touch: Touch, sign: 1 | -1): void {
  if (touch.direction !== 'received') running.gave90 += sign;
  if (touch.direction !== 'gave') running.received90 += sign;
}

/** When a relationship is due again: its last touch (or, never touched, its start) plus its cadence. */
export function dueAtOf(
  lastTouchAt: number | null,
  createdAt: number,
  cadenceDays: number,
): number {
  return (lastTouchAt ?? createdAt) + cadenceDays * DAY_MS;
}

/** Whether a relationship due at `dueAt` is due at `asOf`. */
export function isDueAt(dueAt: number, asOf: number): boolean {
  return asOf >= dueAt;
}

/**
 * Visits every person's totals at each of `dates` (in ascending order, a NaN date first), with
 * one sort of the touches and one sweep over them: last touches only grow with the date, and
 * the 90-day give/take window slides forward, each touch entering and leaving it once. `visit`
 * gets the index of the date in `dates` and the totals by slug, in the order of `people` (a slug
 * seen twice keeps its first place and its last person, as buildStatusIndex does); it must not
 * keep them, as they move on to the next date.
 */
export function sweepDates(
  people: readonly InsightPerson[],
  touches: readonly Touch[],
  settings: Settings,
  dates: readonly number[],
  visit: (i: number, asOf: number, running: ReadonlyMap<string, RunningStatus>) => void,
): void {
  const running = new Map<string, RunningStatus>();
  for (const person of people) {
    running.set(person.slug, {
      person,
      cadenceDays: safeCadence(person, settings),
      lastTouchAt: null,
      lastSharedWorkAt: null,
      lastPromotedMeAt: null,
      gave90: 0,
      received90: 0,
    });
  }
  const sorted: Array<{ touch: Touch; running: RunningStatus }> = [];
  for (const touch of touches) {
    const owner = running.get(touch.personSlug);
    // NaN dates are never "on or before" a date, so they never count.
    if (owner && touch.at === touch.at) sorted.push({ touch, running: owner });
  }
  sorted.sort((a, b) => a.touch.at - b.touch.at);

  // Ascending; a NaN date (which no touch is on or before) goes first, before any touch enters.
  const key = (i: number) => {
    const date = dates[i] ?? NaN;
    return date === date ? date : -Infinity;
  };
  const order = dates.map((_, i) => i).sort((a, b) => key(a) - key(b) || a - b);
  let entered = 0; // touches with at <= asOf
  let left = 0; // touches with at <= asOf − 90 days, out of the give/take window
  for (const i of order) {
    const asOf = dates[i] ?? NaN;
    const balanceFrom = asOf - BALANCE_WINDOW_DAYS * DAY_MS;
    for (; entered < sorted.length && sorted[entered]!.touch.at <= asOf; entered++) {
      const { touch, running: owner } = sorted[entered]!;
      owner.lastTouchAt = later(owner.lastTouchAt, touch.at);
      if (touch.kind === 'shared-work')
        owner.lastSharedWorkAt = later(owner.lastSharedWorkAt, touch.at);
      if (touch.kind === 'they-promoted-me')
        owner.lastPromotedMeAt = later(owner.lastPromotedMeAt, touch.at);
      countBalance(owner, touch, 1);
    }
    for (; left < entered && sorted[left]!.touch.at <= balanceFrom; left++) {
      countBalance(sorted[left]!.running, sorted[left]!.touch, -1);
    }
    visit(i, asOf, running);
  }
}

/** Every person's status at `asOf` from their swept totals. */
export function statusIndexOf(
  running: ReadonlyMap<string, RunningStatus>,
  followUps: readonly FollowUp[],
  asOf: number,
): Map<string, PersonStatus> {
  const index = new Map<string, PersonStatus>();
  for (const [slug, owner] of running) {
    index.set(slug, {
      slug,
      cadenceDays: owner.cadenceDays,
      lastTouchAt: owner.lastTouchAt,
      dueAt: 0,
      isDue: false,
      balance90: 0,
      gave90: owner.gave90,
      received90: owner.received90,
      openFollowUps: 0,
      overdueFollowUps: 0,
      lastSharedWorkAt: owner.lastSharedWorkAt,
      lastPromotedMeAt: owner.lastPromotedMeAt,
    });
  }
  for (const followUp of followUps) {
    const status = index.get(followUp.personSlug);
    if (status) addFollowUp(status, followUp, asOf);
  }
  for (const [slug, status] of index) finish(status, running.get(slug)!.person, asOf);
  return index;
}

/** One person's status as of `asOf`; touches and follow-ups of other people are ignored. */
export function personStatus(
  person: InsightPerson,
  touches: readonly Touch[],
  followUps: readonly FollowUp[],
  settings: Settings,
  asOf: number,
): PersonStatus {
  const status = emptyStatus(person, settings);
  const balanceFrom = asOf - BALANCE_WINDOW_DAYS * DAY_MS;
  for (const touch of touches) {
    if (touch.personSlug === person.slug && touch.at <= asOf) addTouch(status, touch, balanceFrom);
  }
  for (const followUp of followUps) {
    if (followUp.personSlug === person.slug) addFollowUp(status, followUp, asOf);
  }
  finish(status, person, asOf);
  return status;
}
