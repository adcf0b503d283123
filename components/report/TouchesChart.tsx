import type { WeekTouches } from '@/utils/insights/types';
import { labelKey, ui } from '@/utils/i18n';
import { TOUCH_KINDS, type TouchKind } from '@/utils/model';
import { weekLabel } from './chart-text';
import { CHART_HEIGHT, CHART_PAD, CHART_WIDTH, ChartGrid } from './ChartGrid';

const WIDTH = CHART_WIDTH;
const HEIGHT = CHART_HEIGHT;
const PAD = CHART_PAD;

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
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const slot = (WIDTH - PAD.left - PAD.right) / Math.max(1, weeks.length);
  const barWidth = slot * 0.6;
  const yOf = (value: number) => PAD.top + plotHeight * (1 - value / top);
  const label = touchesSummary(weeks);
  return (
    <figure class="stack" style={{ margin: 0 }}>
      <svg
        class="chart touches-chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={label}
      >
        <title>{label}</title>
        <ChartGrid ticks={[0, top / 2, top]} yOf={yOf} />
        {weeks.map((week, i) => {
          const x = PAD.left + slot * i + (slot - barWidth) / 2;
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
                    <title>{`${ui.t(labelKey('touch', kind))}: ${ui.number(count)}`}</title>
                  </rect>
                );
              })}
              {i % 2 === (weeks.length - 1) % 2 && (
                <text class="axis-label" x={x + barWidth / 2} y={HEIGHT - 8} text-anchor="middle">
                  {weekLabel(week.weekStart)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      {kinds.length > 0 ? (
        <ul class="legend" aria-hidden="true">
          {kinds.map((kind) => (
            <li key={kind}>
              <span class="swatch" style={{ background: kindColour(kind) }} />{' '}
              {ui.t(labelKey('touch', kind))}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{empty}</p>
      )}
      <table class="sr-only">
        <caption>{ui.t('chart_touchesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{ui.t('chart_weekOf')}</th>
            {kinds.map((kind) => (
              <th key={kind} scope="col">
                {ui.t(labelKey('touch', kind))}
              </th>
            ))}
            <th scope="col">{ui.t('md_total')}</th>
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week.weekStart}>
              <th scope="row">{weekLabel(week.weekStart)}</th>
              {kinds.map((kind) => (
                <td key={kind}>{ui.number(week.byKind[kind])}</td>
              ))}
              <td>{ui.number(week.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
