/** Hysteresis rep counter with a minimum phase duration. Pure, one signal, no notion of exercise. */
import type { RepCounterSpec } from './spec.ts';
import { RollingQuantile } from './rolling-quantile.ts';

/** A rolling baseline needs this much rest before it means anything: in the first second the filter is still
 * settling and a handful of samples make a poor quantile (a false tuck at 1.0-1.7 s on a generated pelvic tilt;
 * bloomfit/pelvic_tilt's first tuck starts 1.2 s after the start position, and is still caught mid-way). */
const BASELINE_WARMUP_MS = 1000;

export type RepCounterEvent =
  | { readonly type: 'rep'; readonly startMs: number; readonly endMs: number; readonly peakDepth: number }
  | { readonly type: 'too-fast'; readonly tMs: number; readonly peakDepth: number }
  | { readonly type: 'not-far-enough'; readonly tMs: number; readonly peakDepth: number };

export class RepCounter {
  readonly #spec: RepCounterSpec;
  readonly #baseline: RollingQuantile | null;
  #outSinceMs: number | null = null;
  #reachedEnter = false;
  #peak = -Infinity;

  constructor(spec: RepCounterSpec) {
    this.#spec = spec;
    this.#baseline = spec.baseline ? new RollingQuantile(spec.baseline.windowMs, spec.baseline.quantile) : null;
  }

  /** Depth after the baseline is taken off (what the thresholds apply to). */
  relative(depth: number): number {
    return this.#baseline ? depth - this.#baseline.value : depth;
  }

  get inRep(): boolean {
    return this.#outSinceMs !== null;
  }

  step(depth: number, tMs: number): RepCounterEvent | null {
    this.#baseline?.push(depth, tMs);
    if (this.#baseline && this.#baseline.spanMs < BASELINE_WARMUP_MS) return null;
    const rel = this.relative(depth);
    const { enterDepth, exitDepth, minPhaseMs } = this.#spec;
    if (this.#outSinceMs === null) {
      if (rel > exitDepth) {
        this.#outSinceMs = tMs;
        this.#peak = rel;
        this.#reachedEnter = rel >= enterDepth;
      }
      return null;
    }
    this.#peak = Math.max(this.#peak, rel);
    if (rel >= enterDepth) this.#reachedEnter = true;
    if (rel > exitDepth) return null;
    // back at rest: judge the excursion
    const startMs = this.#outSinceMs;
    const peakDepth = this.#peak;
    const reached = this.#reachedEnter;
    this.#outSinceMs = null;
    this.#reachedEnter = false;
    if (peakDepth > (this.#spec.maxDepth ?? Infinity)) return null;
    if (!reached) {
      // only worth saying when it got at least half-way from rest to the target
      return peakDepth >= exitDepth + 0.5 * (enterDepth - exitDepth)
        ? { type: 'not-far-enough', tMs, peakDepth }
        : null;
    }
    if (tMs - startMs < minPhaseMs) return { type: 'too-fast', tMs, peakDepth };
    return { type: 'rep', startMs, endMs: tMs, peakDepth };
  }

  reset(): void {
    this.#baseline?.reset();
    this.#outSinceMs = null;
    this.#reachedEnter = false;
  }
}
