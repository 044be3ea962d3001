import { describe, expect, it } from 'vitest';
import { droppedFrames, fpsFromMs, growthRatio, ratio, round, summarizeMs } from './stats.ts';

describe('summarizeMs', () => {
  it('gives median, p90, mean and count of detector times', () => {
    const s = summarizeMs([30, 32, 31, 45, 33, 29, 30, 31, 90, 30]);
    expect(s.median).toBe(31);
    expect(s.p90).toBe(90); // rank floor(0.9 * 10) = 9 of 0..9: a time that occurred
    expect(s.mean).toBeCloseTo(38.1);
    expect(s.n).toBe(10);
  });
});

describe('ratios', () => {
  it('turns a 40 ms detector into 25 fps and an unknown one into 0', () => {
    expect(fpsFromMs(40)).toBe(25);
    expect(fpsFromMs(NaN)).toBe(0);
  });
  it('reports heap growth relative to the first sample', () => {
    expect(growthRatio(100, 105)).toBeCloseTo(0.05);
    expect(growthRatio(100, 90)).toBeCloseTo(-0.1);
    expect(growthRatio(0, 5)).toBeNaN();
  });
  it('divides the pipeline time by the detector time', () => {
    expect(ratio(0.4, 40)).toBeCloseTo(0.01);
    expect(ratio(1, 0)).toBeNaN();
  });
  it('rounds for the report and turns NaN into null', () => {
    expect(round(1.23456, 2)).toBe(1.23);
    expect(round(NaN)).toBeNull();
  });
  it('counts camera frames the detector skipped, never below zero', () => {
    expect(droppedFrames(300, 180)).toBe(120);
    expect(droppedFrames(10, 12)).toBe(0);
  });
});
