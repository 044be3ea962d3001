/** Order statistics, the one home of median and quantile for the whole app: the counters' baselines and plateaus,
 * the plausibility gate, the benchmark's timings, the auto backend's trial and the analyze report. Pure. */

/** The `q`-quantile (0..1) of `values`: the value at rank floor(q * n) of the sorted finite values (clamped to the
 * last), so always a value that occurred; for the median of an even count, the upper of the two middle values.
 * Order and non-finite values (a failed timing) are ignored; NaN when no finite value is left. */
export function quantile(values: readonly number[], q: number): number {
  const s = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(Math.min(Math.max(q, 0), 1) * s.length))] ?? NaN;
}

/** The median of `values` (see `quantile`). */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}
