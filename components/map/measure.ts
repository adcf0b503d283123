import { MAP_FONT } from '@/utils/map/export';

/** The chips' font: map.css sets the same on `.map-chip`. */
const CHIP_FONT = `12px ${MAP_FONT}`;

let context: CanvasRenderingContext2D | null | undefined;
const widths = new Map<string, number>();

/**
 * How wide a text is in the chips' font, measured once by the browser (a canvas needs no layout
 * of the page). Where there is no canvas, a width per character wide enough for any letter.
 */
export function chipTextWidth(text: string): number {
  const known = widths.get(text);
  if (known !== undefined) return known;
  if (context === undefined) {
    try {
      context = document.createElement('canvas').getContext('2d');
    } catch {
      context = null;
    }
    if (context) context.font = CHIP_FONT;
  }
  const width = context ? context.measureText(text).width : Array.from(text).length * 7.5;
  widths.set(text, width);
  return width;
}
