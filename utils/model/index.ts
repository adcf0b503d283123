/**
 * The domain model of Alliance Map: what the user privately knows about the people around
 * their career. Pure types and constants, shared by every context (background, pages,
 * content script, tests). Dates are epoch milliseconds so that they index and sort as numbers.
 */

import { profileUrlForSlug } from '@/utils/linkedin/urls';

/** What a person is to the user; any set of them. */
export const ROLES = ['ally', 'mentor', 'sponsor', 'mentee', 'advisor'] as const;
export type Role = (typeof ROLES)[number];

/** Where a person sits relative to the user: the keys to a promotion sit at +1 and above. */
export const LEVELS = ['report', 'peer', 'plus1', 'plus2', 'plus3', 'unknown'] as const;
export type Level = (typeof LEVELS)[number];

export const INFLUENCES = ['unknown', 'low', 'medium', 'high'] as const;
export type Influence = (typeof INFLUENCES)[number];

export const STANCES = ['champion', 'supporter', 'neutral', 'skeptic', 'unknown'] as const;
export type Stance = (typeof STANCES)[number];

/** Why the alliance holds: misreading the basis damages the relationship. */
export const BASES = ['mutual-benefit', 'shared-purpose', 'both', 'unknown'] as const;
export type Basis = (typeof BASES)[number];

/** The habits that build alliances, plus plain contact. */
export const TOUCH_KINDS = [
  'offered-help',
  'received-help',
  'showed-appreciation',
  'followed-up',
  'promoted-them',
  'they-promoted-me',
  'spent-time',
  'resolved-disagreement',
  'asked-feedback',
  'shared-work',
  'message',
  'meeting',
] as const;
export type TouchKind = (typeof TOUCH_KINDS)[number];

