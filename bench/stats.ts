/** Pure statistics of benchmark samples: medians, spreads and ratios. */

/** The median of `samples` (the mean of the middle two for an even count); NaN when empty. */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface Spread {
  readonly min: number;
  readonly median: number;
  readonly max: number;
}

export function spread(samples: readonly number[]): Spread {
  if (samples.length === 0) return { min: Number.NaN, median: Number.NaN, max: Number.NaN };
  return { min: Math.min(...samples), median: median(samples), max: Math.max(...samples) };
}

/** `a[i] / b[i]` for each pair measured side by side. */
export function pairRatios(a: readonly number[], b: readonly number[]): number[] {
  if (a.length !== b.length) throw new Error(`pairRatios: ${a.length} samples against ${b.length}`);
  return a.map((value, i) => value / b[i]!);
}

/** `value` rounded to `digits` significant digits, for reports (null stays null). */
export function round(value: number | null, digits = 3): number | null {
  if (value === null || !Number.isFinite(value) || value === 0) return value;
  return Number(value.toPrecision(digits));
}

/**
 * The least-squares slope of `samples` per step (sample i is at x = i).
 * 0 for fewer than two samples.
 */
export function slope(samples: readonly number[]): number {
  const n = samples.length;
  if (n < 2) return 0;
  const meanX = (n - 1) / 2;
  const meanY = samples.reduce((sum, y) => sum + y, 0) / n;
  let numerator = 0;
  let denominator = 0;
  samples.forEach((y, x) => {
    numerator += (x - meanX) * (y - meanY);
    denominator += (x - meanX) ** 2;
  });
  return numerator / denominator;
}
