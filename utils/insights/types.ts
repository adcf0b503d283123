/**
 * The shapes the insight engine reads and returns. The engine is pure: it takes plain arrays
 * of the model's records and an "as of" date, so any past week can be recomputed.
 */
import type {
  Basis,
  FollowUp,
  Influence,
  Level,
  Note,
  Person,
  Role,
  Settings,
  Stance,
  Tie,
  Touch,
  TouchKind,
} from '@/utils/model';

/**
 * What the engine reads of a person: no notes, motivations or profile details. The basis of the
 * alliance is optional: a reader that leaves it out gets no advice about the basis.
 */
export type InsightPerson = Pick<
  Person,
  | 'slug'
  | 'name'
  | 'roles'
  | 'level'
  | 'influence'
  | 'stance'
  | 'decisionMaker'
  | 'cadenceDays'
  | 'createdAt'
> & { basis?: Basis };

/** Everything the engine reads: the user's whole record plus their settings. */
export interface InsightData {
  people: readonly InsightPerson[];
  touches: readonly Touch[];
  notes: readonly Note[];
  ties: readonly Tie[];
  followUps: readonly FollowUp[];
  settings: Settings;
}

/** One ingredient of a score: `value` in 0..1, its `weight` in the weighted mean, and why. */
export interface ScorePart {
  id: string;
  label: string;
  value: number;
  weight: number;
  /** Where the user stands, shown after the label: "A sponsor at +2 or above: none yet". */
  detail: string;
  /** A sentence for the score's reason when this part costs points. */
  advice?: string;
}

/** A 0..100 integer score with the parts it is the weighted mean of, and one plain sentence. */
export interface Score {
  score: number;
  parts: ScorePart[];
  reason: string;
}

/** How much a key holder knows of the user's recent work. */
export type Awareness = 'full' | 'partial' | 'none';

/** A person whose support the user needs for their next step. */
export interface KeyHolder {
  slug: string;
  name: string;
  level: Level;
  influence: Influence;
  stance: Stance;
  /** Influence weight × level weight (docs/insights.md). */
  weight: number;
  awareness: Awareness;
  /** What the awareness is worth: 1 full, 0.5 or 0.25 partial (by who promoted the user), 0 none. */
  credit: number;
  /** The backer whose recent promotion of the user makes this key holder partly aware. */
  heardThrough: string | null;
  /** Someone in the user's alliance is tied to this key holder (a way in). */
  reachable: boolean;
  /** The backer tied to this key holder who could put the user's name forward, sponsors first. */
  connector: string | null;
  /** weight × (1 − credit), raised when no one can reach them or they are a skeptic. */
  risk: number;
  /** One sentence naming the person, saying what is missing. */
  reason: string;
}

/** Visibility: how much the people who decide the user's next step know their work now. */
export interface VisibilityScore extends Score {
  keyHolders: KeyHolder[];
  /** Key holders not fully aware, highest risk first. */
  topRisks: KeyHolder[];
}

/** A node of the alliance map: placed by influence (height) and stance (side). */
export interface MapNode {
  slug: string;
  name: string;
  influence: Influence;
  stance: Stance;
  level: Level;
  isKeyHolder: boolean;
  awareness: Awareness | null;
  roles: Role[];
}

/** A tie drawn between two nodes of the map. */
export interface MapEdge {
  a: string;
  b: string;
  label: string;
}

/** Where in the extension a first step is taken. */
export type ActionPlace = 'import' | 'side-panel';

/**
 * A concrete next step, as a sentence a person would write: one person and one habit with the
 * reason, or, when there is no one to name yet, a first step and where to take it.
 */
export interface NextAction {
  /** Unique within a report: the finding and the person (or the step). */
  id: string;
  /** Null for a first step that names no one. */
  personSlug: string | null;
  personName: string | null;
  /** The habit to log when it is done; null for a first step. */
  habit: TouchKind | null;
  /** The whole sentence: what to do, then why ("Thank Sam for their help: …"). */
  text: string;
  /** What to do alone, for a list whose item already says why ("Thank Sam for their help"). */
  step: string;
  /** What it is worth to the next promotion: the person's stake × the finding's urgency. */
  worth: number;
  /** Where to take a first step; null for an action with a person. */
  place: ActionPlace | null;
}

/** Something missing from the alliance as the essays describe it, with what to do about it. */
export interface Gap {
  id:
    | 'no-sponsor'
    | 'sponsor-below-plus2'
    | 'no-mentor'
    | 'board-too-small'
    | 'board-too-large'
    | 'no-allies';
  text: string;
  action: NextAction;
}

