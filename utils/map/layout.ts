/**
 * Where everyone goes on the alliance map (docs/map.md): a row per level above the user (+3 and
 * above at the top), a column per stance (skeptic → champion, "unknown" apart on the left), and
 * inside each row a lane per influence (high at the top of the row). The people of one place
 * (level × stance × influence, a "slot") flow as name chips, left to right, line by line. A slot
 * shows at most a few lines; a crowded one shows what fits and a group chip that counts the rest
 * and opens the slot on click. Pure: the page passes how wide a text is.
 */
import { compareNames } from '@/utils/format';
import type { Awareness } from '@/utils/insights/types';
import type { Influence, Level, Role, Stance } from '@/utils/model';

/** Rows, top to bottom: the keys to a promotion are often held one, two or more levels up. */
export const MAP_LEVELS: readonly Level[] = [
  'plus3',
  'plus2',
  'plus1',
  'peer',
  'report',
  'unknown',
];
/** Columns, left to right. */
export const MAP_STANCES: readonly Stance[] = [
  'unknown',
  'skeptic',
  'neutral',
  'supporter',
  'champion',
];
/** Lanes inside a row, top to bottom. */
export const MAP_INFLUENCES: readonly Influence[] = ['high', 'medium', 'low', 'unknown'];

/** The key of every place on the map: opening them all names everyone (the export). */
export const ALL_SLOTS: ReadonlySet<string> = new Set(
  MAP_LEVELS.flatMap((level) =>
    MAP_STANCES.flatMap((stance) =>
      MAP_INFLUENCES.map((influence) => slotKey({ level, stance, influence })),
    ),
  ),
);

/** The sizes of the map, in the map's own pixels (at zoom 1). */
export const GEOMETRY = {
  /** Room on the left for the level and influence labels. */
  rowHeader: 140,
  /** Room on top for the stance labels. */
  columnHeader: 34,
  columnWidth: 212,
  /** Space between a cell's edge and its chips. */
  cellPadX: 6,
  lanePadY: 4,
  chipHeight: 24,
  chipGapX: 6,
  chipGapY: 6,
  chipPadX: 8,
  /** The key holder's diamond and the space after it. */
  keyIconWidth: 12,
  /** The space before the influence bars, and the bars. */
  influenceIconWidth: 16,
  /** Names wider than this are cut with an ellipsis (the whole name is in the chip's label). */
  maxLabelWidth: 156,
  /** A slot shows at most this many lines of chips until the user opens it. */
  slotMaxLines: 3,
} as const;

const INNER_WIDTH = GEOMETRY.columnWidth - 2 * GEOMETRY.cellPadX;
const LINE_PITCH = GEOMETRY.chipHeight + GEOMETRY.chipGapY;

/** A person the map shows. */
export interface MapPerson {
  slug: string;
  name: string;
  level: Level;
  stance: Stance;
  influence: Influence;
  roles: Role[];
  isKeyHolder: boolean;
  /** How much a key holder knows of the user's recent work; null for anyone else. */
  awareness: Awareness | null;
  /** Not one of the map's people: shown only because a way in to a key holder goes through them. */
  offMap?: boolean;
}

