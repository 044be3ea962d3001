import { describe, expect, it } from 'vitest';
import { contiguousFrames, inSegment, LEAD_MS, MIN_SEGMENT_S, planSegments } from './segments.ts';

describe('planSegments', () => {
  it.each([
    // duration s, workers, segments
    [4, 2, 1], // the short e2e clips: one pass, exactly as before
    [MIN_SEGMENT_S * 2 - 0.1, 2, 1],
    [MIN_SEGMENT_S * 2, 2, 2],
    [18.9, 2, 2], // bloomfit/pelvic_tilt.mp4 on 2 cores
    [26.3, 2, 2], // sphinx-pose.mp4 on 2 cores
    [20, 4, 3], // too short for one each: 3 of the 4 workers
    [600, 2, 2], // a 10-minute file
    [600, 4, 4],
    [600, 1, 1], // one worker: one pass, no lead
    [0, 4, 1],
  ])('%s s with %s workers: %s segments', (durationS, workers, n) => {
    expect(planSegments(durationS, workers)).toHaveLength(n);
  });

  it('covers the file without gaps or overlaps, the later segments with a lead', () => {
    const s = planSegments(26.3, 2);
    expect(s).toEqual([
      { startMs: 0, endMs: 13150, leadMs: 0 },
      { startMs: 13150, endMs: Infinity, leadMs: LEAD_MS },
    ]);
    for (const tMs of [0, 13149.9, 13150, 26300, 40000]) expect(s.filter((seg) => inSegment(seg, tMs))).toHaveLength(1);
  });

  it('gives the same plan every time (the report must not change between runs)', () => {
    expect(planSegments(600, 3)).toEqual(planSegments(600, 3));
  });
});

describe('contiguousFrames', () => {
  it('keeps finished segments and the first unfinished one, never a gap', () => {
    expect(contiguousFrames([[1, 2], [3], [4, 5]], [true, false, true])).toEqual([1, 2, 3]);
    expect(contiguousFrames([[1, 2], [3], [4]], [true, true, true])).toEqual([1, 2, 3, 4]);
    expect(contiguousFrames([[1], [3]], [false, false])).toEqual([1]);
    // segments finish out of order: a later finished one waits for the gap before it
    expect(contiguousFrames([[1], [2], [3], [4]], [true, false, true, true])).toEqual([1, 2]);
  });
});
