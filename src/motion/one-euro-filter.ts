/**
 * One Euro filter: an adaptive low-pass filter that smooths jitter when a signal is slow and follows it closely
 * when it moves fast. ref: Casiez, Roussel, Vogel, "1€ Filter", CHI 2012, https://gery.casiez.net/1euro/
 */
export interface OneEuroConfig {
  /** Cut-off frequency at rest, Hz. Lower = smoother when still. */
  readonly minCutoffHz: number;
  /** How fast the cut-off rises with speed (per unit/s). Higher = less lag when moving. */
  readonly beta: number;
  /** Cut-off for the derivative, Hz. */
  readonly derivativeCutoffHz: number;
}

/** Tuned on the depth signals of the footage tracks at 10 fps: 1.5 Hz keeps 2-3 s reps intact and removes
 * frame-to-frame jitter of ~1-2 degrees; beta 0.05 keeps lag under one frame on fast knee lifts. */
export const DEFAULT_ONE_EURO: OneEuroConfig = { minCutoffHz: 1.5, beta: 0.05, derivativeCutoffHz: 1 };

function alpha(cutoffHz: number, dtS: number): number {
  const tau = 1 / (2 * Math.PI * cutoffHz);
  return 1 / (1 + tau / dtS);
}

export class OneEuroFilter {
  readonly #config: OneEuroConfig;
  #last: { tMs: number; value: number; derivative: number } | null = null;

  constructor(config: OneEuroConfig = DEFAULT_ONE_EURO) {
    this.#config = config;
  }

  /** Filters `value` sampled at `tMs`. Non-increasing timestamps return the last output unchanged. */
  apply(value: number, tMs: number): number {
    const last = this.#last;
    if (!last) {
      this.#last = { tMs, value, derivative: 0 };
      return value;
    }
    const dtS = (tMs - last.tMs) / 1000;
    if (dtS <= 0) return last.value;
    const rawDerivative = (value - last.value) / dtS;
    const derivative =
      last.derivative + alpha(this.#config.derivativeCutoffHz, dtS) * (rawDerivative - last.derivative);
    const cutoff = this.#config.minCutoffHz + this.#config.beta * Math.abs(derivative);
    const filtered = last.value + alpha(cutoff, dtS) * (value - last.value);
    this.#last = { tMs, value: filtered, derivative };
    return filtered;
  }

  /** Rate of change of the filtered signal, units per second. */
  get derivativePerS(): number {
    return this.#last?.derivative ?? 0;
  }

  reset(): void {
    this.#last = null;
  }
}
