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

/** A value of the file as a problem names it: 'boss', a list, nothing. */
function describe(input: unknown, t: Translator): string {
  if (input === undefined) return t.t('backupValue_nothing');
  if (input === null) return 'null';
  if (Array.isArray(input)) return t.t('backupValue_list');
  if (typeof input === 'object') return t.t('backupValue_object');
  if (typeof input === 'string') {
    return input.length > 40
      ? t.n('backupValue_longText', input.length, { text: input.slice(0, 40) })
      : t.t('backupValue_text', { text: input });
  }
  return String(input);
}

/**
 * The whole file's schema, each problem said in `t`'s language. Built once per language: the
 * messages are valibot's, fixed when a schema is made.
 */
function makeBackupSchema(t: Translator) {
  const found = (issue: { input: unknown }) => ({ found: describe(issue.input, t) });
  const objectMessage = (issue: v.StrictObjectIssue): string => {
    if (issue.expected === 'never') return t.t('backupField_notField');
    if (issue.expected !== 'Object') return t.t('backupField_missing');
    return t.t('backupField_expectedObject', found(issue));
  };

  const text = (max: number) =>
    v.pipe(
      v.string((issue) => t.t('backupField_expectedText', found(issue))),
      v.maxLength(max, (issue) => t.n('backupField_tooLong', issue.input.length, { max })),
    );
  const nonEmptyText = (max: number) => v.pipe(text(max), v.minLength(1, t.t('backupField_empty')));
  const oneOf = <const T extends readonly string[]>(options: T, message: OneOfMessage) =>
    v.picklist(options, (issue) => t.t(message, { value: describe(issue.input, t) }));
  const list = <const T extends v.GenericSchema>(item: T) =>
    v.array(item, (issue) => t.t('backupField_expectedList', found(issue)));
  const boolean = v.boolean((issue) => t.t('backupField_expectedBoolean', found(issue)));

  const wholeNumber = (min: number, max: number) => {
    const message = (issue: { input: unknown }) =>
      t.t('backupField_notWholeNumber', { value: describe(issue.input, t), min, max });
    return v.pipe(
      v.number(message),
      v.integer(message),
      v.minValue(min, message),
      v.maxValue(max, message),
    );
  };

  const date = (() => {
    const message = (issue: { input: unknown }) =>
      t.t('backupField_notDate', { value: describe(issue.input, t) });
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
        v.maxLength(
          FIELD_LIMITS.aliases,
          t.t('backupField_tooManyAliases', { max: FIELD_LIMITS.aliases }),
        ),
      ),
      name: text(LIMITS.name),
      headline: text(LIMITS.shortText),
      company: text(LIMITS.shortText),
      roles: v.pipe(
        list(oneOf(ROLES, 'backupField_notRole')),
        v.maxLength(ROLES.length, t.t('backupField_tooManyRoles', { max: ROLES.length })),
      ),
      level: oneOf(LEVELS, 'backupField_notLevel'),
      influence: oneOf(INFLUENCES, 'backupField_notInfluence'),
      stance: oneOf(STANCES, 'backupField_notStance'),
      basis: oneOf(BASES, 'backupField_notBasis'),
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
      kind: oneOf(TOUCH_KINDS, 'backupField_notTouchKind'),
      direction: oneOf(DIRECTIONS, 'backupField_notDirection'),
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
      status: oneOf(FOLLOW_UP_STATUSES, 'backupField_notFollowUpStatus'),
      doneAt: v.nullable(date),
      createdAt: date,
    },
    objectMessage,
  );

  const records = {
    person: personSchema,
    note: noteSchema,
    touch: touchSchema,
    tie: tieSchema,
    followUp: followUpSchema,
  } as const;
  const backup = v.strictObject(
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
  return { backup, records };
}

/** What a value outside a list of choices is said to be not ("'boss' is not a role"). */
type OneOfMessage =
  | 'backupField_notRole'
  | 'backupField_notLevel'
  | 'backupField_notInfluence'
  | 'backupField_notStance'
  | 'backupField_notBasis'
  | 'backupField_notTouchKind'
  | 'backupField_notDirection'
  | 'backupField_notFollowUpStatus';

type BackupSchemas = ReturnType<typeof makeBackupSchema>;
const schemas = new WeakMap<Translator, BackupSchemas>();

function schemasIn(t: Translator): BackupSchemas {
  let made = schemas.get(t);
  if (!made) schemas.set(t, (made = makeBackupSchema(t)));
  return made;
}

