/**
 * The merge rules of sync (docs/sync.md, "Nothing lost"): what one document becomes when devices
 * changed it concurrently. Pure and deterministic, so that every device that merges the same
 * versions writes the same result, whatever order they arrived in.
 *
 * `base` is the last version all of them started from, when the device still has it. With it,
 * what each device changed is known: a field changed on one side takes that change, changes on
 * both sides are joined (texts, sets) or the later one wins (a level, a date); a record deleted
 * on one side and unchanged on the other is deleted, and one edited anywhere is kept. Without
 * it, nothing can be told apart from a change, so everything is kept: sets are joined, texts
 * both kept, records united.
 */
import {
  byId,
  canonicalText,
  type DocContent,
  type PersonContent,
  type TieContent,
} from './documents';
import {
  byCodeUnit,
  LIMITS,
  type FollowUp,
  type Note,
  type Person,
  type Tie,
  type Touch,
} from '@/utils/model';

/** A value's identity for comparison (undefined is a value: an absent member id). */
function identity(value: unknown): string {
  return value === undefined ? '\u0000' : canonicalText(value);
}

function distinct<T>(values: readonly T[]): T[] {
  const seen = new Map<string, T>();
  for (const value of values) {
    const key = identity(value);
    if (!seen.has(key)) seen.set(key, value);
  }
  return [...seen.entries()].sort(([x], [y]) => byCodeUnit(x, y)).map(([, value]) => value);
}

/** The values that differ from the base (all distinct values when there is no base). */
function changes<T>(base: { value: T } | undefined, values: readonly T[]): T[] {
  const unique = distinct(values);
  return base ? unique.filter((value) => identity(value) !== identity(base.value)) : unique;
}

/** The item that sorts last by `order`, then by content: the same pick on every device. */
function latest<T>(items: readonly T[], order: (item: T) => number): T {
  return [...items]
    .sort((x, y) => order(x) - order(y) || byCodeUnit(identity(x), identity(y)))
    .at(-1)!;
}

/** Several texts kept as one: each once, none that another already contains, blank ones dropped. */
export function joinTexts(texts: readonly string[], separator = '\n\n'): string {
  const kept = distinct(texts.map((text) => text.trim()).filter(Boolean));
  return kept
    .filter((text) => !kept.some((other) => other !== text && other.includes(text)))
    .join(separator);
}

/** A text as changed on each side: one change wins, several are joined. */
function mergeText(base: string | undefined, values: readonly string[], separator: string): string {
  const changed = changes(base === undefined ? undefined : { value: base }, values);
  if (changed.length === 0) return base!;
  return changed.length === 1 ? changed[0]! : joinTexts(changed, separator);
}

/** A set changed on several sides: each addition and each removal counts; without a base, all. */
function mergeSet<T extends string>(
  base: readonly T[] | undefined,
  sets: readonly (readonly T[])[],
): T[] {
  if (!base) return distinct(sets.flat()).sort(byCodeUnit);
  const removed = new Set(sets.flatMap((set) => base.filter((item) => !set.includes(item))));
  const added = distinct(sets.flatMap((set) => set.filter((item) => !base.includes(item)))).sort(
    byCodeUnit,
  );
  return [...base.filter((item) => !removed.has(item)), ...added];
}

/** Whether a field holds something rather than its "not said" value. */
function isSet(value: unknown): boolean {
  return (
    value !== undefined && value !== null && value !== '' && value !== 'unknown' && value !== false
  );
}

const PERSON_TEXTS = new Set<keyof Person>(['motivations', 'influencedBy']);
const PERSON_SETS = new Set<keyof Person>(['roles', 'aliases']);

function mergePerson(base: Person | undefined, people: readonly Person[]): Person {
  const fields = [...new Set(people.flatMap((person) => Object.keys(person)))] as (keyof Person)[];
  const merged: Record<string, unknown> = {};
  for (const field of fields) {
    const values = people.map((person) => person[field]);
    if (field === 'createdAt' || field === 'updatedAt') {
      const dates = values as number[];
      merged[field] = field === 'createdAt' ? Math.min(...dates) : Math.max(...dates);
      continue;
    }
    const changed = changes(base && { value: base[field] }, values);
    if (changed.length === 0) merged[field] = base![field];
    else if (changed.length === 1) merged[field] = changed[0];
    else if (PERSON_SETS.has(field))
      merged[field] = mergeSet(base?.[field] as string[] | undefined, values as string[][]);
    else if (PERSON_TEXTS.has(field)) merged[field] = joinTexts(changed as string[]);
    else {
      // The later change wins; without a base, a value said beats one not said.
      const candidates = base ? changed : changed.some(isSet) ? changed.filter(isSet) : changed;
      const owners = people.filter((person) =>
        candidates.some((value) => identity(value) === identity(person[field])),
      );
      merged[field] = latest(owners, (person) => person.updatedAt)[field];
    }
  }
  if (merged.memberId === undefined) delete merged.memberId;
  merged.aliases = (merged.aliases as string[]).filter((alias) => alias !== merged.slug);
  return merged as unknown as Person;
}

/**
 * Records by id: one deleted on a side and unchanged elsewhere is deleted; one edited anywhere
 * is kept, its versions resolved by `resolve` (which may keep several); new ones are united.
 */
