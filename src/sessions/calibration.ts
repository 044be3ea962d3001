/**
 * Calibration of the comfortable range: the user moves slowly to their pain-free end range and holds it still. We
 * record the deepest depth they SUSTAINED (the minimum over a 1 s window, maximised over the attempt), so a single
 * noisy frame or a bounce past the comfortable point never sets the limit.
 */

/** Tunables, per signal unit. */
export interface CalibrationConfig {
  /** A depth counts as sustained when held for this long. */
  readonly sustainMs: number;
  /** Holding still this long at a depth clearly past the starting depth ends calibration by itself. */
  readonly steadyMs: number;
  /** Depth may wander this much and still be "still". */
  readonly steadyTolerance: number;
  /** The end range must be at least this much deeper than where calibration started (so resting is not recorded). */
  readonly minMove: number;
}

/** Defaults for angle signals. */
export const DEFAULT_CALIBRATION_DEG: CalibrationConfig = {
  sustainMs: 1000, // 1 s: a deliberate hold, not a swing through (a rep of these stretches lasts 2-5 s)
  steadyMs: 3000, // 3 s still at end range, as the screen asks
  steadyTolerance: 4, // ±4°: BlazePose angle jitter on a still body in the floor clips is ~1-3°
  minMove: 8, // 8°: smaller than any of the ten stretches' range, larger than jitter
};

/** Defaults for ratio signals (lengths relative to the torso). */
export const DEFAULT_CALIBRATION_RATIO: CalibrationConfig = {
  sustainMs: 1000,
  steadyMs: 3000,
  steadyTolerance: 0.03, // 3 % of torso length: landmark jitter on a still body
  minMove: 0.05, // 5 % of torso length: the smallest deliberate movement (pelvic tilt)
};

/** Picks the config for a unit. */
export function calibrationConfig(unit: 'deg' | 'ratio'): CalibrationConfig {
  return unit === 'deg' ? DEFAULT_CALIBRATION_DEG : DEFAULT_CALIBRATION_RATIO;
}

export interface CalibrationState {
  readonly window: readonly { readonly tMs: number; readonly depth: number }[];
  /** Depth at the first judged frame: where the user started. */
  readonly baseline: number | null;
  /** Deepest sustained depth so far, null until a full window is held. */
  readonly best: number | null;
  readonly steadyRef: number | null;
  readonly steadySinceMs: number;
  /** The recorded comfortable depth once finished. */
  readonly result: number | null;
}

export const INITIAL_CALIBRATION: CalibrationState = {
  window: [],
  baseline: null,
  best: null,
  steadyRef: null,
  steadySinceMs: 0,
  result: null,
};

/** Feeds one frame's depth (null = not judged: the window restarts, a hold cannot span a tracking gap). */
export function stepCalibration(
  s: CalibrationState,
  tMs: number,
  depth: number | null,
  cfg: CalibrationConfig,
): CalibrationState {
  if (s.result !== null) return s;
  if (depth === null) return { ...s, window: [], steadyRef: null };
  const window = [...s.window.filter((p) => p.tMs >= tMs - cfg.sustainMs), { tMs, depth }];
  const first = window[0];
  const full = first !== undefined && tMs - first.tMs >= cfg.sustainMs * 0.8;
  const sustained = full ? Math.min(...window.map((p) => p.depth)) : null;
  const best = sustained === null ? s.best : Math.max(s.best ?? -Infinity, sustained);
  const baseline = s.baseline ?? depth;
  const still = s.steadyRef !== null && Math.abs(depth - s.steadyRef) <= cfg.steadyTolerance;
  const steadyRef = still ? s.steadyRef : depth;
  const steadySinceMs = still ? s.steadySinceMs : tMs;
  const moved = steadyRef !== null && steadyRef >= baseline + cfg.minMove;
  const result = moved && tMs - steadySinceMs >= cfg.steadyMs && best !== null ? best : null;
  return { window, baseline, best, steadyRef, steadySinceMs, result };
}

/** The user says "this is my limit": accept the deepest sustained depth so far (null if none yet). */
export function acceptCalibration(s: CalibrationState): CalibrationState {
  return s.best === null ? s : { ...s, result: s.best };
}

/** Seconds held still so far (for "hold still... 2 more seconds"). */
export function steadyHeldS(s: CalibrationState, tMs: number): number {
  return s.steadyRef === null ? 0 : Math.max(0, (tMs - s.steadySinceMs) / 1000);
}
