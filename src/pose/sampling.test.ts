import { describe, expect, it } from 'vitest';
import { fitSize, frameStartS, sampleTimesS } from './sampling.ts';

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
