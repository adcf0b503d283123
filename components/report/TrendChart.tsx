import type { TrendPoint } from '@/utils/insights/types';
import { ui } from '@/utils/i18n';
import { CHART_PAD, PLOT_HEIGHT, PLOT_WIDTH, WeekChart } from './WeekChart';

const TICKS = [0, 25, 50, 75, 100];
const SERIES = [
  { key: 'visibility', label: 'common_visibility', swatch: 'line' },
  { key: 'connectivity', label: 'common_connectivity', swatch: 'dashed-line' },
] as const;

function xOf(index: number, count: number): number {
  return CHART_PAD.left + (count <= 1 ? PLOT_WIDTH / 2 : (PLOT_WIDTH * index) / (count - 1));
}

function yOf(score: number): number {
  const clamped = Math.max(0, Math.min(100, score));
  return CHART_PAD.top + ((100 - clamped) / 100) * PLOT_HEIGHT;
}

/** The numbers of the chart in one sentence, for screen readers. */
export function trendSummary(trend: readonly TrendPoint[]): string {
  const series = SERIES.map(({ key, label }) =>
    ui.t('chart_series', {
      label: ui.t(label),
      values: trend.map((point) => ui.number(point[key])).join(', '),
    }),
  );
  return ui.t('chart_trendSummary', { weeks: trend.length, series: series.join(' ') });
}

/**
 * The two scores over the last 12 weeks: a line chart in SVG that follows the theme, with the
 * same numbers in a visually hidden table.
 */
export function TrendChart({ trend }: { trend: readonly TrendPoint[] }) {
  const xAt = (i: number) => xOf(i, trend.length);
  return (
    <WeekChart
      name="trend-chart"
      summary={trendSummary(trend)}
      ticks={TICKS}
      yOf={yOf}
      weekStarts={trend.map((point) => point.weekStart)}
      xOf={xAt}
      legend={SERIES.map(({ key, label, swatch }) => ({
        key,
        label: ui.t(label),
        colour: `var(--series-${key})`,
        swatch,
      }))}
      table={{
        caption: ui.t('chart_trendCaption'),
        columns: SERIES.map(({ key, label }) => ({ key, label: ui.t(label) })),
        rows: trend.map((point) => ({
          weekStart: point.weekStart,
          cells: SERIES.map(({ key }) => point[key]),
        })),
      }}
    >
      {SERIES.map(({ key }) => (
        <g key={key}>
          <polyline
            class={`series series-${key}`}
            points={trend.map((point, i) => `${xAt(i)},${yOf(point[key])}`).join(' ')}
          />
          {trend.map((point, i) => (
            <circle
              key={point.weekStart}
              class={`dot-${key}`}
              cx={xAt(i)}
              cy={yOf(point[key])}
              r={3}
            />
          ))}
        </g>
      ))}
    </WeekChart>
  );
}
