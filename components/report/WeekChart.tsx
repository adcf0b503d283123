import type { ComponentChildren } from 'preact';
import { ui } from '@/utils/i18n';
import { weekLabel } from './chart-text';

/** The size and margins both week charts share (SVG user units; the chart scales to its box). */
export const CHART_WIDTH = 600;
export const CHART_HEIGHT = 220;
export const CHART_PAD = { left: 34, right: 12, top: 12, bottom: 28 } as const;

/** The plot's width and height inside the margins. */
export const PLOT_WIDTH = CHART_WIDTH - CHART_PAD.left - CHART_PAD.right;
export const PLOT_HEIGHT = CHART_HEIGHT - CHART_PAD.top - CHART_PAD.bottom;

/** One entry of the legend: a block of colour (a series of bars) or a line (a series of points). */
export interface LegendEntry {
  key: string;
  label: string;
  colour: string;
  swatch: 'block' | 'line' | 'dashed-line';
}

/** The numbers of the chart as a table for screen readers: one row a week. */
export interface ChartTable {
  caption: string;
  /** The columns after the week's. */
  columns: readonly { key: string; label: string }[];
  rows: readonly { weekStart: number; cells: readonly number[] }[];
}

function Swatch({ entry }: { entry: LegendEntry }) {
  if (entry.swatch === 'block') return <span class="swatch" style={{ background: entry.colour }} />;
  return (
    <span
      class={entry.swatch === 'dashed-line' ? 'swatch-line dashed' : 'swatch-line'}
      style={{ color: entry.colour }}
    />
  );
}

/**
 * The frame of a chart over weeks, which the report's two charts share: the SVG at one size,
 * named by a sentence that says its numbers; the horizontal grid with its values on the left
 * axis; every other week's first day under the plot (always the latest); the legend, or what to
 * say when there is nothing to draw; and the same numbers in a visually hidden table. The
 * chart's own marks are its children.
 */
export function WeekChart({
  name,
  summary,
  ticks,
  yOf,
  weekStarts,
  xOf,
  legend,
  empty,
  table,
  children,
}: {
  /** The chart's class (`trend-chart`, `touches-chart`). */
  name: string;
  /** The chart's numbers in one sentence: its accessible name and tooltip. */
  summary: string;
  /** The values of the grid lines. */
  ticks: readonly number[];
  yOf(value: number): number;
  /** The first day of each week shown, oldest first. */
  weekStarts: readonly number[];
  /** Where the week at this index sits on the horizontal axis. */
  xOf(index: number): number;
  legend: readonly LegendEntry[];
  /** Said in place of an empty legend. */
  empty?: string;
  table: ChartTable;
  children: ComponentChildren;
}) {
  const last = weekStarts.length - 1;
  return (
    <figure class="stack" style={{ margin: 0 }}>
      <svg
        class={`chart ${name}`}
        viewBox={`0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`}
        role="img"
        aria-label={summary}
      >
        <title>{summary}</title>
        {ticks.map((tick) => (
          <g key={tick}>
            <line
              class="grid"
              x1={CHART_PAD.left}
              x2={CHART_WIDTH - CHART_PAD.right}
              y1={yOf(tick)}
              y2={yOf(tick)}
            />
            <text class="axis-label" x={CHART_PAD.left - 6} y={yOf(tick) + 4} text-anchor="end">
              {tick}
            </text>
          </g>
        ))}
        {weekStarts.map((weekStart, i) =>
          i % 2 === last % 2 ? (
            <text
              key={weekStart}
              class="axis-label"
              x={xOf(i)}
              y={CHART_HEIGHT - 8}
              text-anchor="middle"
            >
              {weekLabel(weekStart)}
            </text>
          ) : null,
        )}
        {children}
      </svg>
      {legend.length > 0 ? (
        <ul class="legend" aria-hidden="true">
          {legend.map((entry) => (
            <li key={entry.key}>
              <Swatch entry={entry} /> {entry.label}
            </li>
          ))}
        </ul>
      ) : (
        empty && <p class="muted">{empty}</p>
      )}
      <table class="sr-only">
        <caption>{table.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{ui.t('chart_weekOf')}</th>
            {table.columns.map((column) => (
              <th key={column.key} scope="col">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.weekStart}>
              <th scope="row">{weekLabel(row.weekStart)}</th>
              {row.cells.map((cell, i) => (
                <td key={table.columns[i]?.key ?? i}>{ui.number(cell)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