/** Who gave: relationships must give both ways. */
export const DIRECTIONS = ['gave', 'received', 'both'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const FOLLOW_UP_STATUSES = ['open', 'done'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** A person the user keeps a record of. The public profile slug is the key. */
export interface Person {
  /** LinkedIn public slug from `/in/<slug>/`, decoded and lower-cased. */
  slug: string;
  profileUrl: string;
  /** LinkedIn member id (`ACoAA…`) when a page showed it; survives vanity-URL changes. */
  memberId?: string;
  /** Other keys that name this person: former slugs, member ids seen in lists. */
  aliases: string[];
  name: string;
  headline: string;
  company: string;
  roles: Role[];
  level: Level;
  influence: Influence;
  stance: Stance;
  basis: Basis;
  /** The user marks someone as deciding their promotion even when level/influence say otherwise. */
  decisionMaker: boolean;
  motivations: string;
  influencedBy: string;
  /** Days between touches; null means the default for the person's roles. */
  cadenceDays: number | null;
  createdAt: number;
  updatedAt: number;
}

/** Dated free text about a person. */
export interface Note {
  id: string;
  personSlug: string;
  at: number;
  text: string;
  createdAt: number;
  updatedAt: number;
}

/** A dated interaction, one of the alliance habits. */
export interface Touch {
  id: string;
  personSlug: string;
  at: number;
  kind: TouchKind;
  direction: Direction;
  note: string;
  createdAt: number;
}

/** Person `a` is strongly connected to person `b` (undirected; stored with a < b). */
export interface Tie {
  id: string;
  a: string;
  b: string;
  label: string;
  createdAt: number;
}

/** Something the user promised or must do for a person, by a date. */
export interface FollowUp {
  id: string;
  personSlug: string;
  text: string;
  due: number;
  status: FollowUpStatus;
  doneAt: number | null;
  createdAt: number;
}

/** Small preferences, kept in extension storage (not Dexie) and included in backups. */
export interface Settings {
  /** Default days between touches for each role. */
  cadenceByRole: Record<Role, number>;
  /** Cadence for people with no role. */
  defaultCadenceDays: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekStart: number;
  /** How long a shared win keeps a key holder aware of the user's work. */
  visibilityWindowDays: number;
  /** Inject nothing at all into LinkedIn's pages. */
  stealth: boolean;
  /** Show a system notification when the weekly report is ready. */
  weeklyNotification: boolean;
  /** Log selector misses to the console (off: never write to LinkedIn's console). */
  debug: boolean;
  /**
   * Local midnight of the day the user started a new role, or null. For 90 days from then the
   * weekly report focuses on meeting peers and the people one and two levels up.
   */
  roleStartedAt: number | null;
}

export const DEFAULT_SETTINGS: Settings = {
  cadenceByRole: { sponsor: 30, mentor: 30, advisor: 45, ally: 21, mentee: 30 },
  defaultCadenceDays: 60,
  weekStart: 1,
  visibilityWindowDays: 30,
  stealth: false,
  weeklyNotification: false,
  debug: false,
  roleStartedAt: null,
};

/** Settings with every field present, whatever an older version stored. */
export function completeSettings(stored: Partial<Settings> | null | undefined): Settings {
  return {
    ...DEFAULT_SETTINGS,
    ...stored,
    cadenceByRole: { ...DEFAULT_SETTINGS.cadenceByRole, ...stored?.cadenceByRole },
  };
}

/** Limits that keep a record sane whatever the user pastes. */
export const LIMITS = {
  name: 200,
  shortText: 500,
  longText: 20_000,
  noteText: 20_000,
  label: 100,
  cadenceDays: { min: 1, max: 365 },
  /** No date after 9999-12-31 nor before 1900. */
  maxDate: Date.UTC(9999, 11, 31),
  minDate: Date.UTC(1900, 0, 1),
} as const;

export const DAY_MS = 86_400_000;

/**
 * Starts the key of someone a LinkedIn export names without a profile URL (exports from before
 * about 2020 have none): a slash never occurs in a profile's slug, so no profile can take it.
 */
export const NO_PROFILE_PREFIX = 'no-profile/';

/** A new key for someone known without a profile yet. */
export function noProfileKey(): string {
  return `${NO_PROFILE_PREFIX}${crypto.randomUUID()}`;
}

/** Whether `key` names someone known without a profile yet (not a LinkedIn slug). */
export function isNoProfileKey(key: string): boolean {
  return key.startsWith(NO_PROFILE_PREFIX);
}

/** A new, empty record for a person first seen at `slug`. */
export function newPerson(slug: string, now: number, fields: Partial<Person> = {}): Person {
  return {
    slug,
    profileUrl: isNoProfileKey(slug) ? '' : profileUrlForSlug(slug),
    aliases: [],
    name: '',
    headline: '',
    company: '',
    roles: [],
    level: 'unknown',
    influence: 'unknown',
    stance: 'unknown',
    basis: 'unknown',
    decisionMaker: false,
    motivations: '',
    influencedBy: '',
    cadenceDays: null,
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
}

/** Days between touches for a person: their own cadence, else the tightest of their roles'. */
export function cadenceFor(
  person: Pick<Person, 'cadenceDays' | 'roles'>,
  settings: Settings,
): number {
  if (person.cadenceDays != null) return person.cadenceDays;
  const fromRoles = person.roles.map((role) => settings.cadenceByRole[role]);
  return fromRoles.length ? Math.min(...fromRoles) : settings.defaultCadenceDays;
}

/**
 * When the next touch with a person is due: a cadence after the last touch, or after they were
 * added for a tagged person never touched; null for an untagged person never touched.
 */
export function dueAtFor(
  person: Pick<Person, 'cadenceDays' | 'roles' | 'createdAt'>,
  lastTouchAt: number | null,
  settings: Settings,
): number | null {
  const cadenceMs = cadenceFor(person, settings) * DAY_MS;
  if (lastTouchAt !== null) return lastTouchAt + cadenceMs;
  return person.roles.length ? person.createdAt + cadenceMs : null;
}

/** IndexedDB's order of two string keys: by UTF-16 code unit (not the locale's). */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Ties are undirected: store the pair in one order so that a pair exists once. */
export function orderedPair(x: string, y: string): [string, string] {
  return x < y ? [x, y] : [y, x];
}

/** The other end of a tie, seen from `slug`. */
export function otherEnd(tie: Pick<Tie, 'a' | 'b'>, slug: string): string {
  return tie.a === slug ? tie.b : tie.a;
}

/** +1 and above. */
export function isAboveMe(level: Level): boolean {
  return level === 'plus1' || level === 'plus2' || level === 'plus3';
}

/** The direction a habit implies, so that logging a touch is one click. */
export const DEFAULT_DIRECTION: Record<TouchKind, Direction> = {
  'offered-help': 'gave',
  'received-help': 'received',
  'showed-appreciation': 'gave',
  'followed-up': 'gave',
  'promoted-them': 'gave',
  'they-promoted-me': 'received',
  'spent-time': 'both',
  'resolved-disagreement': 'both',
  'asked-feedback': 'received',
  'shared-work': 'gave',
  message: 'both',
  meeting: 'both',
};

/** Text cut to a limit, so a paste of a whole document cannot break a view or a record. */
export function clampText(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) : text;
}

/** A date the views can show: finite and within the years the product supports. */
export function isValidDate(ms: number): boolean {
  return Number.isFinite(ms) && ms >= LIMITS.minDate && ms <= LIMITS.maxDate;
}

/** The role that matters most for a career, for one-glance signs. */
export const ROLE_PRIORITY: readonly Role[] = ['sponsor', 'mentor', 'advisor', 'ally', 'mentee'];

export function mainRole(roles: readonly Role[]): Role | undefined {
  return ROLE_PRIORITY.find((role) => roles.includes(role));
}
