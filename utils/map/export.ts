/**
 * The map as a file to take to a conversation: a standalone SVG (and a PNG drawn from it), made
 * on this machine and saved through a download. Everyone is named: the export opens every slot.
 * Built with DOM calls and serialised, so a name is always text, never markup. Light colours
 * whatever the theme: the file is for printing and sharing.
 */
import type { Tie } from '@/utils/model';
import {
  GEOMETRY,
  type MapLayout,
  type MapPerson,
  type PlacedItem,
  type PlacedPerson,
} from './layout';
import { CORNER_HEADING, INFLUENCE_HEADINGS, LEVEL_HEADINGS, STANCE_HEADINGS } from './labels';

const SVG_NS = 'http://www.w3.org/2000/svg';
export const MAP_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

const COLOURS = {
  background: '#ffffff',
  band: '#f3f5f7',
  rule: '#c9d0d6',
  text: '#1d2226',
  soft: '#56616b',
  tie: '#8a96a1',
  accent: '#0a66c2',
  for: '#137333',
  neutral: '#5f6b76',
  against: '#b42318',
};

/** The colour of a person's chip: for the user, neutral or against. */
export function stanceTone(stance: MapPerson['stance']): 'for' | 'neutral' | 'against' {
  if (stance === 'champion' || stance === 'supporter') return 'for';
  return stance === 'skeptic' ? 'against' : 'neutral';
}

/** How many of the three influence bars are filled; null when unknown. */
export function influenceBars(influence: MapPerson['influence']): number | null {
  return { high: 3, medium: 2, low: 1, unknown: null }[influence];
}

type Attributes = Record<string, string | number>;

function element(doc: Document, name: string, attributes: Attributes, text?: string): Element {
  const node = doc.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

function centre(item: PlacedItem): { x: number; y: number } {
  return { x: item.x + item.width / 2, y: item.y + item.height / 2 };
}

function drawPerson(doc: Document, item: PlacedPerson): Element {
  const group = element(doc, 'g', {});
  const tone = COLOURS[stanceTone(item.person.stance)];
  group.append(
    element(doc, 'rect', {
      x: item.x,
      y: item.y,
      width: item.width,
      height: item.height,
      rx: item.height / 2,
      fill: COLOURS.background,
      stroke: tone,
      'stroke-width': 1.5,
    }),
  );
  let x = item.x + GEOMETRY.chipPadX;
  const middle = item.y + item.height / 2;
  if (item.person.isKeyHolder) {
    const r = 5;
    const cx = x + r;
    const aware = item.person.awareness ?? 'none';
    group.append(
      element(doc, 'polygon', {
        points: `${cx},${middle - r} ${cx + r},${middle} ${cx},${middle + r} ${cx - r},${middle}`,
        fill: aware === 'none' ? COLOURS.background : tone,
        'fill-opacity': aware === 'partial' ? 0.45 : 1,
        stroke: tone,
        'stroke-width': 1.5,
      }),
    );
    x += GEOMETRY.keyIconWidth;
  }
  group.append(
    element(
      doc,
      'text',
      { x, y: middle, 'dominant-baseline': 'central', fill: COLOURS.text },
      item.label,
    ),
  );
  const bars = influenceBars(item.person.influence);
  const barsX = item.x + item.width - GEOMETRY.chipPadX - 12;
  if (bars === null) {
    group.append(
      element(
        doc,
        'text',
        { x: barsX + 3, y: middle, 'dominant-baseline': 'central', fill: COLOURS.soft },
        '?',
      ),
    );
  } else {
    for (let i = 0; i < 3; i++) {
      const height = 4 + i * 3;
      group.append(
        element(doc, 'rect', {
          x: barsX + i * 4,
          y: middle + 5 - height,
          width: 3,
          height,
          fill: i < bars ? COLOURS.text : COLOURS.rule,
        }),
      );
    }
  }
  return group;
}

/** The map as an SVG element of `doc`, the size of the layout. */
export function mapSvg(doc: Document, layout: MapLayout, ties: readonly Tie[]): SVGSVGElement {
  // The serializer writes the namespace: an `xmlns` attribute too would be written twice.
  const svg = element(doc, 'svg', {
    width: layout.width,
    height: layout.height,
    viewBox: `0 0 ${layout.width} ${layout.height}`,
    'font-family': MAP_FONT,
    'font-size': 12,
  }) as SVGSVGElement;
  svg.append(element(doc, 'title', {}, 'Alliance map'));
  svg.append(
    element(doc, 'rect', {
      width: layout.width,
      height: layout.height,
      fill: COLOURS.background,
    }),
  );
  svg.append(
    element(
      doc,
      'text',
      { x: 6, y: GEOMETRY.columnHeader / 2, 'dominant-baseline': 'central', fill: COLOURS.soft },
      CORNER_HEADING,
    ),
  );
  layout.columns.forEach((column, i) => {
    if (i % 2 === 1) {
      svg.append(
        element(doc, 'rect', {
          x: column.x,
          y: 0,
          width: column.width,
          height: layout.height,
          fill: COLOURS.band,
        }),
      );
    }
    svg.append(
      element(
        doc,
        'text',
        {
          x: column.x + column.width / 2,
          y: GEOMETRY.columnHeader / 2,
          'text-anchor': 'middle',
          'dominant-baseline': 'central',
          'font-weight': 600,
          fill: COLOURS.text,
        },
        STANCE_HEADINGS[column.stance],
      ),
    );
  });
  for (const row of layout.rows) {
    svg.append(
      element(doc, 'line', {
        x1: 0,
        x2: layout.width,
        y1: row.y,
        y2: row.y,
        stroke: COLOURS.rule,
      }),
    );
    svg.append(
      element(
        doc,
        'text',
        { x: 6, y: row.y + 14, 'font-weight': 600, fill: COLOURS.text },
        LEVEL_HEADINGS[row.level],
      ),
    );
    for (const lane of row.lanes) {
      svg.append(
        element(
          doc,
          'text',
          {
            x: GEOMETRY.rowHeader - 6,
            y: lane.y + GEOMETRY.lanePadY + GEOMETRY.chipHeight / 2,
            'text-anchor': 'end',
            'dominant-baseline': 'central',
            'font-size': 10,
            fill: COLOURS.soft,
          },
          INFLUENCE_HEADINGS[lane.influence],
        ),
      );
    }
  }
  for (const tie of ties) {
    const a = layout.placeOf.get(tie.a);
    const b = layout.placeOf.get(tie.b);
    if (!a || !b || a === b) continue;
    const from = centre(a);
    const to = centre(b);
    svg.append(
      element(doc, 'line', {
        x1: from.x,
        y1: from.y,
        x2: to.x,
        y2: to.y,
        stroke: COLOURS.tie,
        'stroke-width': 1.2,
      }),
    );
  }
  for (const item of layout.items) {
    if (item.kind === 'person') svg.append(drawPerson(doc, item));
  }
  return svg;
}

/** The SVG file's text. */
export function mapSvgText(doc: Document, layout: MapLayout, ties: readonly Tie[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(mapSvg(doc, layout, ties))}`;
}

/** The same picture as a PNG, drawn at `scale` times the map's size for a sharp print. */
export async function mapPng(svgText: string, layout: MapLayout, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(layout.width * scale);
    canvas.height = Math.ceil(layout.height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw the picture.');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, layout.width, layout.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('The picture could not be made.'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
