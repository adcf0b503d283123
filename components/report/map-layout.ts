/**
 * Where each person goes on the alliance map: a column per stance (skeptic → champion, with
 * "unknown" apart on the left) and a row per influence (high at the top). People sharing a cell
 * are spread on a small grid inside it; names are shown when there is room for them.
 */
import type { MapNode } from '@/utils/insights/types';
import type { Influence, Stance } from '@/utils/model';
import { shortName } from './chart-text';

/** Stance columns, left to right. */
export const STANCE_COLUMNS: readonly Stance[] = [
  'unknown',
  'skeptic',
  'neutral',
  'supporter',
  'champion',
];
/** Influence rows, top to bottom. */
export const INFLUENCE_ROWS: readonly Influence[] = ['high', 'medium', 'low', 'unknown'];

export const MAP_WIDTH = 760;
export const MAP_HEIGHT = 460;
/** Room for the row labels on the left and the column labels on top. */
export const MAP_PAD = { left: 78, top: 24 } as const;

const CELL_WIDTH = (MAP_WIDTH - MAP_PAD.left) / STANCE_COLUMNS.length;
const CELL_HEIGHT = (MAP_HEIGHT - MAP_PAD.top) / INFLUENCE_ROWS.length;
/** A name needs about this much room under its marker. */
const LABEL_MIN_WIDTH = 60;
const LABEL_MIN_HEIGHT = 30;
const CHAR_WIDTH = 6;

/** A person placed on the map; `label` is null when the cell is too crowded for names. */
export interface PlacedNode extends MapNode {
  x: number;
  y: number;
  label: string | null;
}

/** The top-left corner of a stance × influence cell. */
export function cellOrigin(stance: Stance, influence: Influence): { x: number; y: number } {
  return {
    x: MAP_PAD.left + STANCE_COLUMNS.indexOf(stance) * CELL_WIDTH,
    y: MAP_PAD.top + INFLUENCE_ROWS.indexOf(influence) * CELL_HEIGHT,
  };
}

/** The width and height of one cell. */
export const CELL_SIZE = { width: CELL_WIDTH, height: CELL_HEIGHT } as const;

/** Places every node, keeping the engine's order (key holders first) inside each cell. */
export function layoutMap(nodes: readonly MapNode[]): PlacedNode[] {
  const cells = new Map<string, MapNode[]>();
  for (const node of nodes) {
    const key = `${node.stance}|${node.influence}`;
    const cell = cells.get(key);
    if (cell) cell.push(node);
    else cells.set(key, [node]);
  }
  const placed = new Map<string, PlacedNode>();
  for (const members of cells.values()) {
    const first = members[0]!;
    const origin = cellOrigin(first.stance, first.influence);
    const columns = Math.max(1, Math.ceil(Math.sqrt((members.length * CELL_WIDTH) / CELL_HEIGHT)));
    const rows = Math.ceil(members.length / columns);
    const slotWidth = CELL_WIDTH / columns;
    const slotHeight = CELL_HEIGHT / rows;
    const named = slotWidth >= LABEL_MIN_WIDTH && slotHeight >= LABEL_MIN_HEIGHT;
    members.forEach((node, i) => {
      const column = i % columns;
      const row = Math.floor(i / columns);
      placed.set(node.slug, {
        ...node,
        x: origin.x + slotWidth * (column + 0.5),
        // Leave room for the name below the marker.
        y: origin.y + slotHeight * (row + 0.5) - (named ? 6 : 0),
        label: named ? shortName(node.name, Math.floor(slotWidth / CHAR_WIDTH)) : null,
      });
    });
  }
  return nodes.map((node) => placed.get(node.slug)!);
}
