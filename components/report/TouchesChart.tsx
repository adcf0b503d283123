import type { WeekTouches } from '@/utils/insights/types';
import { labelKey, ui } from '@/utils/i18n';
import { TOUCH_KINDS, type TouchKind } from '@/utils/model';
import { CHART_PAD, PLOT_HEIGHT, PLOT_WIDTH, WeekChart } from './WeekChart';

/** A colour per kind, from the report's theme variables (light and dark). */
function kindColour(kind: TouchKind): string {
  return `var(--kind-${TOUCH_KINDS.indexOf(kind)})`;
}

/** A round top for the axis: 5, 10, 20, 50, 100… at least the largest total. */
export function axisTop(max: number): number {
  if (max <= 5) return 5;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 5, 10].find((factor) => factor * magnitude >= max) ?? 10;
  return step * magnitude;
}

/** The kinds logged in any of the weeks, in the model's order. */
export function kindsShown(weeks: readonly WeekTouches[]): TouchKind[] {
  return TOUCH_KINDS.filter((kind) => weeks.some((week) => week.byKind[kind] > 0));
}

/** The numbers of the chart in one sentence, for screen readers. */
export function touchesSummary(weeks: readonly WeekTouches[]): string {
  const totals = weeks.map((week) => ui.number(week.total)).join(', ');
  return ui.t('chart_touchesSummary', { weeks: weeks.length, totals });
}

/**
 * Touches per week, stacked by kind: which habits the user keeps, week after week. The same
 * numbers are in a visually hidden table.
 */
export function TouchesChart({
  weeks,
  empty,
}: {
  weeks: readonly WeekTouches[];
  /** What to say when no touch falls in these weeks, and how to log one. */
  empty: string;
}) {
  const kinds = kindsShown(weeks);
  const top = axisTop(Math.max(0, ...weeks.map((week) => week.total)));
  const slot = PLOT_WIDTH / Math.max(1, weeks.length);
  const barWidth = slot * 0.6;
  const yOf = (value: number) => CHART_PAD.top + PLOT_HEIGHT * (1 - value / top);
  const kindLabel = (kind: TouchKind) => ui.t(labelKey('touch', kind));
  return (
    <WeekChart
      name="touches-chart"
      summary={touchesSummary(weeks)}
      ticks={[0, top / 2, top]}
      yOf={yOf}
      weekStarts={weeks.map((week) => week.weekStart)}
      xOf={(i) => CHART_PAD.left + slot * i + slot / 2}
      legend={kinds.map((kind) => ({
        key: kind,
        label: kindLabel(kind),
        colour: kindColour(kind),
        swatch: 'block',
      }))}
      empty={empty}
      table={{
        caption: ui.t('chart_touchesCaption'),
        columns: [
          ...kinds.map((kind) => ({ key: kind, label: kindLabel(kind) })),
          { key: 'total', label: ui.t('md_total') },
        ],
        rows: weeks.map((week) => ({
          weekStart: week.weekStart,
          cells: [...kinds.map((kind) => week.byKind[kind]), week.total],
        })),
      }}
    >
      {weeks.map((week, i) => {
        const x = CHART_PAD.left + slot * i + (slot - barWidth) / 2;
        let below = 0;
        return (
          <g key={week.weekStart}>
            {kinds.map((kind) => {
              const count = week.byKind[kind];
              if (count === 0) return null;
              const y = yOf(below + count);
              const height = yOf(below) - y;
              below += count;
              return (
                <rect
                  key={kind}
                  x={x}
                  y={y}
                  width={barWidth}
                  height={height}
                  style={{ fill: kindColour(kind) }}
                >
                  <title>{`${kindLabel(kind)}: ${ui.number(count)}`}</title>
                </rect>
              );
            })}
          </g>
        );
      })}
    </WeekChart>
  );
}
