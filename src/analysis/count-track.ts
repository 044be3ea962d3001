/** Runs the counting engine over a whole recorded landmark track: the counting half of `npm run analyze`. */
import { getSpec } from '../exercises/registry.ts';
import { GenericTracker } from '../exercises/counting/tracker.ts';
import type { ExerciseSpec } from '../exercises/counting/spec.ts';
import type {
  CountingReport,
  EngineEvent,
  ExerciseId,
  HoldRecord,
  NotJudgedReason,
  NotJudgedSpan,
  RepRecord,
  TrackerOptions,
  TrackerUpdate,
} from '../exercises/types.ts';
import type { LandmarkTrack } from '../pose/types.ts';

/** Spans shorter than this are not listed as not judged (one dropped frame is noise, not news). */
const MIN_NOT_JUDGED_SPAN_S = 0.5;

export function countTrack(track: LandmarkTrack, exercise: ExerciseId, options?: TrackerOptions): CountingReport {
  return countTrackWith(track, getSpec(exercise), options);
}

/** The stretch's depth signal frame by frame, as the counter saw it: seconds from the track's start, and the depth in
 * the signal's unit (NaN where the frame was not judged). */
export interface DepthCurve {
  readonly tS: Float64Array;
  readonly depth: Float64Array;
}

/** Counts a track and keeps the depth the counter used on each frame (the review timeline draws it). */
export function countTrackCurve(
  track: LandmarkTrack,
  exercise: ExerciseId,
  options?: TrackerOptions,
): { readonly report: CountingReport; readonly curve: DepthCurve } {
  const n = track.frames.length;
  const curve = { tS: new Float64Array(n), depth: new Float64Array(n) };
  let i = 0;
  const report = countTrackWith(track, getSpec(exercise), options, (u) => {
    curve.tS[i] = u.tMs / 1000;
    curve.depth[i++] = u.depth ?? NaN;
  });
  return { report, curve };
}

/** The same with a spec of its own (the leave-one-clip-out check counts with thresholds derived from other clips). */
export function countTrackWith(
  track: LandmarkTrack,
  spec: ExerciseSpec,
  options?: TrackerOptions,
  onUpdate?: (u: TrackerUpdate) => void,
): CountingReport {
  const exercise = spec.definition.id;
  const tracker = new GenericTracker(spec, options);
  const reps: RepRecord[] = [];
  const holds: HoldRecord[] = [];
  const notJudged: NotJudgedSpan[] = [];
  let open: { startS: number; reason: NotJudgedReason } | null = null;
  const close = (endS: number) => {
    if (open && endS - open.startS >= MIN_NOT_JUDGED_SPAN_S) notJudged.push({ ...open, endS });
    open = null;
  };
  const take = (events: readonly EngineEvent[]) => {
    for (const e of events) {
      if (e.type === 'rep-counted') reps.push(e.rep);
      else if (e.type === 'hold-ended') holds.push(e.hold);
      else if (e.type === 'not-judged') {
        close(e.tMs / 1000);
        open = { startS: e.tMs / 1000, reason: e.reason };
      } else if (e.type === 'judged-again') close(e.tMs / 1000);
    }
  };
  for (const frame of track.frames) {
    const u = tracker.step(frame);
    onUpdate?.(u);
    take(u.events);
  }
  take(tracker.finish());
  close(track.durationS);
  return { exercise, repCount: reps.length, reps, holds, notJudged, faults: tracker.faults() };
}