/** A place on the map: one level, one stance, one influence. */
export interface Slot {
  level: Level;
  stance: Stance;
  influence: Influence;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A person's chip. */
export interface PlacedPerson extends Rect {
  kind: 'person';
  id: string;
  person: MapPerson;
  slot: string;
  /** The name as drawn: whole, or cut with an ellipsis to fit. */
  label: string;
}

/** A chip standing for the people of a crowded slot that are not shown, or closing an open one. */
export interface PlacedGroup extends Rect {
  kind: 'group';
  id: string;
  slot: string;
  /** The people it stands for (empty for the chip that closes an open slot). */
  slugs: string[];
  /** True for the chip that closes an opened slot. */
  open: boolean;
  label: string;
}

export type PlacedItem = PlacedPerson | PlacedGroup;

/** One level's row and the lanes inside it. */
export interface MapRow {
  level: Level;
  y: number;
  height: number;
  lanes: Array<{ influence: Influence; y: number; height: number }>;
}

export interface MapColumn {
  stance: Stance;
  x: number;
  width: number;
}

export interface MapLayout {
  width: number;
  height: number;
  rows: MapRow[];
  columns: MapColumn[];
  /** Every chip, people and groups, in reading order (row, lane, column, line). */
  items: PlacedItem[];
  /** Where each person is drawn: their own chip, or the group that counts them. */
  placeOf: Map<string, PlacedItem>;
  /** How many people each level × stance cell holds (key `level|stance`). */
  cellCounts: Map<string, number>;
}

export interface LayoutOptions {
  /** The width of a text in the chips' font, in pixels. */
  textWidth(text: string): number;
  /** Slots the user opened (keys from `slotKey`): they show everyone. */
  opened?: ReadonlySet<string>;
  /** People who must be shown whatever the crowd (the selected person, a path's people). */
  pinned?: ReadonlySet<string>;
}

export function slotKey(slot: Slot): string {
  return `${slot.level}|${slot.stance}|${slot.influence}`;
}

/** The slot a key names (the inverse of `slotKey`). */
export function slotFromKey(key: string): Slot {
  const [level, stance, influence] = key.split('|') as [Level, Stance, Influence];
  return { level, stance, influence };
}

export function cellKey(level: Level, stance: Stance): string {
  return `${level}|${stance}`;
}

/** The slot a person sits in. */
export function slotOf(person: Pick<MapPerson, 'level' | 'stance' | 'influence'>): Slot {
  return { level: person.level, stance: person.stance, influence: person.influence };
}

/**
 * `text` whole if it fits in `max` pixels, else its beginning and "…": cut after a whole word
 * where one fits (the chip's name then reads as the start of the name a screen reader hears),
 * else between two characters, never inside one.
 */
export function fitLabel(text: string, max: number, textWidth: (text: string) => number): string {
  if (textWidth(text) <= max) return text;
  const chars = Array.from(text);
  const fits = (count: number) => textWidth(`${chars.slice(0, count).join('').trimEnd()}…`) <= max;
  let low = 0;
  let high = chars.length;
  // The longest prefix that fits with its ellipsis.
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(mid)) low = mid;
    else high = mid - 1;
  }
  const wordEnd = chars.slice(0, low + 1).lastIndexOf(' ');
  const cut = wordEnd > 0 ? wordEnd : low;
  return `${chars.slice(0, cut).join('').trimEnd()}…`;
}

/** The width of a person's chip for a label of `labelWidth` pixels. */
function personChipWidth(person: MapPerson, labelWidth: number): number {
  return (
    2 * GEOMETRY.chipPadX +
    (person.isKeyHolder ? GEOMETRY.keyIconWidth : 0) +
    labelWidth +
    GEOMETRY.influenceIconWidth
  );
}

function groupLabel(count: number): string {
  return `+${count} more`;
}

const CLOSE_LABEL = 'Show fewer';

/** Left-to-right, line-by-line positions of chips of these widths in a slot's inner width. */
function flow(widths: readonly number[]): Array<{ x: number; line: number }> {
  const out: Array<{ x: number; line: number }> = [];
  let x = 0;
  let line = 0;
  for (const width of widths) {
    if (x > 0 && x + width > INNER_WIDTH) {
      line += 1;
      x = 0;
    }
    out.push({ x, line });
    x += width + GEOMETRY.chipGapX;
  }
  return out;
}

function linesOf(positions: ReadonlyArray<{ line: number }>): number {
  return positions.length ? positions[positions.length - 1]!.line + 1 : 0;
}

interface Chip {
  width: number;
  make(x: number, y: number): PlacedItem;
}

