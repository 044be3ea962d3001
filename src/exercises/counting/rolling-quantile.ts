import { quantile } from '../../motion/stats.ts';

/** The q-quantile of the values seen in the last `windowMs`. Small windows (<= a few hundred samples). */
export class RollingQuantile {
  readonly #windowMs: number;
  readonly #q: number;
  #samples: { tMs: number; v: number }[] = [];
  #cached: number | null = null;

  constructor(windowMs: number, q: number) {
    this.#windowMs = windowMs;
    this.#q = q;
  }

  push(v: number, tMs: number): number {
    this.#samples.push({ tMs, v });
    this.#cached = null;
    while (this.#samples.length > 0 && (this.#samples[0]?.tMs ?? tMs) < tMs - this.#windowMs) this.#samples.shift();
    return this.value;
  }

  /** Time covered by the samples held, ms. */
  get spanMs(): number {
    const first = this.#samples[0];
    const last = this.#samples[this.#samples.length - 1];
    return first && last ? last.tMs - first.tMs : 0;
  }

  get value(): number {
    if (this.#cached !== null) return this.#cached;
    this.#cached = this.#samples.length
      ? quantile(
          this.#samples.map((s) => s.v),
          this.#q,
        )
      : 0;
    return this.#cached;
  }

  reset(): void {
    this.#samples = [];
    this.#cached = null;
  }
}
