import { describe, expect, it } from 'vitest';
import { parseAnalyzeArgs, UsageError } from './cli-args.ts';
import { poseReport, timingReport, type PageTimings } from './report.ts';
import type { LandmarkTrack, PoseFrame } from '../../src/pose/types.ts';

describe('analyze command line', () => {
  it('reads the video and every option, with defaults', () => {
    const a = parseAnalyzeArgs([
      'clip.mp4',
      '--exercise',
      'cat-camel',
      '--fps=5',
      '--model',
      'lite',
      '--backend',
      'wasm',
      '--out',
      'r.json',
    ]);
    expect(a).toMatchObject({
      video: 'clip.mp4',
      exercise: 'cat-camel',
      fps: 5,
      model: 'lite',
      backend: 'wasm',
      out: 'r.json',
      landmarks: null,
    });
    expect(parseAnalyzeArgs(['x.mp4'])).toMatchObject({
      fps: 10,
      model: 'full',
      // the backend the labelled tracks were made with, not `auto` (whose pick varies with the load)
      backend: 'mediapipe-cpu',
      maxSide: 640,
      maxSeconds: null,
      seek: false,
      workers: 0,
    });
    expect(parseAnalyzeArgs(['x.mp4', '--seek']).seek).toBe(true);
    expect(parseAnalyzeArgs(['--from-landmarks', 't.json']).video).toBeNull();
  });
  it('rejects unknown options, bad values and a missing video with one clear message', () => {
    expect(() => parseAnalyzeArgs(['x.mp4', '--speed', '2'])).toThrow(new UsageError('unknown option --speed'));
    expect(() => parseAnalyzeArgs(['x.mp4', '--model', 'huge'])).toThrow(/unknown model huge/);
    expect(() => parseAnalyzeArgs(['x.mp4', '--backend', 'cuda'])).toThrow(/unknown backend cuda/);
    expect(() => parseAnalyzeArgs(['x.mp4', '--fps', 'ten'])).toThrow(/--fps must be a number/);
    expect(() => parseAnalyzeArgs(['x.mp4', '--out'])).toThrow(/--out needs a value/);
    expect(() => parseAnalyzeArgs([])).toThrow(/no video given/);
  });
});

describe('analyze report', () => {
  const lm = Array.from({ length: 33 }, () => ({ x: 0.5, y: 0.5, z: 0, visibility: 1 }));
  const f = (tMs: number, person: boolean): PoseFrame => ({
    tMs,
    landmarks: person ? lm : null,
    worldLandmarks: null,
    score: person ? 1 : 0,
    imageWidth: 640,
    imageHeight: 360,
  });
  const track: LandmarkTrack = {
    format: 'spine-coach-track',
    version: 1,
    source: 'c.mp4',
    backend: 'wasm',
    model: 'full',
    fps: 10,
    durationS: 0.4,
    frames: [f(0, false), f(100, true), f(200, true), f(300, true)],
  };
  it('counts frames with a pose; the same frames give the same landmark hash', () => {
    const r = poseReport('c.mp4', track);
    expect(r).toMatchObject({ framesAnalyzed: 4, framesWithPose: 3, poseRate: 0.75, backend: 'wasm' });
    expect(r.timing).toBeUndefined();
    expect(poseReport('c.mp4', { ...track, frames: [...track.frames] }).landmarksSha256).toBe(r.landmarksSha256);
    const moved = track.frames.map((fr, i) => (i === 2 ? { ...fr, tMs: 201 } : fr));
    expect(poseReport('c.mp4', { ...track, frames: moved }).landmarksSha256).not.toBe(r.landmarksSha256);
  });
  it('summarises the timings apart: real-time factor, detector quantiles, the share outside the detector', () => {
    const t = timingReport(2, {
      detectorMs: [40, 50, 45, 300],
      waitMs: [100, 0, 0, 1],
      workers: 1,
      analysisWallMs: 500,
      firstPoseMs: 812.4,
      modelLoadMs: 1500,
      peakHeapMB: 20,
    });
    expect(t).toMatchObject({
      realTimeFactor: 4,
      analysisWallS: 0.5,
      detectorMsMedian: 50, // src/motion/stats.ts quantile: the value at floor(q * n) of the sorted list
      detectorMsP90: 300,
      nonDetectorShare: 0.13,
      frameWaitMsMedian: 1,
      firstPoseMs: 812,
    });
  });
  /** A 2 s clip analysed in two workers in 0.5 s, as the page reports it. */
  const twoWorkers: PageTimings = {
    detectorMs: [40, 50, 45, 300, 40, 50, 45, 300],
    waitMs: [],
    workers: 2,
    analysisWallMs: 500,
    firstPoseMs: null,
    modelLoadMs: 1500,
    peakHeapMB: null,
  };
  it('counts the share outside the detector per analysing thread when workers ran side by side', () => {
    const t = timingReport(2, twoWorkers);
    expect(t).toMatchObject({ realTimeFactor: 4, workers: 2, nonDetectorShare: 0.13 });
  });
  it('carries the CPU figures (cores busy, host steal) rounded, and null where they could not be read', () => {
    expect(timingReport(2, twoWorkers, { coresBusy: 1.9649, stealShare: 0.0312 })).toMatchObject({
      coresBusy: 1.96,
      cpuStealShare: 0.03,
    });
    expect(timingReport(2, twoWorkers)).toMatchObject({ coresBusy: null, cpuStealShare: null });
  });
});