/** The chips a slot shows: everyone, or as many as fit in its lines and a group for the rest. */
function slotChips(
  key: string,
  members: readonly MapPerson[],
  options: LayoutOptions,
): { chips: Chip[]; hidden: string[] } {
  const measure = (text: string) => Math.ceil(options.textWidth(text));
  const people: Chip[] = members.map((person) => {
    const label = fitLabel(person.name, GEOMETRY.maxLabelWidth, options.textWidth);
    const width = personChipWidth(person, measure(label));
    return {
      width,
      make: (x, y) => ({
        kind: 'person',
        id: `person:${person.slug}`,
        person,
        slot: key,
        label,
        x,
        y,
        width,
        height: GEOMETRY.chipHeight,
      }),
    };
  });
  const group = (slugs: string[], open: boolean): Chip => {
    const label = open ? CLOSE_LABEL : groupLabel(slugs.length);
    const width = 2 * GEOMETRY.chipPadX + measure(label);
    return {
      width,
      make: (x, y) => ({
        kind: 'group',
        id: `group:${key}`,
        slot: key,
        slugs,
        open,
        label,
        x,
        y,
        width,
        height: GEOMETRY.chipHeight,
      }),
    };
  };
  const slugs = members.map((person) => person.slug);
  const fits = (chips: readonly Chip[]) =>
    linesOf(flow(chips.map((chip) => chip.width))) <= GEOMETRY.slotMaxLines;
  if (options.opened?.has(key)) {
    // An opened slot that would fit anyway needs no chip to close it.
    return fits(people)
      ? { chips: people, hidden: [] }
      : { chips: [...people, group([], true)], hidden: [] };
  }
  if (fits(people)) return { chips: people, hidden: [] };
  // Pinned people are first in the slot: they are among the shown whenever they fit at all.
  for (let shown = people.length - 1; shown >= 0; shown--) {
    const chips = [...people.slice(0, shown), group(slugs.slice(shown), false)];
    if (fits(chips)) return { chips, hidden: slugs.slice(shown) };
  }
  return { chips: [group(slugs, false)], hidden: slugs };
}

/** Chips of one slot, in the order they flow: pinned, then key holders, then by name. */
function orderSlot(members: MapPerson[], pinned: ReadonlySet<string> | undefined): MapPerson[] {
  return members.sort(
    (a, b) =>
      Number(pinned?.has(b.slug) ?? false) - Number(pinned?.has(a.slug) ?? false) ||
      Number(b.isKeyHolder) - Number(a.isKeyHolder) ||
      compareNames(a.name, b.name) ||
      (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0),
  );
}

/** Lays out everyone: every person has a chip or is counted by exactly one group chip. */
export function layoutMap(people: readonly MapPerson[], options: LayoutOptions): MapLayout {
  const bySlot = new Map<string, MapPerson[]>();
  const cellCounts = new Map<string, number>();
  for (const person of people) {
    const key = slotKey(slotOf(person));
    const members = bySlot.get(key);
    if (members) members.push(person);
    else bySlot.set(key, [person]);
    const cell = cellKey(person.level, person.stance);
    cellCounts.set(cell, (cellCounts.get(cell) ?? 0) + 1);
  }

  const columns: MapColumn[] = MAP_STANCES.map((stance, i) => ({
    stance,
    x: GEOMETRY.rowHeader + i * GEOMETRY.columnWidth,
    width: GEOMETRY.columnWidth,
  }));
  const items: PlacedItem[] = [];
  const placeOf = new Map<string, PlacedItem>();
  const rows: MapRow[] = [];
  let y = GEOMETRY.columnHeader;
  for (const level of MAP_LEVELS) {
    const row: MapRow = { level, y, height: 0, lanes: [] };
    for (const influence of MAP_INFLUENCES) {
      // Each lane is as tall as its fullest slot across the stances, and never empty of room:
      // a person can always be dropped into it.
      const laid = columns.map((column) => {
        const key = slotKey({ level, stance: column.stance, influence });
        const members = orderSlot(bySlot.get(key) ?? [], options.pinned);
        const { chips, hidden } = slotChips(key, members, options);
        const positions = flow(chips.map((chip) => chip.width));
        return { column, chips, hidden, positions };
      });
      const lines = Math.max(1, ...laid.map(({ positions }) => linesOf(positions)));
      const laneHeight = 2 * GEOMETRY.lanePadY + lines * LINE_PITCH - GEOMETRY.chipGapY;
      for (const { column, chips, hidden, positions } of laid) {
        chips.forEach((chip, i) => {
          const at = positions[i]!;
          const item = chip.make(
            column.x + GEOMETRY.cellPadX + at.x,
            y + GEOMETRY.lanePadY + at.line * LINE_PITCH,
          );
          items.push(item);
          if (item.kind === 'person') placeOf.set(item.person.slug, item);
          else for (const slug of hidden) placeOf.set(slug, item);
        });
      }
      row.lanes.push({ influence, y, height: laneHeight });
      y += laneHeight;
    }
    row.height = y - row.y;
    rows.push(row);
  }
  // Reading order: row by row, then lane, then left to right, then line.
  items.sort((a, b) => a.y - b.y || a.x - b.x);
  return {
    width: GEOMETRY.rowHeader + MAP_STANCES.length * GEOMETRY.columnWidth,
    height: y,
    rows,
    columns,
    items,
    placeOf,
    cellCounts,
  };
}

