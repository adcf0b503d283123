import type { TrendPoint } from '@/utils/insights/types';
import { weekLabel } from './chart-text';
import { CHART_HEIGHT, CHART_PAD, CHART_WIDTH, ChartGrid } from './ChartGrid';
import { ui } from '@/utils/i18n';

const WIDTH = CHART_WIDTH;
const HEIGHT = CHART_HEIGHT;
const PAD = CHART_PAD;
const TICKS = [0, 25, 50, 75, 100];
const SERIES = [
  { key: 'visibility', label: 'common_visibility' },
  { key: 'connectivity', label: 'common_connectivity' },
] as const;

function xOf(index: number, count: number): number {
  const span = WIDTH - PAD.left - PAD.right;
  return PAD.left + (count <= 1 ? span / 2 : (span * index) / (count - 1));
}

function yOf(score: number): number {
  const clamped = Math.max(0, Math.min(100, score));
  return PAD.top + ((100 - clamped) / 100) * (HEIGHT - PAD.top - PAD.bottom);
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
  const label = trendSummary(trend);
  return (
    <figure class="stack" style={{ margin: 0 }}>
      <svg
        class="chart trend-chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={label}
      >
        <title>{label}</title>
        <ChartGrid ticks={TICKS} yOf={yOf} />
        {trend.map((point, i) =>
          i % 2 === (trend.length - 1) % 2 ? (
            <text
              key={point.weekStart}
              class="axis-label"
              x={xOf(i, trend.length)}
              y={HEIGHT - 8}
              text-anchor="middle"
            >
              {weekLabel(point.weekStart)}
            </text>
          ) : null,
        )}
        {SERIES.map(({ key }) => (
          <g key={key}>
            <polyline
              class={`series series-${key}`}
              points={trend
                .map((point, i) => `${xOf(i, trend.length)},${yOf(point[key])}`)
                .join(' ')}
            />
            {trend.map((point, i) => (
              <circle
                key={point.weekStart}
                class={`dot-${key}`}
                cx={xOf(i, trend.length)}
                cy={yOf(point[key])}
                r={3}
              />
            ))}
          </g>
        ))}
      </svg>
      <ul class="legend" aria-hidden="true">
        <li>
          <span class="swatch-line" style={{ color: 'var(--series-visibility)' }} />{' '}
          {ui.t('common_visibility')}
        </li>
        <li>
          <span class="swatch-line dashed" style={{ color: 'var(--series-connectivity)' }} />{' '}
          {ui.t('common_connectivity')}
        </li>
      </ul>
      <table class="sr-only">
        <caption>{ui.t('chart_trendCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{ui.t('chart_weekOf')}</th>
            <th scope="col">{ui.t('common_visibility')}</th>
            <th scope="col">{ui.t('common_connectivity')}</th>
          </tr>
        </thead>
        <tbody>
          {trend.map((point) => (
            <tr key={point.weekStart}>
              <th scope="row">{weekLabel(point.weekStart)}</th>
              <td>{ui.number(point.visibility)}</td>
              <td>{ui.number(point.connectivity)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