/** A key holder who does not fully know the user's work, with what to do about it. */
export interface KeyHolderRisk extends KeyHolder {
  action: NextAction;
}

/**
 * A backer whose basis of alliance may be misread: on mutual benefit with nothing given in 90
 * days, or on an unknown basis while the user relies on them.
 */
export interface BasisRisk {
  slug: string;
  name: string;
  kind: 'mutual-benefit-unmet' | 'unknown-relied-on';
  text: string;
  action: NextAction;
}

/** When the user last asked their manager (+1) or a key holder "what am I missing?". */
export interface FeedbackCheck {
  /** People at +1 and key holders: whose negative feedback matters most. */
  askable: number;
  lastAskedAt: number | null;
  lastAskedName: string | null;
  /** Days since then; null when not in the look-back window. */
  daysSince: number | null;
  /** True when it has been too long (or there is no one to ask yet). */
  due: boolean;
  text: string;
  action: NextAction | null;
}

/** Someone to meet in the first 90 days of a new role. */
export interface PersonToMeet {
  slug: string;
  name: string;
  level: Level;
  action: NextAction;
}

/** The first 90 days of a new role, when the report focuses on meeting people and first allies. */
export interface NewRoleFocus {
  startedAt: number;
  /** Day of the new role as of the report, from 1. */
  day: number;
  daysLeft: number;
  /** Peers and people at +1 and +2 in the record, and how many were touched since the start. */
  toMeetTotal: number;
  met: number;
  /** Allies touched since the start. */
  allies: number;
  text: string;
  /** Not touched since the start, the most senior first. */
  toMeet: PersonToMeet[];
  /** The first step when there is no one at those levels in the record yet. */
  action: NextAction | null;
}

/** Paying it forward: the people the user mentors, or how to start. */
export interface PayItForward {
  mentees: Array<{ slug: string; name: string }>;
  text: string;
  action: NextAction | null;
}

/** How many of each thing the record holds, so that a section never speaks of an empty set. */
export interface ReportCounts {
  /** The people the engine was given (a reader may pass only those the user keeps anything about). */
  people: number;
  tagged: number;
  keyHolders: number;
  backers: number;
  /** People touched in the last 90 days, and those of them the user received something from. */
  inTouch90: number;
  receivedFrom90: number;
  openFollowUps: number;
  roles: Record<Role, number>;
  /** Sponsors at +2 or above. */
  seniorSponsors: number;
}

/** A tagged relationship past its cadence. */
export interface ColdRelationship {
  slug: string;
  name: string;
  roles: Role[];
  lastTouchAt: number | null;
  dueAt: number;
  daysOverdue: number;
  action: NextAction;
}

/** A promise past its due date. */
export interface OverdueFollowUp {
  id: string;
  personSlug: string;
  personName: string;
  text: string;
  due: number;
  daysOverdue: number;
  action: NextAction;
}

/** Someone the user only takes from (received, never gave, in 90 days). */
export interface Taker {
  slug: string;
  name: string;
  received90: number;
  action: NextAction;
}

/** The two scores at the end of one week. */
export interface TrendPoint {
  weekStart: number;
  visibility: number;
  connectivity: number;
}

/** How many touches of each kind fell in one week. */
export interface WeekTouches {
  weekStart: number;
  byKind: Record<TouchKind, number>;
  total: number;
}

/** Everything the weekly report page shows for one week. */
export interface WeeklyReport {
  /** Local midnight starting the week, and the start of the next one. */
  weekStart: number;
  weekEnd: number;
  /** The moment the scores describe: the end of the week, or `now` when the week is not over. */
  asOf: number;
  visibility: Score;
  connectivity: Score;
  /** Scores at the end of the week before. */
  previous: { visibility: number; connectivity: number };
  change: { visibility: number; connectivity: number };
  /** 12 weeks, oldest first, ending with this one. */
  trend: TrendPoint[];
  /** The same 12 weeks. */
  touchesByWeek: WeekTouches[];
  unawareKeyHolders: KeyHolderRisk[];
  goingCold: ColdRelationship[];
  overdueFollowUps: OverdueFollowUp[];
  takersOnly: Taker[];
  gaps: Gap[];
  basisRisks: BasisRisk[];
  /** Touches of kind `asked-feedback` inside the week. */
  feedbackAsked: number;
  feedback: FeedbackCheck;
  /** Null outside the first 90 days of a new role. */
  newRole: NewRoleFocus | null;
  payItForward: PayItForward;
  counts: ReportCounts;
  /** At most five, ranked by worth, one per person; never empty while the report lists a problem. */
  nextActions: NextAction[];
  map: { nodes: MapNode[]; edges: MapEdge[]; omitted: number };
}
