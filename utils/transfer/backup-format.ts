/**
 * The Alliance Map backup file: its shape, and the validation that every file passes before a
 * single record is written. A backup may come from anywhere (an old version, a hand edit, an
 * attacker), so the whole file is checked with valibot and each problem is named with its path,
 * e.g. `people[3].roles[0]: 'boss' is not a role`.
 */
import * as v from 'valibot';
import { english } from '@/utils/i18n/english';
import type { Translator } from '@/utils/i18n/translator';
import {
  BASES,
  DIRECTIONS,
  FOLLOW_UP_STATUSES,
  INFLUENCES,
  LEVELS,
  LIMITS,
  ROLES,
  STANCES,
  TOUCH_KINDS,
  type FollowUp,
  type Note,
  type Person,
  type Settings,
  type Tie,
  type Touch,
} from '@/utils/model';

/** Names the file type, so that any other JSON is recognised as "not a backup". */
export const BACKUP_FORMAT = 'alliance-map-backup';
/** Bumped whenever the file's shape changes; older readers refuse newer files. */
export const BACKUP_VERSION = 1;

/** Larger files are refused before parsing: a backup of a real network is a few megabytes. */
export const MAX_BACKUP_CHARS = 64 * 1024 * 1024;

/** Bounds of fields the model leaves open (URLs, ids, lists), generous for real data. */
const FIELD_LIMITS = {
  url: 2_000,
  key: LIMITS.shortText,
  aliases: 1_000,
  nesting: 8,
} as const;

/** The whole content of a backup file, as written by `exportBackup`. */
export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: number;
  settings: Settings;
  people: Person[];
  notes: Note[];
  touches: Touch[];
  ties: Tie[];
  followUps: FollowUp[];
}

/** Outcome of reading a file: the backup, or one message naming the first problem found. */
export type ParseBackupResult = { ok: true; backup: Backup } | { ok: false; error: string };

function describe(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'an object';
  if (typeof input === 'string') {
    return input.length > 40
      ? `'${input.slice(0, 40)}…' (${input.length} characters)`
      : `'${input}'`;
  }
  return String(input);
}

const objectMessage = (issue: v.StrictObjectIssue): string => {
  if (issue.expected === 'never') return 'is not a field of this format';
  if (issue.expected !== 'Object') return 'is missing';
  return `expected an object but found ${describe(issue.input)}`;
};

function text(max: number) {
  return v.pipe(
    v.string((issue) => `expected text but found ${describe(issue.input)}`),
    v.maxLength(
      max,
      (issue) => `is ${issue.input.length} characters long, more than the ${max} allowed`,
    ),
  );
}

function nonEmptyText(max: number) {
  return v.pipe(text(max), v.minLength(1, 'must not be empty'));
}

function oneOf<const T extends readonly string[]>(options: T, what: string) {
  return v.picklist(options, (issue) => `${describe(issue.input)} is not ${what}`);
}

function list<const T extends v.GenericSchema>(item: T) {
  return v.array(item, (issue) => `expected a list but found ${describe(issue.input)}`);
}

const boolean = v.boolean((issue) => `expected true or false but found ${describe(issue.input)}`);

function wholeNumber(min: number, max: number) {
  const message = (issue: { input: unknown }) =>
    `${describe(issue.input)} is not a whole number from ${min} to ${max}`;
  return v.pipe(
    v.number(message),
    v.integer(message),
    v.minValue(min, message),
    v.maxValue(max, message),
  );
}

const date = (() => {
  const message = (issue: { input: unknown }) =>
    `${describe(issue.input)} is not a date between 1900 and 9999`;
  return v.pipe(
    v.number(message),
    v.finite(message),
    v.minValue(LIMITS.minDate, message),
    v.maxValue(LIMITS.maxDate, message),
  );
})();

const cadence = wholeNumber(LIMITS.cadenceDays.min, LIMITS.cadenceDays.max);

const settingsSchema = v.strictObject(
  {
    cadenceByRole: v.strictObject(
      Object.fromEntries(ROLES.map((role) => [role, cadence])) as Record<
        (typeof ROLES)[number],
        typeof cadence
      >,
      objectMessage,
    ),
    defaultCadenceDays: cadence,
    weekStart: wholeNumber(0, 6),
    visibilityWindowDays: wholeNumber(1, 365),
    stealth: boolean,
    weeklyNotification: boolean,
    debug: boolean,
    // Added after the first release: a backup written before it restores with no start date.
    roleStartedAt: v.optional(v.nullable(date), null),
  },
  objectMessage,
);

