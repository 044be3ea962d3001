/**
 * Measures the form checks: (a) false alarms on correct stretching (real tracks and generated clips), (b) how
 * reliably and how fast each check finds its fault laid over a generated clip. Pure; `npm run eval` prints it.
 */
import { createTracker } from '../exercises/registry.ts';
import type { CheckId } from '../exercises/checks/types.ts';
import type { ExerciseId, Side } from '../exercises/types.ts';
import type { LandmarkTrack } from '../pose/types.ts';
import { FAULT_RAMP_S, injectAt, type FaultRecipe } from '../exercises/checks/fault-recipes.ts';
import { synthesize } from '../exercises/synthesize.ts';

/** A fault found later than this after it is fully there is a miss (the target: found within 1 s). */
export const DETECT_WITHIN_S = 1;

export interface InjectionCase {
  readonly recipe: FaultRecipe;
  readonly severity: 0 | 1 | 2;
  /** Side views: the camera on the person's left or right; front views: the fault to one side or the other. */
  readonly side: Side;
  readonly cameraHeightM: number;
}

export interface InjectionResult extends InjectionCase {
  /** Seconds from the fault being fully there to the check raising it; null when not raised within the window. */
  readonly delayS: number | null;
  /** The check was already raised when the fault began (a false alarm of its own). */
  readonly early: boolean;
}

/** The two camera heights each stretch is filmed from: its default, and 0.6 m higher (a laptop on a chair). */
export function cameraHeightsM(id: ExerciseId): readonly [number, number] {
  const standing = id === 'hip-flexor' || id === 'nerve-stretch' || id === 'ql-stretch';
  const low = id === 'lumbar-roll' ? 0.8 : standing ? 1.0 : 0.35;
  return [low, low + 0.6];
}

export function runInjection(c: InjectionCase): InjectionResult {
  const { recipe } = c;
  const front = recipe.exercise === 'lumbar-roll' || recipe.exercise === 'ql-stretch';
  const variant = { cameraHeightM: c.cameraHeightM, cameraSide: front ? undefined : c.side };
  const plain = synthesize(recipe.exercise, variant);
  const way = front && c.side === 'right' && recipe.otherSide ? recipe.otherSide : recipe;
  const startS = way.startS(plain.expected.holds);
  const amount = recipe.severities[c.severity];
  const clip = synthesize(recipe.exercise, { ...variant, inject: injectAt(way.apply, amount, startS) });
  const onsetS = startS + FAULT_RAMP_S;
  const raisedS = firstRaised(clip.track, recipe.exercise, recipe.check, startS);
  const early = raisedS !== null && raisedS < startS;
  const delayS =
    !early && raisedS !== null && raisedS <= onsetS + DETECT_WITHIN_S ? Math.max(0, raisedS - onsetS) : null;
  return { ...c, delayS, early };
}

/** When the check is first raised at or after `fromS`, or the time it was raised before and is still on then. */
function firstRaised(track: LandmarkTrack, id: ExerciseId, check: CheckId, fromS: number): number | null {
  const tracker = createTracker(id);
  let onSinceS: number | null = null;
  for (const frame of track.frames) {
    for (const e of tracker.step(frame).events) {
      if (e.type === 'fault-started' && e.check === check) {
        if (e.tMs / 1000 >= fromS) return onSinceS ?? e.tMs / 1000;
        onSinceS = e.tMs / 1000;
      } else if (e.type === 'fault-ended' && e.check === check) onSinceS = null;
    }
    if (onSinceS !== null && frame.tMs / 1000 >= fromS) return onSinceS;
  }
  return null;
}

export interface FalseAlarmRow {
  readonly source: string;
  readonly exercise: ExerciseId;
  /** Minutes of judged stretching (after the start position was reached). */
  readonly minutes: number;
  /** Seconds of fault per check. */
  readonly faultS: Partial<Record<CheckId, number>>;
}

/** Fault seconds per check over a clip of correct stretching (only inside `windows` when given: the labelled
 * stretch, not what the clip shows around it), and how many minutes that covers after the start position. */
export function falseAlarms(
  source: string,
  track: LandmarkTrack,
  exercise: ExerciseId,
  windows?: readonly (readonly [number, number])[],
): FalseAlarmRow {
  const tracker = createTracker(exercise);
  let startedS: number | null = null;
  for (const frame of track.frames) {
    const u = tracker.step(frame);
    if (u.started && startedS === null) startedS = frame.tMs / 1000;
  }
  tracker.finish();
  const from = startedS ?? track.durationS;
  const spans = windows ?? [[from, track.durationS] as const];
  const overlap = (a: number, b: number) =>
    spans.reduce((s, [x, y]) => s + Math.max(0, Math.min(b, y) - Math.max(a, x, from)), 0);
  const faultS: Partial<Record<CheckId, number>> = {};
  for (const f of tracker.faults()) {
    const s = overlap(f.startS, f.endS);
    if (s > 0) faultS[f.check] = (faultS[f.check] ?? 0) + s;
  }
  return { source, exercise, minutes: overlap(0, track.durationS) / 60, faultS };
}
