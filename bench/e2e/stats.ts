/** Medians and spreads of repeated measurements. */
export interface Spread {
  min: number;
  median: number;
  max: number;
  runs: number[];
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  if (sorted.length === 0) return NaN;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const round = (x: number, digits = 1) => Number(x.toFixed(digits));

export function spread(values: readonly number[], digits = 1): Spread {
  return {
    min: round(Math.min(...values), digits),
    median: round(median(values), digits),
    max: round(Math.max(...values), digits),
    runs: values.map((v) => round(v, digits)),
  };
}

export const fmt = (s: Spread, unit = 'ms') =>
  `${s.median} ${unit} median (min ${s.min}, max ${s.max}, ${s.runs.length} runs)`;