const personSchema = v.strictObject(
  {
    slug: nonEmptyText(FIELD_LIMITS.key),
    profileUrl: text(FIELD_LIMITS.url),
    memberId: v.optional(nonEmptyText(FIELD_LIMITS.key)),
    aliases: v.pipe(
      list(nonEmptyText(FIELD_LIMITS.key)),
      v.maxLength(FIELD_LIMITS.aliases, `has more than ${FIELD_LIMITS.aliases} aliases`),
    ),
    name: text(LIMITS.name),
    headline: text(LIMITS.shortText),
    company: text(LIMITS.shortText),
    roles: v.pipe(
      list(oneOf(ROLES, 'a role')),
      v.maxLength(ROLES.length, `has more than ${ROLES.length} roles`),
    ),
    level: oneOf(LEVELS, 'a level'),
    influence: oneOf(INFLUENCES, 'an influence'),
    stance: oneOf(STANCES, 'a stance'),
    basis: oneOf(BASES, 'a basis of alliance'),
    decisionMaker: boolean,
    motivations: text(LIMITS.longText),
    influencedBy: text(LIMITS.longText),
    cadenceDays: v.nullable(cadence),
    createdAt: date,
    updatedAt: date,
  },
  objectMessage,
);

const noteSchema = v.strictObject(
  {
    id: nonEmptyText(FIELD_LIMITS.key),
    personSlug: nonEmptyText(FIELD_LIMITS.key),
    at: date,
    text: text(LIMITS.noteText),
    createdAt: date,
    updatedAt: date,
  },
  objectMessage,
);

const touchSchema = v.strictObject(
  {
    id: nonEmptyText(FIELD_LIMITS.key),
    personSlug: nonEmptyText(FIELD_LIMITS.key),
    at: date,
    kind: oneOf(TOUCH_KINDS, 'a kind of touch'),
    direction: oneOf(DIRECTIONS, 'a direction'),
    note: text(LIMITS.longText),
    createdAt: date,
  },
  objectMessage,
);

const tieSchema = v.strictObject(
  {
    id: nonEmptyText(FIELD_LIMITS.key),
    a: nonEmptyText(FIELD_LIMITS.key),
    b: nonEmptyText(FIELD_LIMITS.key),
    label: text(LIMITS.label),
    createdAt: date,
  },
  objectMessage,
);

const followUpSchema = v.strictObject(
  {
    id: nonEmptyText(FIELD_LIMITS.key),
    personSlug: nonEmptyText(FIELD_LIMITS.key),
    text: text(LIMITS.longText),
    due: date,
    status: oneOf(FOLLOW_UP_STATUSES, 'a follow-up status'),
    doneAt: v.nullable(date),
    createdAt: date,
  },
  objectMessage,
);

const backupSchema = v.strictObject(
  {
    format: v.literal(BACKUP_FORMAT),
    version: v.literal(BACKUP_VERSION),
    exportedAt: date,
    settings: settingsSchema,
    people: list(personSchema),
    notes: list(noteSchema),
    touches: list(touchSchema),
    ties: list(tieSchema),
    followUps: list(followUpSchema),
  },
  objectMessage,
);

/** Each record's schema, for other readers of records from outside (sync's documents). */
export const RECORD_SCHEMAS = {
  person: personSchema,
  note: noteSchema,
  touch: touchSchema,
  tie: tieSchema,
  followUp: followUpSchema,
} as const;

// The schema's output must be exactly the model's records, or a restore could store strays.
const schemaMatchesModel: v.InferOutput<typeof backupSchema> extends Backup ? true : never = true;
void schemaMatchesModel;

type Path = ReadonlyArray<string | number>;

function formatPath(path: Path): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? key : `.${key}`))
    .join('');
}

