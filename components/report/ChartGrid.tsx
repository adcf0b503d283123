/** The frame both week charts share: their size, margins and the horizontal grid with labels. */
export const CHART_WIDTH = 600;
export const CHART_HEIGHT = 220;
export const CHART_PAD = { left: 34, right: 12, top: 12, bottom: 28 } as const;

/** Horizontal grid lines with their values on the left axis. */
export function ChartGrid({
  ticks,
  yOf,
}: {
  ticks: readonly number[];
  yOf(value: number): number;
}) {
  return (
    <>
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
    </>
  );
}
