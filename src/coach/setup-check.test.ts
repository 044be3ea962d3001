import { describe, expect, it } from 'vitest';
import { checkSetup } from './setup-check.ts';
import { PRONE, upd } from '../sessions/test-support.ts';
import { LM } from '../pose/landmarks.ts';
import type { ImageLandmark, PoseFrame } from '../pose/types.ts';

/** A person lying side-on across a 640x360 picture, head left, each landmark changeable. */
function lying(change: (i: number, p: ImageLandmark) => ImageLandmark = (_i, p) => p): PoseFrame {
  const at = (i: number): ImageLandmark => {
    const x = i <= 10 ? 0.2 : i <= 22 ? 0.3 : i <= 24 ? 0.5 : i <= 26 ? 0.65 : 0.8;
    return change(i, { x, y: 0.6, z: 0, visibility: 0.95 });
  };
  return {
    tMs: 0,
    landmarks: Array.from({ length: 33 }, (_, i) => at(i)),
    worldLandmarks: null,
    score: 0.9,
    imageWidth: 640,
    imageHeight: 360,
  };
}

describe('camera setup check', () => {
  it('passes a whole body seen side-on', () => {
    expect(checkSetup(lying(), upd(), PRONE)).toMatchObject({ ok: true });
  });
  it('nobody in the picture', () => {
    expect(checkSetup({ ...lying(), landmarks: null }, upd({ notJudged: 'no-person' }), PRONE).problem).toBe(
      'no-person',
    );
  });
  it('a second person in the picture: ask them to step out, whatever else is right', () => {
    const v = checkSetup(lying(), upd(), PRONE, 'several');
    expect(v).toMatchObject({ ok: false, problem: 'several-people' });
    expect(v.message).toMatch(/more than one person/);
  });
  it('waits for the first people check before saying all is well', () => {
    expect(checkSetup(lying(), upd(), PRONE, 'unchecked')).toMatchObject({ ok: false, problem: 'people-unchecked' });
  });
  it('hips hidden: "I can\'t see your hips"', () => {
    const v = checkSetup(
      lying((i, p) => (i === LM.leftHip || i === LM.rightHip ? { ...p, visibility: 0.1 } : p)),
      upd(),
      PRONE,
    );
    expect(v.problem).toBe('hips-hidden');
    expect(v.message).toMatch(/can't see your hips/);
  });
  it('feet at the picture edge: move back', () => {
    const v = checkSetup(
      lying((i, p) => (i >= 27 ? { ...p, x: 0.995 } : p)),
      upd(),
      PRONE,
    );
    expect(v.problem).toBe('move-back');
    expect(v.message).toMatch(/^Move back/);
  });
  it('facing the camera for a side-view stretch: turn side-on', () => {
    expect(checkSetup(lying(), upd({ view: 'front' }), PRONE).message).toMatch(/Turn side-on/);
  });
  it('a tiny figure far away: come closer', () => {
    const v = checkSetup(
      lying((_i, p) => ({ ...p, x: 0.45 + (p.x - 0.45) * 0.2 })),
      upd(),
      PRONE,
    );
    expect(v.problem).toBe('come-closer');
  });
});
