import { describe, expect, it } from 'vitest';
import { benchRow, formatTable } from './bench-report.ts';
import type { BenchPageResult } from '../src/perf/bench-harness.svelte.ts';

const summary = (median: number) => ({ median, p90: median, mean: median, n: 10 });
function page(over: Partial<BenchPageResult> = {}): BenchPageResult {
  return {
    backend: 'wasm',
    model: 'lite',
    mode: 'main',
    inputWidth: 0,
    videoWidth: 640,
    videoHeight: 360,
    shellPaintMs: 80,
    cameraReadyMs: 150,
    modelReadyMs: 500,
    firstPoseMs: 600,
    detectorMs: [30, 32, 31, 40],
    pipelineMs: [0.3, 0.4, 0.4, 0.5],
    stageMs: { overlay: [0.2, 0.2] },
    framesAnalysed: 240,
    framesWithPose: 228,
    framesPresented: 300,
    measuredS: 10,
    rafCount: 250,
    rafGapP90Ms: 40,
    heapBeforeMB: 16,
    heapAfterMB: 16.8,
    samples: [],
    repCount: 0,
    phaseFrames: { setup: 40, counting: 200 },
    peopleCheckMs: [200, 210, 190],
    ...over,
  };
}

describe('benchRow', () => {
  it('reports pipeline/detector as the overhead ratio, skipped camera frames as dropped, and heap growth', () => {
    const r = benchRow('wasm', page({ firstPoseMs: 2400 }), page());
    expect(r.detectorMsMedian).toBe(32); // the upper of the two middle times (src/motion/stats.ts);
    expect(r.pipelineMsMedian).toBe(0.4);
    expect(r.overheadRatio).toBeCloseTo(0.4 / 32, 4);
    expect(r.framesDropped).toBe(60);
    expect(r.loopFps).toBe(24);
    expect(r.phaseFrames).toEqual({ setup: 40, counting: 200 });
    expect(r.uiFps).toBe(25);
    expect(r.firstPoseMs).toBe(600);
    expect(r.firstPoseMsCold).toBe(2400);
    expect(r.heapGrowthRatio).toBeCloseTo(0.05, 4);
    // one 200 ms people check every 30 s against 32 ms x 24 frames of detector per second
    expect(r.peopleCheckMsMedian).toBe(200);
    expect(r.peopleCheckRatio).toBeCloseTo(200 / (30 * 32 * 24), 4);
  });
  it('measures a long session from the first minute to the last sample, not from before the run', () => {
    const samples = [1, 2, 3].map((minute, i) => ({
      minute,
      heapMB: [20, 20.5, 21][i] as number,
      detector: summary(31),
      pipeline: summary(0.4),
      framesAnalysed: 1500,
    }));
    const r = benchRow('wasm', page(), page({ samples, heapBeforeMB: 10 }));
    expect(r.heapGrowthRatio).toBeCloseTo(0.05, 4);
    expect(r.samples).toHaveLength(3);
  });
  it('names the backend auto picked in the table', () => {
    const row = benchRow('auto', page(), page({ backend: 'mediapipe-cpu' }));
    expect(formatTable([row]).split('\n')[1]).toMatch(/^auto->mediapipe-cpu/);
  });
});
