/** Pure timing statistics for the benchmark: summaries and the ratios the bench reports. */
import { median, quantile } from '../motion/stats.ts';

/** Median, 90th percentile, mean and count of a list of milliseconds. */
export interface MsSummary {
  readonly median: number;
  readonly p90: number;
  readonly mean: number;
  readonly n: number;
}

/** Summarises a list of durations in ms (NaN fields when the list is empty). */
export function summarizeMs(values: readonly number[]): MsSummary {
  const finite = values.filter((v) => Number.isFinite(v));
  const mean = finite.length ? finite.reduce((a, b) => a + b, 0) / finite.length : NaN;
  return { median: median(finite), p90: quantile(finite, 0.9), mean, n: finite.length };
}

/** Frames per second a stage sustains when each frame takes `msPerFrame` (0 when unknown or non-positive). */
export function fpsFromMs(msPerFrame: number): number {
  return Number.isFinite(msPerFrame) && msPerFrame > 0 ? 1000 / msPerFrame : 0;
}

/** `after / before - 1`, e.g. 0.05 for 5 % growth; NaN when `before` is not a positive number. */
export function growthRatio(before: number, after: number): number {
  return Number.isFinite(before) && before > 0 && Number.isFinite(after) ? after / before - 1 : NaN;
}

/** `part / whole` (e.g. pipeline ms / detector ms), NaN when `whole` is not positive. */
export function ratio(part: number, whole: number): number {
  return Number.isFinite(whole) && whole > 0 && Number.isFinite(part) ? part / whole : NaN;
}

/** Rounds to `digits` decimals, keeping NaN/Infinity as null so the result survives JSON. */
export function round(v: number, digits = 2): number | null {
  if (!Number.isFinite(v)) return null;
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/**
 * Frames the camera presented that the detector never saw: `presented - analysed`, never negative.
 * The live loop skips a frame that arrives while the detector is busy instead of queueing it.
 */
export function droppedFrames(presented: number, analysed: number): number {
  return Math.max(0, presented - analysed);
}
