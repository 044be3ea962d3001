import { describe, expect, it } from 'vitest';
import { bodyPoints } from './synth/body.ts';
import { cameraAt, project } from './synth/camera.ts';
import { standing, supine } from './synth/poses.ts';
import { v3 } from './synth/vec.ts';
import { computeFeatures } from './features.ts';
import { kneeRollWorldDeg } from './world-features.ts';
import type { PoseFrame } from '../pose/types.ts';
import type { BodyPose } from './synth/body.ts';

/** One frame of a generated body, seen from `from` (a horizontal direction) at `heightM`, without noise. */
function frame(pose: BodyPose, from = v3(0, 0, -1), heightM = 0.35): PoseFrame {
  const pts = bodyPoints(pose, 1.7);
  const cam = cameraAt(v3(0.3, 0.2, 0), from, 2.6, heightM);
  const { landmarks, world } = project(pts, cam, { noisePx: 0, farVisibility: 0.8, gauss: () => 0 });
  return { tMs: 0, landmarks, worldLandmarks: world, score: 1, imageWidth: cam.widthPx, imageHeight: cam.heightPx };
}

describe('kneeRollWorldDeg', () => {
  it.each([0, 20, -35, 60])('reads a knee roll of %d degrees (+ = right) wherever the camera stands', (rollDeg) => {
    // the generator's legRoll is + to the left
    const pose = supine({ legRoll: -rollDeg });
    for (const [from, h] of [
      [v3(1, 0, 0), 0.8],
      [v3(1, 0, 0), 0.3],
      [v3(0, 0, -1), 0.35],
      [v3(1, 0, 1), 1.2],
    ] as const) {
      expect(kneeRollWorldDeg(frame(pose, from, h).worldLandmarks)).toBeCloseTo(rollDeg, 0);
    }
  });

  it('has no roll standing, nor in a standing side bend (straight knees)', () => {
    expect(kneeRollWorldDeg(frame(standing({}), v3(1, 0, 0), 1).worldLandmarks)).toBeNull();
    expect(kneeRollWorldDeg(frame(standing({ bend: 30 }), v3(1, 0, 0), 1).worldLandmarks)).toBeNull();
  });

  it('is unknown without world landmarks', () => {
    expect(kneeRollWorldDeg(null)).toBeNull();
  });
});

describe('computeFeatures on a generated body, side view', () => {
  it.each([
    { hip: 45, knee: 90 },
    { hip: 90, knee: 90 },
    { hip: 125, knee: 115 },
  ])('measures hip flexion $hip and knee flexion $knee within 3 degrees', ({ hip, knee }) => {
    const f = computeFeatures(frame(supine({ hipL: hip, kneeL: knee, hipR: hip, kneeR: knee })));
    expect(f).not.toBeNull();
    expect(Math.abs(f!.legs.left.kneeFlexionDeg! - knee)).toBeLessThan(3);
    expect(Math.abs(f!.legs.left.hipFlexionDeg! - hip)).toBeLessThan(3);
  });

  it('reads the ankle from the sole line: bending the foot up makes the angle smaller', () => {
    const pointed = computeFeatures(frame(standing({ raise: 70, plantar: 25 })))!;
    const bent = computeFeatures(frame(standing({ raise: 70, plantar: -15 })))!;
    expect(pointed.legs.left.ankleSoleDeg! - bent.legs.left.ankleSoleDeg!).toBeGreaterThan(30);
  });

  it('gives no feature for a joint below the visibility gate', () => {
    const f = frame(supine({}));
    const hidden = { ...f, landmarks: f.landmarks!.map((l, i) => (i === 25 ? { ...l, visibility: 0.2 } : l)) };
    const features = computeFeatures(hidden)!;
    expect(features.legs.left.hipFlexionDeg).toBeNull();
    expect(features.legs.left.kneeFlexionDeg).toBeNull();
  });
});
