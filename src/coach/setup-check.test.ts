import { describe, expect, it } from 'vitest';
import { checkSetup } from './setup-check.ts';
import { lyingFrame, PRONE, upd } from '../sessions/test-support.ts';
import { LM } from '../pose/landmarks.ts';

const lying = lyingFrame;

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