function located(path: Path, message: string): string {
  return path.length ? `${formatPath(path)}: ${message}` : message;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The first key that could pollute prototypes, or nesting deeper than the format has. */
function findHostileShape(value: unknown, path: Path = []): string | null {
  if (typeof value !== 'object' || value === null) return null;
  if (path.length > FIELD_LIMITS.nesting)
    return located(path, 'is nested deeper than the format allows');
  const entries: Array<[string | number, unknown]> = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : Object.keys(value).map((key) => [key, (value as Record<string, unknown>)[key]]);
  for (const [key, child] of entries) {
    if (typeof key === 'string' && FORBIDDEN_KEYS.has(key)) {
      return located([...path, key], 'this key is not allowed in a backup');
    }
    const problem = findHostileShape(child, [...path, key]);
    if (problem) return problem;
  }
  return null;
}

function issuePath(issue: v.BaseIssue<unknown>): Path {
  return (issue.path ?? []).map((item) =>
    typeof item.key === 'number' ? item.key : String(item.key),
  );
}

function findDuplicate<T>(
  records: readonly T[],
  keyOf: (record: T) => string,
  table: string,
  field: string,
): string | null {
  const seen = new Set<string>();
  for (const [index, record] of records.entries()) {
    const key = keyOf(record);
    if (seen.has(key)) return located([table, index, field], `${describe(key)} appears twice`);
    seen.add(key);
  }
  return null;
}

/** Keys unique, ties well formed, and every record pointing at a person in the same file. */
function findBrokenReference(backup: Backup): string | null {
  const problem =
    findDuplicate(backup.people, (p) => p.slug, 'people', 'slug') ??
    findDuplicate(backup.notes, (n) => n.id, 'notes', 'id') ??
    findDuplicate(backup.touches, (t) => t.id, 'touches', 'id') ??
    findDuplicate(backup.ties, (t) => t.id, 'ties', 'id') ??
    findDuplicate(backup.ties, (t) => JSON.stringify([t.a, t.b]), 'ties', 'b') ??
    findDuplicate(backup.followUps, (f) => f.id, 'followUps', 'id');
  if (problem) return problem;

  const slugs = new Set(backup.people.map((person) => person.slug));
  const missing = (slug: string) => `${describe(slug)} is not a person in this file`;
  for (const table of ['notes', 'touches', 'followUps'] as const) {
    for (const [index, record] of backup[table].entries()) {
      if (!slugs.has(record.personSlug))
        return located([table, index, 'personSlug'], missing(record.personSlug));
    }
  }
  for (const [index, tie] of backup.ties.entries()) {
    if (!slugs.has(tie.a)) return located(['ties', index, 'a'], missing(tie.a));
    if (!slugs.has(tie.b)) return located(['ties', index, 'b'], missing(tie.b));
    if (!(tie.a < tie.b))
      return located(['ties', index], 'its ends must be two people, stored in order (a < b)');
  }
  return null;
}

function checkHeader(data: unknown, t: Translator): string | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return t.t('backup_noObject');
  }
  const { format, version } = data as Record<string, unknown>;
  if (format !== BACKUP_FORMAT) return t.t('backup_notMarked');
  if (version !== BACKUP_VERSION) {
    return typeof version === 'number' && Number.isInteger(version) && version > BACKUP_VERSION
      ? t.t('backup_newerVersion', { version, current: BACKUP_VERSION })
      : t.t('backup_unknownVersion', { version: describe(version), current: BACKUP_VERSION });
  }
  return null;
}

/**
 * Reads a backup file's text and validates all of it; never throws. What is wrong with the file
 * as a whole is said in `t`'s language; a field's problem names its path in the file's own terms.
 */
export function parseBackup(text: string, t: Translator = english): ParseBackupResult {
  if (text.length > MAX_BACKUP_CHARS) {
    return {
      ok: false,
      error: t.t('backup_fileTooLarge', { size: MAX_BACKUP_CHARS / 1024 / 1024 }),
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: t.t('backup_notJson', { detail }) };
  }
  const problem = findHostileShape(data) ?? checkHeader(data, t);
  if (problem) return { ok: false, error: problem };

  const result = v.safeParse(backupSchema, data);
  if (!result.success) {
    const [first] = result.issues;
    const more = result.issues.length > 1 ? ` (and ${result.issues.length - 1} more problems)` : '';
    return { ok: false, error: `${located(issuePath(first), first.message)}${more}` };
  }
  const broken = findBrokenReference(result.output);
  return broken ? { ok: false, error: broken } : { ok: true, backup: result.output };
}
