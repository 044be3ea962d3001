/**
 * The stop rule: when the live depth goes past the calibrated comfortable limit by the margin, the stretch stops at
 * once. A short debounce (two frames over, spanning >= 100 ms) keeps one noisy detection from stopping anyone, and
 * after a stop the rule re-arms only once the depth is back inside the limit, so "reduce the movement" can resume.
 */

export interface StopRuleConfig {
  /** Percent of the calibrated depth allowed beyond it (a user setting). */
  readonly marginPct: number;
  /** Minimum absolute margin, in the signal's unit, so a near-zero calibration is not a hair trigger. */
  readonly minMargin: number;
  /** Frames in a row over the limit before stopping. */
  readonly framesOver: number;
  /** ...and the time they must span. */
  readonly debounceMs: number;
}

/** Defaults for a margin in percent; the absolute floor is per unit. */
export function stopRuleConfig(marginPct: number, unit: 'deg' | 'ratio'): StopRuleConfig {
  return {
    marginPct,
    minMargin: unit === 'deg' ? 2 : 0.02, // 2°: above the ~1° second-to-second wander of a still body (pfc/sphinx-pose track); 2 % of torso
    framesOver: 2, // one noisy frame (a swapped limb, a blur) never stops; two consecutive ones do
    debounceMs: 100, // 100 ms: two frames at the detector's ~10 fps here; far shorter than a human movement
  };
}

/** The depth beyond which the stretch stops. */
export function stopLimit(calibrated: number, cfg: StopRuleConfig): number {
  return calibrated + Math.max((Math.abs(calibrated) * cfg.marginPct) / 100, cfg.minMargin);
}

export interface StopRuleState {
  readonly armed: boolean;
  readonly overCount: number;
  readonly overSinceMs: number;
}

export const INITIAL_STOP_RULE: StopRuleState = { armed: true, overCount: 0, overSinceMs: 0 };

/** Feeds one frame. `stop` is true on the frame where the stretch must stop. Null depth neither counts nor resets. */
export function stepStopRule(
  s: StopRuleState,
  tMs: number,
  depth: number | null,
  limit: number,
  cfg: StopRuleConfig,
): { state: StopRuleState; stop: boolean } {
  if (depth === null) return { state: s, stop: false };
  if (depth <= limit) return { state: INITIAL_STOP_RULE, stop: false };
  if (!s.armed) return { state: s, stop: false };
  const overCount = s.overCount + 1;
  const overSinceMs = s.overCount === 0 ? tMs : s.overSinceMs;
  if (overCount >= cfg.framesOver && tMs - overSinceMs >= cfg.debounceMs) {
    return { state: { armed: false, overCount: 0, overSinceMs: 0 }, stop: true };
  }
  return { state: { armed: true, overCount, overSinceMs }, stop: false };
}
