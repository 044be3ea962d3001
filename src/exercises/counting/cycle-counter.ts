/** Counts full cycles between two opposite extremes around a neutral value (cat then camel, or camel then cat). */
import type { CycleSpec } from './spec.ts';
import { median } from '../../motion/stats.ts';

export interface CycleEvent {
  readonly startMs: number;
  readonly endMs: number;
  readonly peakDepth: number;
}

export class CycleCounter {
  readonly #spec: CycleSpec;
  #neutralSamples: { tMs: number; v: number }[] = [];
  #neutral: number | null = null;
  #first: { extreme: 'high' | 'low'; tMs: number } | null = null;
  #peak = 0;
  /** The extreme that completed the last cycle: the next cycle must start from the other one. */
  #lastEnd: 'high' | 'low' | null = null;

  constructor(spec: CycleSpec) {
    this.#spec = spec;
  }

  get neutral(): number | null {
    return this.#neutral;
  }

  /** Distance from neutral (the depth of the cycle), or null while neutral is being learned. */
  depthOf(v: number): number | null {
    return this.#neutral === null ? null : Math.abs(v - this.#neutral);
  }

  step(v: number, tMs: number): CycleEvent | null {
    if (this.#neutral === null) {
      this.#neutralSamples.push({ tMs, v });
      const first = this.#neutralSamples[0]!;
      if (tMs - first.tMs >= this.#spec.neutralWindowMs) {
        this.#neutral = median(this.#neutralSamples.map((s) => s.v));
      }
      return null;
    }
    const delta = v - this.#neutral;
    const extreme = delta >= this.#spec.highDelta ? 'high' : delta <= -this.#spec.lowDelta ? 'low' : null;
    if (!extreme) return null;
    if (!this.#first) {
      if (extreme === this.#lastEnd) return null; // still in the extreme that closed the last cycle
      this.#first = { extreme, tMs };
      this.#peak = Math.abs(delta);
      return null;
    }
    this.#peak = Math.max(this.#peak, Math.abs(delta));
    if (extreme === this.#first.extreme) return null;
    const done = { startMs: this.#first.tMs, endMs: tMs, peakDepth: this.#peak };
    this.#lastEnd = extreme;
    this.#first = null;
    this.#peak = 0;
    return done;
  }

  reset(): void {
    this.#neutralSamples = [];
    this.#neutral = null;
    this.#first = null;
    this.#peak = 0;
    this.#lastEnd = null;
  }
}
