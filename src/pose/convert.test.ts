import { describe, expect, it } from 'vitest';
import { toPoseFrame, type RawPose } from './convert.ts';

const pose = (n = 33, x = 320): RawPose => ({
  score: 0.9,
  keypoints: Array.from({ length: n }, (_, i) => ({ x, y: 10 * i, z: -64, score: i / 40 })),
  keypoints3D: Array.from({ length: n }, () => ({ x: 0.1, y: -0.2, z: 0.05, score: 0.7 })),
});

describe('toPoseFrame', () => {
  it('normalises pixel keypoints by the image size and keeps visibility and world landmarks', () => {
    const f = toPoseFrame([pose()], 1234, 640, 480, { zInPixels: true });
    expect(f.tMs).toBe(1234);
    expect(f.landmarks).toHaveLength(33);
    expect(f.landmarks?.[0]).toEqual({ x: 0.5, y: 0, z: -0.1, visibility: 0 });
    expect(f.landmarks?.[32]?.y).toBeCloseTo(320 / 480);
    expect(f.worldLandmarks?.[5]).toEqual({ x: 0.1, y: -0.2, z: 0.05, visibility: 0.7 });
    expect(f.score).toBe(0.9);
  });
  it('leaves an already normalised z alone for the mediapipe runtime', () => {
    expect(toPoseFrame([pose()], 0, 640, 480).landmarks?.[0]?.z).toBe(-64);
  });
  it('reports "no person" for no pose, a partial pose or NaN keypoints', () => {
    expect(toPoseFrame([], 5, 640, 480)).toMatchObject({ landmarks: null, worldLandmarks: null, score: 0, tMs: 5 });
    expect(toPoseFrame([pose(17)], 5, 640, 480).landmarks).toBeNull();
    expect(toPoseFrame([pose(33, NaN)], 5, 640, 480).landmarks).toBeNull();
  });
});
