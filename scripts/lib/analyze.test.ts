import { describe, expect, it } from 'vitest';
import { parseAnalyzeArgs, UsageError } from './cli-args.ts';
import { poseReport } from './report.ts';
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
      backend: 'auto',
      maxSide: 640,
      maxSeconds: null,
    });
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
  it('counts frames with a pose and summarises detector times', () => {
    const r = poseReport('c.mp4', track, { detectorMs: [40, 50, 45, 300], firstPoseMs: 812.4 });
    expect(r).toMatchObject({
      framesAnalyzed: 4,
      framesWithPose: 3,
      poseRate: 0.75,
      detectorMsMedian: 50, // the upper of the two middle times (src/motion/stats.ts)
      detectorMsP90: 300,
      firstPoseMs: 812,
      backend: 'wasm',
    });
  });
  it('reports no detector times as null, not NaN', () => {
    expect(poseReport('c.mp4', track)).toMatchObject({ detectorMsMedian: null, detectorMsP90: null });
  });
});
