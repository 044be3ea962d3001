import { createHash } from 'node:crypto';
import { quantile } from '../../src/motion/stats.ts';
import type { LandmarkTrack } from '../../src/pose/types.ts';
import type { CpuUse } from './process-usage.ts';

/** What the page measured while analysing (absent when the track was read from a file). */
export interface PageTimings {
  readonly detectorMs: readonly number[];
  readonly waitMs: readonly number[];
  /** Detectors that ran side by side (analysis workers); 1 for one detector. */
  readonly workers: number;
  readonly analysisWallMs: number;
  readonly firstPoseMs: number | null;
  readonly modelLoadMs: number;
  readonly peakHeapMB: number | null;
}

/** The timing part of a report: it differs from run to run, so it is kept apart from the results. */
export interface TimingReport {
  /** Seconds of video analysed per second of wall time (analysis only, the model load not included). */
  readonly realTimeFactor: number | null;
  readonly analysisWallS: number;
  /** The whole command, browser start and model load included. */
  readonly commandWallS: number | null;
  readonly detectorMsMedian: number | null;
  readonly detectorMsP90: number | null;
  /** Detectors that ran side by side, each on a segment of the file. */
  readonly workers: number;
  /** Share of the analysing threads' wall time spent outside the detector (waiting for frames, drawing,
   * bookkeeping): 1 - detector time / (wall time x workers). */
  readonly nonDetectorShare: number | null;
  /** Median wait for the next frame, ms (0 when decoding keeps ahead of the detector). */
  readonly frameWaitMsMedian: number | null;
  /** ms from the request (model load included) to the first frame with a person. */
  readonly firstPoseMs: number | null;
  readonly modelLoadMs: number | null;
  readonly peakHeapMB: number | null;
  /** Peak memory of the whole browser (PSS summed over all its processes), MB. */
  readonly peakBrowserPssMB: number | null;
  /** Mean number of cores the browser's processes kept busy from the request to the result (model load included). */
  readonly coresBusy: number | null;
  /** Share of the machine's CPU time its host took meanwhile (a shared VM's steal), 0..1. */
  readonly cpuStealShare: number | null;
  readonly loadAvg1m: number | null;
}

/** The results part of the analyze report (counting adds repCount, reps, holds, notJudged). */
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
  /** `webcodecs` (demuxed and decoded) or `seek` (the <video> fallback); absent for a track read from a file. */
  decodePath?: string;
  codec?: string | null;
  /** sha256 of the frames as written by --landmarks: equal across runs when the poses are. */
  landmarksSha256: string;
  timing?: TimingReport;
}

const round = (v: number | null, d = 1): number | null =>
  v === null || !Number.isFinite(v) ? null : Math.round(v * 10 ** d) / 10 ** d;

/** The timing block from the page's measurements. */
export function timingReport(
  durationS: number,
  t: PageTimings,
  extra: { commandWallMs?: number; peakBrowserPssMB?: number | null; loadAvg1m?: number } & Partial<CpuUse> = {},
): TimingReport {
  const detectorTotal = t.detectorMs.reduce((a, b) => a + b, 0);
  const wall = t.analysisWallMs;
  return {
    realTimeFactor: wall > 0 ? round(durationS / (wall / 1000), 2) : null,
    analysisWallS: round(wall / 1000, 1) ?? 0,
    commandWallS: extra.commandWallMs === undefined ? null : round(extra.commandWallMs / 1000, 1),
    detectorMsMedian: round(quantile(t.detectorMs, 0.5)),
    detectorMsP90: round(quantile(t.detectorMs, 0.9)),
    workers: t.workers,
    nonDetectorShare: wall > 0 ? round(1 - detectorTotal / (wall * Math.max(1, t.workers)), 3) : null,
    frameWaitMsMedian: round(quantile(t.waitMs, 0.5)),
    firstPoseMs: round(t.firstPoseMs, 0),
    modelLoadMs: round(t.modelLoadMs, 0),
    peakHeapMB: t.peakHeapMB,
    peakBrowserPssMB: extra.peakBrowserPssMB ?? null,
    coresBusy: round(extra.coresBusy ?? null, 2),
    cpuStealShare: round(extra.stealShare ?? null, 2),
    loadAvg1m: extra.loadAvg1m === undefined ? null : round(extra.loadAvg1m, 2),
  };
}

/** Builds the report of a track; `page` adds how it was read and the timing block. */
export function poseReport(
  video: string,
  track: LandmarkTrack,
  page?: { decodePath: string; codec: string | null; timing: TimingReport },
): PoseReport {
  const withPose = track.frames.filter((f) => f.landmarks !== null).length;
  return {
    video,
    durationS: round(track.durationS, 3) ?? 0,
    fps: track.fps,
    framesAnalyzed: track.frames.length,
    framesWithPose: withPose,
    poseRate: track.frames.length ? Math.round((withPose / track.frames.length) * 1000) / 1000 : 0,
    backend: track.backend,
    model: track.model,
    ...(page ? { decodePath: page.decodePath, codec: page.codec } : {}),
    landmarksSha256: createHash('sha256').update(JSON.stringify(track.frames)).digest('hex'),
    ...(page ? { timing: page.timing } : {}),
  };
}
