/**
 * Counts full cycles between two opposite extremes (cat then camel, or camel then cat) wherever the set starts: at
 * either extreme, at neutral or half-way, with or without pauses. Pure.
 *
 * An extreme is reached when the signal has swung by at least `swing` from the opposite one (hysteresis). The
 * swing is set larger than any one-sided excursion from neutral and smaller than a full cat-to-cow swing, so a
 * start at neutral, a pause at neutral, or a move from neutral into one extreme and back never passes for an
 * extreme; no neutral has to be learned, so a set that starts in cow is counted from its first movement. Each
 * swing reaches one more extreme; every second extreme reached (counting the one the first swing left) is a cycle.
 */
import type { CycleSpec } from './spec.ts';

export interface CycleEvent {
  readonly startMs: number;
  readonly endMs: number;
  /** The swing from the extreme left to the one reached, in the signal's unit. */
  readonly peakDepth: number;
}

interface Extreme {
  readonly kind: 'high' | 'low';
  v: number;
  tMs: number;
}

export class CycleCounter {
  readonly #spec: CycleSpec;
  /** Running highest and lowest values before the first swing. */
  #hi: { v: number; tMs: number } | null = null;
  #lo: { v: number; tMs: number } | null = null;
  /** The extreme the signal is at or heading to since the last swing (its running peak). */
  #current: Extreme | null = null;
  /** The extreme the last swing left. */
  #left: Extreme | null = null;
  #swings = 0;

  constructor(spec: CycleSpec) {
    this.#spec = spec;
  }

  /** Neutral: half-way between the last two extremes, or null before the first swing. */
  get neutral(): number | null {
    return this.#current && this.#left ? (this.#current.v + this.#left.v) / 2 : null;
  }

  /** Distance from neutral (the depth of the cycle), or null before the first swing. */
  depthOf(v: number): number | null {
    const n = this.neutral;
    return n === null ? null : Math.abs(v - n);
  }

  step(v: number, tMs: number): CycleEvent | null {
    const { swing } = this.#spec;
    const cur = this.#current;
    if (!cur) {
      if (!this.#hi || v > this.#hi.v) this.#hi = { v, tMs };
      if (!this.#lo || v < this.#lo.v) this.#lo = { v, tMs };
      if (this.#hi.v - v >= swing) return this.#swing({ kind: 'high', ...this.#hi }, { kind: 'low', v, tMs });
      if (v - this.#lo.v >= swing) return this.#swing({ kind: 'low', ...this.#lo }, { kind: 'high', v, tMs });
      return null;
    }
    if (cur.kind === 'high' ? v > cur.v : v < cur.v) {
      cur.v = v;
      cur.tMs = tMs;
      return null;
    }
    if (Math.abs(v - cur.v) < swing) return null;
    return this.#swing(cur, { kind: cur.kind === 'high' ? 'low' : 'high', v, tMs });
  }

  /** The signal swung from `from` far enough to have reached the opposite extreme `to`. */
  #swing(from: Extreme, to: Extreme): CycleEvent | null {
    this.#left = from;
    this.#current = to;
    this.#swings++;
    // extremes reached = swings + 1: a cycle closes on every second one
    if (this.#swings % 2 === 0) return null;
    return { startMs: from.tMs, endMs: to.tMs, peakDepth: Math.abs(to.v - from.v) };
  }

  reset(): void {
    this.#hi = null;
    this.#lo = null;
    this.#current = null;
    this.#left = null;
    this.#swings = 0;
  }
}
