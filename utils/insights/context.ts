/**
 * The indexes every insight needs, built once per data set (people by slug, ties, key holders)
 * and once per date (each person's status), so the weekly report can score 13 dates cheaply.
 */
import type { Translator } from '@/utils/i18n';
import { english } from '@/utils/i18n/english';
import { isKeyHolder, tieIndex } from './alliance';
import { buildStatusIndex, type PersonStatus } from './people';
import type { InsightData, InsightPerson } from './types';

/** Date-independent indexes over one data set. */
export interface Prepared {
  data: InsightData;
  bySlug: Map<string, InsightPerson>;
  ties: Map<string, Set<string>>;
  keyHolders: InsightPerson[];
  /** The language the engine's sentences are written in. */
  t: Translator;
}

/** The data seen from one date. */
export interface Snapshot extends Prepared {
  asOf: number;
  status: Map<string, PersonStatus>;
}

/** Builds the date-independent indexes; the sentences are in `t`'s language. */
export function prepare(data: InsightData, t: Translator = english): Prepared {
  const bySlug = new Map<string, InsightPerson>();
  for (const person of data.people) bySlug.set(person.slug, person);
  const people = [...bySlug.values()];
  return {
    data,
    bySlug,
    ties: tieIndex(data.ties),
    keyHolders: people.filter(isKeyHolder),
    t,
  };
}

/** Adds every person's status as of `asOf`. */
export function snapshot(prepared: Prepared, asOf: number): Snapshot {
  const { people, touches, followUps, settings } = prepared.data;
  return {
    ...prepared,
    asOf,
    status: buildStatusIndex(people, touches, followUps, settings, asOf),
  };
}

/** The people tied to `slug` that exist in the record. */
export function neighbours(snap: Prepared, slug: string): InsightPerson[] {
  const found: InsightPerson[] = [];
  for (const other of snap.ties.get(slug) ?? []) {
    const person = snap.bySlug.get(other);
    if (person) found.push(person);
  }
  return found;
}
