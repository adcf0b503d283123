/** Short texts shared by the report's charts and their text alternatives. */
const shortDay = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });

/** "3 Mar": a week's first day on a chart axis. */
export function weekLabel(weekStart: number): string {
  return shortDay.format(weekStart);
}

/** "+5", "−3", "±0": a change people read at a glance. */
export function signedChange(change: number): string {
  if (change > 0) return `+${change}`;
  return change < 0 ? `−${Math.abs(change)}` : '±0';
}

/** Names longer than this are cut on charts; the full name stays in the tooltip and the table. */
export const CHART_NAME_MAX = 16;

/** A name cut to fit on a chart, with an ellipsis when cut. */
export function shortName(name: string, max = CHART_NAME_MAX): string {
  const chars = [...name.trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}
