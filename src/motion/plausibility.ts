/**
 * Rejects confident-looking wrong poses (title cards, fades, blur: see floor-poses.md on adaptx/knee_to_chest) by
 * checking that the body's proportions match the recent good frames. A camera cut or zoom changes the scale of
 * everything at once; after `settleFrames` consistent frames the new scale is accepted.
 */
import type { BodyFeatures } from './features.ts';
import { median } from './stats.ts';

export interface PlausibilityConfig {
  /** Torso length may differ from the recent median by this factor before the frame is suspect. 1.5x covers a
   * person moving from lying flat to kneeling up (torso foreshortening) in pfc/cat-cow without a false reject. */
  readonly maxScaleChange: number;
  /** Consecutive frames at a new scale after which it is accepted (a cut, a zoom): 0.8 s at 10 fps. */
  readonly settleFrames: number;
  /** Frames kept for the running median. */
  readonly historyFrames: number;
  /** Mean visibility of shoulders, hips and knees below which the frame is not judged (faded title card 0.3-0.5). */
  readonly minCoreVisibility: number;
}

export const DEFAULT_PLAUSIBILITY: PlausibilityConfig = {
  maxScaleChange: 1.5,
  settleFrames: 8,
  historyFrames: 30,
  minCoreVisibility: 0.55,
};

export type PlausibilityVerdict = 'ok' | 'low-visibility' | 'implausible-pose';

export class PlausibilityGate {
  readonly #config: PlausibilityConfig;
  #history: number[] = [];
  #suspect: number[] = [];

  constructor(config: PlausibilityConfig = DEFAULT_PLAUSIBILITY) {
    this.#config = config;
  }

  check(f: BodyFeatures): PlausibilityVerdict {
    if (f.coreVisibility < this.#config.minCoreVisibility) return 'low-visibility';
    if (this.#history.length < 3) {
      this.#history.push(f.torsoPx);
      return 'ok';
    }
    const ratio = f.torsoPx / median(this.#history);
    const max = this.#config.maxScaleChange;
    if (ratio > max || ratio < 1 / max) {
      this.#suspect.push(f.torsoPx);
      if (this.#suspect.length < this.#config.settleFrames) return 'implausible-pose';
      // a consistent new scale: accept it (camera cut or zoom)
      this.#history = [...this.#suspect];
      this.#suspect = [];
      return 'ok';
    }
    this.#suspect = [];
    this.#history.push(f.torsoPx);
    if (this.#history.length > this.#config.historyFrames) this.#history.shift();
    return 'ok';
  }

  reset(): void {
    this.#history = [];
    this.#suspect = [];
  }
}
