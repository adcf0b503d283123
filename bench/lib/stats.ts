/** Medians, targets and the printed table of the bench. */

/** One measured metric, as written to bench/results.json. */
export interface Metric {
  name: string;
  median: number;
  unit: 'ms' | 'kB' | 'MB';
  runs: number[];
  /** The floor this metric is compared to, and median ÷ floor. */
  floor?: { name: string; median: number; ratio: number };
  target: string;
  met: boolean;
  note?: string;
}

/** The middle value (mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Rounds for display and for the results file: two decimals. */
export function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** A metric compared to a floor: met when median ≤ maxRatio × floor (and any absolute limit). */
export function againstFloor(
  base: Omit<Metric, 'median' | 'floor' | 'met'>,
  floorName: string,
  floorRuns: readonly number[],
  maxRatio: number,
  absoluteMax = Infinity,
): Metric {
  const value = median(base.runs);
  const floor = median(floorRuns);
  const ratio = floor > 0 ? value / floor : Infinity;
  return {
    ...base,
    runs: base.runs.map(round),
    median: round(value),
    floor: { name: floorName, median: round(floor), ratio: round(ratio) },
    met: ratio <= maxRatio && value <= absoluteMax,
  };
}

/** A metric with an absolute limit only. */
export function againstLimit(base: Omit<Metric, 'median' | 'met'>, max: number): Metric {
  const value = median(base.runs);
  return { ...base, runs: base.runs.map(round), median: round(value), met: value <= max };
}

/** The table printed at the end of a run. */
export function formatTable(metrics: readonly Metric[]): string {
  const rows = metrics.map((m) => [
    m.name,
    `${m.median} ${m.unit}`,
    m.floor ? `${m.floor.median} ${m.unit} (×${m.floor.ratio})` : '',
    m.target,
    m.met ? 'met' : 'MISSED',
    String(m.runs.length),
  ]);
  const header = ['metric', 'median', 'floor (ratio)', 'target', '', 'runs'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}