/** The slot under a point of the map, or null outside the grid (its headers included). */
export function slotAt(layout: MapLayout, x: number, y: number): Slot | null {
  const column = layout.columns.find((c) => x >= c.x && x < c.x + c.width);
  const row = layout.rows.find((r) => y >= r.y && y < r.y + r.height);
  const lane = row?.lanes.find((l) => y >= l.y && y < l.y + l.height);
  if (!column || !row || !lane) return null;
  return { level: row.level, stance: column.stance, influence: lane.influence };
}

export type Direction = 'up' | 'down' | 'left' | 'right';

function centre(rect: Rect): { x: number; y: number } {
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
}

/**
 * The chip a keyboard user reaches from `from` with an arrow key: the nearest one in that
 * direction on the same line (or column), else the nearest in that direction, distance across
 * the direction counting double. Null at the map's edge.
 */
export function nearestInDirection(
  items: readonly PlacedItem[],
  from: PlacedItem,
  direction: Direction,
): PlacedItem | null {
  const start = centre(from);
  const horizontal = direction === 'left' || direction === 'right';
  let best: PlacedItem | null = null;
  let bestScore = Infinity;
  for (const item of items) {
    if (item.id === from.id) continue;
    const c = centre(item);
    const dx = c.x - start.x;
    const dy = c.y - start.y;
    const along =
      direction === 'left' ? -dx : direction === 'right' ? dx : direction === 'up' ? -dy : dy;
    if (along <= 0) continue;
    const inBeam = horizontal
      ? item.y < from.y + from.height && from.y < item.y + item.height
      : item.x < from.x + from.width && from.x < item.x + item.width;
    const across = horizontal ? Math.abs(dy) : Math.abs(dx);
    // Anything in the beam comes before anything outside it.
    const score = inBeam ? along : 1e9 + along + 2 * across;
    if (score < bestScore) {
      bestScore = score;
      best = item;
    }
  }
  return best;
}

/** The next value of an ordered set in a direction, or null past its end. */
function step<T>(values: readonly T[], value: T, by: 1 | -1): T | null {
  const next = values.indexOf(value) + by;
  return next >= 0 && next < values.length ? values[next]! : null;
}

/** One row up (toward +3 and above) or down; null at the edge. */
export function stepLevel(level: Level, by: 1 | -1): Level | null {
  return step(MAP_LEVELS, level, by === 1 ? -1 : 1);
}

/** One column right (toward champion) or left; null at the edge. */
export function stepStance(stance: Stance, by: 1 | -1): Stance | null {
  return step(MAP_STANCES, stance, by);
}

/** One step more (toward high) or less influence; null at the edge. */
export function stepInfluence(influence: Influence, by: 1 | -1): Influence | null {
  return step(MAP_INFLUENCES, influence, by === 1 ? -1 : 1);
}
