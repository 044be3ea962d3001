import { describe, expect, it } from 'vitest';
import { analysisProgress, formatClock, formatProgress } from './progress.ts';

describe('analysis progress', () => {
  it.each([
    [0, 264, 0, 0, null, '0 / 264 frames'],
    [4, 264, 400, 4 / 264, null, '4 / 264 frames'],
    [120, 264, 12_000, 120 / 264, 14, '120 / 264 frames, 0:14 left'],
    [6000, 6000, 600_000, 1, 0, '6000 / 6000 frames, 0:00 left'],
  ])('%i of %i after %i ms', (done, total, ms, fraction, left, text) => {
    const p = analysisProgress(done, total, ms);
    expect(p.fraction).toBeCloseTo(fraction, 6);
    expect(p.secondsLeft).toBe(left);
    expect(formatProgress(p)).toBe(text);
  });
  it('never reports more done than total when the estimate of the total was short', () => {
    const p = analysisProgress(270, 264, 27_000);
    expect(p.total).toBe(270);
    expect(p.fraction).toBe(1);
  });
  it.each([
    [0, '0:00'],
    [59.6, '1:00'],
    [754, '12:34'],
    [3725, '1:02:05'],
  ])('%s s reads %s', (s, text) => expect(formatClock(s)).toBe(text));
});
