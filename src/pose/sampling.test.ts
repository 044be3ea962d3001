import { describe, expect, it } from 'vitest';
import { fitSize, frameSampler, frameStartS, sampledFrameCount, sampleTimesS } from './sampling.ts';

describe('video sampling', () => {
  it('samples at the requested rate, in the middle of source frames', () => {
    const t = sampleTimesS(1, 10, 25);
    expect(t).toHaveLength(10);
    expect(t[0]).toBeCloseTo(0.02);
    expect(t[9]).toBeCloseTo(0.92);
    expect(t.map((x) => frameStartS(x, 25))).toEqual(
      [0, 0.12, 0.2, 0.32, 0.4, 0.52, 0.6, 0.72, 0.8, 0.92].map((x) => expect.closeTo(x, 6)),
    );
  });
  it('visits every source frame when fps is 0 and stops at the duration cap', () => {
    expect(sampleTimesS(2, 0, 30)).toHaveLength(60);
    expect(sampleTimesS(100, 10, 30, 30)).toHaveLength(300);
  });
  it('scales large frames down to 640 on the long side and never scales up', () => {
    expect(fitSize(1280, 720)).toEqual([640, 360]);
    expect(fitSize(480, 854)).toEqual([360, 640]);
    expect(fitSize(320, 240)).toEqual([320, 240]);
  });
});

/** Runs the sampler over `n` frames of a constant-rate clip and returns the picked frames' start times. */
function picked(fps: number, sourceFps: number, n: number, maxS = Infinity): number[] {
  const pick = frameSampler(fps, 1 / sourceFps, maxS);
  const out: number[] = [];
  for (let k = 0; k < n; k++)
    if (pick(k / sourceFps, (k + 1) / sourceFps)) out.push(Math.round((k / sourceFps) * 1e6) / 1e6);
  return out;
}

describe('frameSampler (decoded frames)', () => {
  it.each([
    [10, 25, 25],
    [10, 30, 90],
    [10, 24, 100],
    [5, 29.97, 120],
    [10, 10, 30],
    [10, 60, 200],
    [0, 30, 60],
  ])('picks the frames seeking picked: %i fps from a %s fps clip', (fps, sourceFps, n) => {
    const seekPicks = sampleTimesS(n / sourceFps, fps, sourceFps).map(
      (t) => Math.round(frameStartS(t, sourceFps) * 1e6) / 1e6,
    );
    expect(picked(fps, sourceFps, n)).toEqual(seekPicks);
    expect(sampledFrameCount(n / sourceFps, fps, sourceFps)).toBe(seekPicks.length);
  });
  it('analyses a frame that covers several sample times once (10 fps from a 5 fps clip)', () => {
    expect(picked(10, 5, 4)).toEqual([0, 0.2, 0.4, 0.6]);
  });
  it('counts the frames of a range as the frames starting in it (parallel segments add up to the file)', () => {
    const all = sampledFrameCount(26.3, 10, 30);
    const first = sampledFrameCount(26.3, 10, 30, Infinity, { fromMs: 0, toMs: 13150 });
    const second = sampledFrameCount(26.3, 10, 30, Infinity, { fromMs: 13150, toMs: Infinity });
    expect([all, first, second]).toEqual([263, 132, 131]);
  });
  it('stops at the duration cap', () => {
    expect(picked(10, 30, 300, 2)).toHaveLength(20);
  });
  it('still picks the next frame after a gap in the timestamps', () => {
    const pick = frameSampler(10, 1 / 30);
    expect(pick(0, 1 / 30)).toBe(true);
    expect(pick(0.5, 0.5 + 1 / 30)).toBe(true); // 0.1 .. 0.4 fell in the gap
    expect(pick(0.5 + 1 / 30, 0.5 + 2 / 30)).toBe(false);
  });
});
