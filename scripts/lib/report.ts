import { quantile } from '../../src/motion/stats.ts';
import type { LandmarkTrack } from '../../src/pose/types.ts';

/** The part of the analyze report this layer fills (counting adds repCount, reps, holds, notJudged). */
export interface PoseReport {
  video: string;
  durationS: number;
  fps: number;
  framesAnalyzed: number;
  framesWithPose: number;
  /** framesWithPose / framesAnalyzed, 0..1. */
  poseRate: number;
  backend: string;
  model: string;
  detectorMsMedian: number | null;
  detectorMsP90: number | null;
  /** ms from the request (model load included) to the first frame with a person; null when none or not measured. */
  firstPoseMs: number | null;
  modelLoadMs: number | null;
}

const round = (v: number | null, d = 1): number | null =>
  v === null || Number.isNaN(v) ? null : Math.round(v * 10 ** d) / 10 ** d;

/** Builds the report from a track and the page's timings (none when the track was read from a file). */
export function poseReport(
  video: string,
  track: LandmarkTrack,
  timings: { detectorMs?: readonly number[]; firstPoseMs?: number | null; modelLoadMs?: number | null } = {},
): PoseReport {
  const withPose = track.frames.filter((f) => f.landmarks !== null).length;
  const ms = timings.detectorMs ?? [];
  return {
    video,
    durationS: round(track.durationS, 3) ?? 0,
    fps: track.fps,
    framesAnalyzed: track.frames.length,
    framesWithPose: withPose,
    poseRate: track.frames.length ? Math.round((withPose / track.frames.length) * 1000) / 1000 : 0,
    backend: track.backend,
    model: track.model,
    detectorMsMedian: round(quantile(ms, 0.5)),
    detectorMsP90: round(quantile(ms, 0.9)),
    firstPoseMs: round(timings.firstPoseMs ?? null, 0),
    modelLoadMs: round(timings.modelLoadMs ?? null, 0),
  };
}
