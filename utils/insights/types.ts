/**
 * The shapes the insight engine reads and returns. The engine is pure: it takes plain arrays
 * of the model's records and an "as of" date, so any past week can be recomputed.
 */
import type {
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

/** What the engine reads of a person: no notes, motivations or profile details. */
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
>;

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
  detail: string;
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
  /** The sponsor or champion whose recent promotion of the user makes this key holder partly aware. */
  heardThrough: string | null;
  /** Someone in the user's alliance is tied to this key holder (a way in). */
  reachable: boolean;
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

/** A concrete next step: one person, one habit. */
export interface NextAction {
  personSlug: string;
  personName: string;
  habit: TouchKind;
  text: string;
}

/** Something missing from the alliance as the essays describe it. */
export interface Gap {
  id:
    | 'no-sponsor'
    | 'sponsor-below-plus2'
    | 'no-mentor'
    | 'board-too-small'
    | 'board-too-large'
    | 'no-allies';
  text: string;
}

/** A tagged relationship past its cadence. */
export interface ColdRelationship {
  slug: string;
  name: string;
  roles: Role[];
  lastTouchAt: number | null;
  dueAt: number;
  daysOverdue: number;
}

/** A promise past its due date. */
export interface OverdueFollowUp {
  id: string;
  personSlug: string;
  personName: string;
  text: string;
  due: number;
  daysOverdue: number;
}

/** Someone the user only takes from (received, never gave, in 90 days). */
export interface Taker {
  slug: string;
  name: string;
  received90: number;
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
  unawareKeyHolders: KeyHolder[];
  goingCold: ColdRelationship[];
  overdueFollowUps: OverdueFollowUp[];
  takersOnly: Taker[];
  gaps: Gap[];
  /** Touches of kind `asked-feedback` inside the week. */
  feedbackAsked: number;
  nextActions: NextAction[];
  map: { nodes: MapNode[]; edges: MapEdge[]; omitted: number };
}
