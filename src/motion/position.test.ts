import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyPoints, type BodyPose } from './synth/body.ts';
import { cameraAt, project } from './synth/camera.ts';
import { fourPoint, kneelingLunge, prone, standing, supine } from './synth/poses.ts';
import { v3, type Vec3 } from './synth/vec.ts';
import { computeFeatures } from './features.ts';
import { PlausibilityGate } from './plausibility.ts';
import { cameraView, classifyPosition } from './position.ts';
import type { LandmarkTrack, PoseFrame } from '../pose/types.ts';

/** One noiseless frame of a generated 1.70 m body, camera 2.6 m away looking at the body's middle. */
function frame(pose: BodyPose, from: Vec3, heightM: number, scale = 1): PoseFrame {
  const pts = bodyPoints(pose, 1.7 * scale);
  const mid = [11, 12, 23, 24, 25, 26].reduce(
    (a, i) => v3(a.x + pts[i]!.x / 6, a.y + pts[i]!.y / 6, a.z + pts[i]!.z / 6),
    v3(0, 0, 0),
  );
  const cam = cameraAt(mid, from, 2.6, heightM);
  const { landmarks, world } = project(pts, cam, { noisePx: 0, farVisibility: 0.8, gauss: () => 0 });
  return { tMs: 0, landmarks, worldLandmarks: world, score: 1, imageWidth: cam.widthPx, imageHeight: cam.heightPx };
}

const SIDE = v3(0, 0, -1);
const OTHER_SIDE = v3(0, 0, 1);
const FRONT = v3(1, 0, 0);

describe('classifyPosition and cameraView on generated bodies', () => {
  it.each([
    { name: 'standing, side-on', pose: standing({}), from: SIDE, h: 1.0, position: 'standing', view: 'side' },
    {
      name: 'standing, facing the camera',
      pose: standing({}),
      from: FRONT,
      h: 1.0,
      position: 'standing',
      view: 'front',
    },
    { name: 'on all fours', pose: fourPoint({}), from: SIDE, h: 0.35, position: 'four-point-kneel', view: 'side' },
    {
      name: 'on all fours, other side',
      pose: fourPoint({ neck: 30 }),
      from: OTHER_SIDE,
      h: 0.5,
      position: 'four-point-kneel',
      view: 'side',
    },
    {
      name: 'on the back, knees bent',
      pose: supine({}),
      from: SIDE,
      h: 0.35,
      position: 'supine-knees-bent',
      view: 'side',
    },
    {
      name: 'on the back, legs straight',
      pose: supine({ hipL: 0, kneeL: 0, hipR: 0, kneeR: 0, plantarL: 10, plantarR: 10 }),
      from: SIDE,
      h: 0.35,
      position: 'supine-knees-straight',
      view: 'side',
    },
    { name: 'on the stomach', pose: prone({ lift: 2 }), from: SIDE, h: 0.35, position: 'prone', view: 'side' },
    { name: 'on the forearms', pose: prone({ lift: 28 }), from: OTHER_SIDE, h: 0.35, position: 'prone', view: 'side' },
    {
      name: 'kneeling lunge',
      pose: kneelingLunge({ ext: 10 }),
      from: SIDE,
      h: 0.6,
      position: 'kneeling-lunge',
      view: 'side',
    },
  ])('$name: $position, $view view', ({ pose, from, h, position, view }) => {
    const f = computeFeatures(frame(pose, from, h))!;
    expect(classifyPosition(f)).toBe(position);
    expect(cameraView(f)).toBe(view);
  });
});

describe('PlausibilityGate', () => {
  const lying = (scale: number) => computeFeatures(frame(supine({}), SIDE, 0.35, scale))!;

  it('rejects a single frame at a very different body scale (a skeleton spread over a title card)', () => {
    const gate = new PlausibilityGate();
    for (let i = 0; i < 5; i++) expect(gate.check(lying(1))).toBe('ok');
    expect(gate.check(lying(2.2))).toBe('implausible-pose');
    expect(gate.check(lying(1))).toBe('ok');
  });

  it('accepts a new scale that stays (a camera cut or zoom) after 8 frames', () => {
    const gate = new PlausibilityGate();
    for (let i = 0; i < 5; i++) gate.check(lying(1));
    const verdicts = Array.from({ length: 9 }, () => gate.check(lying(2.2)));
    expect(verdicts.slice(0, 7).every((v) => v === 'implausible-pose')).toBe(true);
    expect(verdicts.at(-1)).toBe('ok');
  });

  it('does not judge a body whose core joints are barely visible', () => {
    const f = frame(supine({}), SIDE, 0.35);
    const faded = { ...f, landmarks: f.landmarks!.map((l) => ({ ...l, visibility: 0.52 })) };
    const features = computeFeatures(faded)!;
    expect(new PlausibilityGate().check(features)).toBe('low-visibility');
  });
});

describe('face down is never lying on the back (real footage tracks)', () => {
  const tracks = path.resolve(import.meta.dirname, '../../tests/fixtures/tracks');
  const positions = (name: string) => {
    const track = JSON.parse(readFileSync(path.join(tracks, `${name}.json`), 'utf8')) as LandmarkTrack;
    return track.frames.flatMap((fr) => {
      const f = computeFeatures(fr);
      return f ? [classifyPosition(f)] : [];
    });
  };

  it.each(['pfc__childs-pose', 'trajnovd__childs_pose', 'trajnovd__quad_stretch'])(
    '%s: no frame is lying on the back',
    (name) => {
      expect(positions(name)).not.toContain('supine-knees-bent');
    },
  );

  it("the prone knee bend (hips on the floor) is prone; child's pose (hips over the heels) is neither", () => {
    expect(positions('trajnovd__quad_stretch').filter((p) => p === 'prone').length).toBeGreaterThan(50);
    expect(positions('pfc__childs-pose')).not.toContain('prone');
  });

  it('lying on the back with knees bent stays supine (adaptx knee to chest, pfc bridges)', () => {
    const ktc = positions('adaptx__knee_to_chest_stretching');
    expect(ktc.filter((p) => p === 'supine-knees-bent').length).toBeGreaterThan(250);
    expect(positions('pfc__glute-bridges').every((p) => p === 'supine-knees-bent')).toBe(true);
  });
});