function mergeRecords<T extends { id: string }>(
  base: readonly T[] | undefined,
  lists: readonly (readonly T[])[],
  resolve: (base: T | undefined, versions: T[]) => T[],
): T[] {
  const baseById = new Map(base?.map((record) => [record.id, record]));
  const maps = lists.map((list) => new Map(list.map((record) => [record.id, record])));
  const ids = [...new Set([...baseById.keys(), ...maps.flatMap((map) => [...map.keys()])])];
  const out = new Map<string, T>();
  for (const id of ids.sort(byCodeUnit)) {
    const before = baseById.get(id);
    const present = maps.flatMap((map) => map.get(id) ?? []);
    let kept: T[];
    if (before) {
      const edits = changes({ value: before }, present);
      if (edits.length) kept = resolve(before, edits);
      else kept = present.length < maps.length ? [] : [before];
    } else {
      kept = resolve(undefined, distinct(present));
    }
    for (const record of kept) if (!out.has(record.id)) out.set(record.id, record);
  }
  return byId([...out.values()]);
}

/** A short stable digest of a text (53-bit cyrb53), for the id of a note kept beside another. */
function textDigest(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** A note edited on two devices is kept twice, side by side: the later edit keeps its id. */
function resolveNotes(_base: Note | undefined, versions: Note[]): Note[] {
  const byText = new Map<string, Note>();
  for (const note of versions) {
    const kept = byText.get(note.text);
    if (!kept || latest([kept, note], (n) => n.updatedAt) === note) byText.set(note.text, note);
  }
  const ordered = [...byText.values()].sort(
    (x, y) => y.updatedAt - x.updatedAt || byCodeUnit(identity(y), identity(x)),
  );
  return ordered.map((note, i) =>
    i === 0 ? note : { ...note, id: `${note.id}~${textDigest(note.text)}` },
  );
}

/** A touch is written once; versions differ only by what merges did: the latest wins, notes kept. */
function resolveTouches(base: Touch | undefined, versions: Touch[]): Touch[] {
  const winner = latest(versions, (touch) => touch.createdAt);
  return [
    {
      ...winner,
      note: mergeText(
        base?.note,
        versions.map((touch) => touch.note),
        ' / ',
      ),
    },
  ];
}

/** A follow-up marked done anywhere is done; its text kept from every side. */
function resolveFollowUps(base: FollowUp | undefined, versions: FollowUp[]): FollowUp[] {
  if (versions.length === 1) return versions;
  const statusChanges = base ? versions.filter((f) => f.status !== base.status) : versions;
  const done = statusChanges.filter((f) => f.status === 'done');
  const status = done.length ? 'done' : (statusChanges[0]?.status ?? base?.status ?? 'open');
  const dues = changes(
    base && { value: base.due },
    versions.map((f) => f.due),
  );
  return [
    {
      ...latest(versions, (f) => f.createdAt),
      text: mergeText(
        base?.text,
        versions.map((f) => f.text),
        ' / ',
      ),
      due: dues.length ? Math.max(...dues) : base!.due,
      status,
      doneAt:
        status === 'done' ? Math.max(...done.map((f) => f.doneAt ?? 0), base?.doneAt ?? 0) : null,
      createdAt: Math.min(...versions.map((f) => f.createdAt)),
    },
  ];
}

function mergeTie(base: Tie | undefined, ties: readonly Tie[]): Tie {
  const label = mergeText(
    base?.label,
    ties.map((tie) => tie.label),
    ' / ',
  );
  return {
    ...ties.reduce((first, tie) => (byCodeUnit(tie.id, first.id) < 0 ? tie : first)),
    label: label.slice(0, LIMITS.label),
    createdAt: Math.min(...ties.map((tie) => tie.createdAt)),
  };
}

function mergePeopleContent(
  base: PersonContent | undefined,
  versions: PersonContent[],
): PersonContent {
  return {
    ...versions[0]!,
    person: mergePerson(
      base?.person,
      versions.map((v) => v.person),
    ),
    notes: mergeRecords(
      base?.notes,
      versions.map((v) => v.notes),
      resolveNotes,
    ),
    touches: mergeRecords(
      base?.touches,
      versions.map((v) => v.touches),
      resolveTouches,
    ),
    followUps: mergeRecords(
      base?.followUps,
      versions.map((v) => v.followUps),
      resolveFollowUps,
    ),
  };
}

/**
 * What one document becomes from the versions devices wrote concurrently, given the version
 * they started from (`base`) when known. A deletion meets an edit: the edit wins, so a change
 * made offline is never lost to a deletion it did not see.
 */
export function mergeVersions(
  base: DocContent | undefined,
  versions: readonly DocContent[],
): DocContent {
  const unique = distinct(versions);
  if (unique.length === 1) return unique[0]!;
  const liveBase = base && base.kind !== 'gone' ? base : undefined;
  const live = unique.filter((version) => version.kind !== 'gone');
  // Versions that only deleted, or left the base as it was, say nothing against an edit.
  const edited = liveBase
    ? live.filter((version) => identity(version) !== identity(liveBase))
    : live;
  if (!edited.length) return unique.find((version) => version.kind === 'gone') ?? unique[0]!;
  // A deletion is outweighed; unchanged versions agree with the base and change nothing.
  if (edited[0]!.kind === 'tie') {
    const ties = live as TieContent[];
    return {
      ...ties[0]!,
      tie: mergeTie(
        (liveBase as TieContent | undefined)?.tie,
        ties.map((v) => v.tie),
      ),
    };
  }
  const people = live as PersonContent[];
  return mergePeopleContent(liveBase as PersonContent | undefined, people);
}