function backupSchema(t: Translator): BackupSchemas['backup'] {
  return schemasIn(t).backup;
}

/** Each record's schema, for other readers of records from outside (sync's documents). */
export function recordSchemas(t: Translator = english): BackupSchemas['records'] {
  return schemasIn(t).records;
}

// The schema's output must be exactly the model's records, or a restore could store strays.
const schemaMatchesModel: v.InferOutput<BackupSchemas['backup']> extends Backup ? true : never =
  true;
void schemaMatchesModel;

type Path = ReadonlyArray<string | number>;

function formatPath(path: Path): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? key : `.${key}`))
    .join('');
}

/** A problem at a field: its path stays the file's own (`people[3].roles[0]`), in any language. */
function located(path: Path, problem: string, t: Translator): string {
  return path.length ? t.t('backupField_at', { path: formatPath(path), problem }) : problem;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The first key that could pollute prototypes, or nesting deeper than the format has. */
function findHostileShape(value: unknown, t: Translator, path: Path = []): string | null {
  if (typeof value !== 'object' || value === null) return null;
  if (path.length > FIELD_LIMITS.nesting) return located(path, t.t('backupField_tooDeep'), t);
  const entries: Array<[string | number, unknown]> = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : Object.keys(value).map((key) => [key, (value as Record<string, unknown>)[key]]);
  for (const [key, child] of entries) {
    if (typeof key === 'string' && FORBIDDEN_KEYS.has(key)) {
      return located([...path, key], t.t('backupField_keyNotAllowed'), t);
    }
    const problem = findHostileShape(child, t, [...path, key]);
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
  t: Translator,
): string | null {
  const seen = new Set<string>();
  for (const [index, record] of records.entries()) {
    const key = keyOf(record);
    if (seen.has(key))
      return located(
        [table, index, field],
        t.t('backupField_twice', { value: describe(key, t) }),
        t,
      );
    seen.add(key);
  }
  return null;
}

/** Keys unique, ties well formed, and every record pointing at a person in the same file. */
function findBrokenReference(backup: Backup, t: Translator): string | null {
  const problem =
    findDuplicate(backup.people, (p) => p.slug, 'people', 'slug', t) ??
    findDuplicate(backup.notes, (n) => n.id, 'notes', 'id', t) ??
    findDuplicate(backup.touches, (touch) => touch.id, 'touches', 'id', t) ??
    findDuplicate(backup.ties, (tie) => tie.id, 'ties', 'id', t) ??
    findDuplicate(backup.ties, (tie) => JSON.stringify([tie.a, tie.b]), 'ties', 'b', t) ??
    findDuplicate(backup.followUps, (f) => f.id, 'followUps', 'id', t);
  if (problem) return problem;

  const slugs = new Set(backup.people.map((person) => person.slug));
  const missing = (slug: string) => t.t('backupField_notPerson', { value: describe(slug, t) });
  for (const table of ['notes', 'touches', 'followUps'] as const) {
    for (const [index, record] of backup[table].entries()) {
      if (!slugs.has(record.personSlug))
        return located([table, index, 'personSlug'], missing(record.personSlug), t);
    }
  }
  for (const [index, tie] of backup.ties.entries()) {
    if (!slugs.has(tie.a)) return located(['ties', index, 'a'], missing(tie.a), t);
    if (!slugs.has(tie.b)) return located(['ties', index, 'b'], missing(tie.b), t);
    if (!(tie.a < tie.b)) return located(['ties', index], t.t('backupField_tieOrder'), t);
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
      : t.t('backup_unknownVersion', { version: describe(version, t), current: BACKUP_VERSION });
  }
  return null;
}

/**
 * Reads a backup file's text and validates all of it; never throws. What is wrong is said in
 * `t`'s language; a field's problem names its path in the file's own terms (`people[3].slug`).
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
  const problem = findHostileShape(data, t) ?? checkHeader(data, t);
  if (problem) return { ok: false, error: problem };

  const result = v.safeParse(backupSchema(t), data);
  if (!result.success) {
    const [first] = result.issues;
    const problem = located(issuePath(first), first.message, t);
    const more = result.issues.length - 1;
    return {
      ok: false,
      error: more > 0 ? t.n('backupField_andMore', more, { problem }) : problem,
    };
  }
  const broken = findBrokenReference(result.output, t);
  return broken ? { ok: false, error: broken } : { ok: true, backup: result.output };
}
