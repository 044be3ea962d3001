import { describe, expect, it } from 'vitest';
import { parseLandmarkTrack, roundFrame } from './track.ts';
import type { LandmarkTrack, PoseFrame } from './types.ts';

const lm = Array.from({ length: 33 }, (_, i) => ({
  x: 0.123456 + i / 100,
  y: 0.5,
  z: -0.0012345,
  visibility: 0.98765,
}));
const frame = (tMs: number, person = true): PoseFrame => ({
  tMs,
  landmarks: person ? lm : null,
  worldLandmarks: person ? lm.map((l) => ({ ...l, x: 0.12345 })) : null,
  score: person ? 0.9 : 0,
  imageWidth: 640,
  imageHeight: 360,
});
const track = (frames: PoseFrame[]): LandmarkTrack => ({
  format: 'spine-coach-track',
  version: 1,
  source: 'x.mp4',
  backend: 'wasm',
  model: 'full',
  fps: 10,
  durationS: 1,
  frames,
});

describe('landmark tracks', () => {
  it('rounds image coordinates to 4 and world ones to 3 decimals', () => {
    const r = roundFrame(frame(100.00049));
    expect(r.landmarks?.[0]).toEqual({ x: 0.1235, y: 0.5, z: -0.0012, visibility: 0.988 });
    expect(r.worldLandmarks?.[0]?.x).toBe(0.123);
    expect(r.tMs).toBe(100);
  });
  it('accepts a track with "no person" frames and rejects broken ones', () => {
    expect(parseLandmarkTrack(JSON.parse(JSON.stringify(track([frame(0), frame(100, false)])))).frames).toHaveLength(2);
    expect(() => parseLandmarkTrack({ format: 'other' })).toThrow(/not a spine-coach/);
    expect(() => parseLandmarkTrack(track([frame(100), frame(0)]))).toThrow(/never decrease/);
    expect(() => parseLandmarkTrack(track([{ ...frame(0), landmarks: lm.slice(0, 17) }]))).toThrow(/33 points/);
  });
});
