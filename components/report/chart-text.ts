/** Short texts shared by the report's charts and their text alternatives. */
import { ui } from '@/utils/i18n';

let shortDay: Intl.DateTimeFormat | undefined;

/** "3 Mar": a week's first day on a chart axis, in the UI language. */
export function weekLabel(weekStart: number): string {
  shortDay ??= new Intl.DateTimeFormat(ui.locale, { day: 'numeric', month: 'short' });
  return shortDay.format(weekStart);
}

/** "+5", "−3", "±0": a change people read at a glance. */
export function signedChange(change: number): string {
  if (change > 0) return `+${ui.number(change)}`;
  return change < 0 ? `−${ui.number(Math.abs(change))}` : '±0';
}

/** Names longer than this are cut on charts; the full name stays in the tooltip and the table. */
export const CHART_NAME_MAX = 16;

/** A name cut to fit on a chart, with an ellipsis when cut. */
export function shortName(name: string, max = CHART_NAME_MAX): string {
  const chars = [...name.trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}
