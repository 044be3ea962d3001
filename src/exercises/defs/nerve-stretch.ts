import type { BodyFeatures } from '../../motion/features.ts';
import type { Measurement } from '../counting/spec.ts';
import { defineStretch } from '../define-stretch.ts';
import type { Side } from '../types.ts';
import { standing } from '../../motion/synth/poses.ts';
import { Script, towards } from '../../motion/synth/script.ts';
import { headFlexionDeg, kneeFlexionDeg } from '../../motion/form-features.ts';
import { LM } from '../../pose/landmarks.ts';
import type { CheckInput } from '../checks/types.ts';
import { reading, readSide } from '../checks/reading.ts';
import { LEGS } from '../checks/segments.ts';

/** Side-on the far leg is often hidden (far-side joints under 0.5 visibility in 25-50 % of the frames of the footage
 * tracks): then a leg alone is "raised" when its ankle is less than this many torso lengths below the hips (standing
 * on it 1.6, heel on a 30-45 cm bench 0.7-1.0 on the generator). */
const RAISED_MAX_ANKLE_BELOW_HIP = 1.25;

/** The leg with its heel on the bench, or null when it cannot be told. */
function raisedSide(f: BodyFeatures): Side | null {
  const { left, right } = f.legs;
  if (left.ankleY !== null && right.ankleY !== null) {
    // both feet seen: the raised foot is at least 0.5 torso lengths above the standing one
    if (Math.abs(left.ankleY - right.ankleY) <= 0.5) return null;
    return left.ankleY < right.ankleY ? 'left' : 'right';
  }
  const side = left.ankleBelowHip !== null ? 'left' : right.ankleBelowHip !== null ? 'right' : null;
  return side && (f.legs[side].ankleBelowHip ?? 9) < RAISED_MAX_ANKLE_BELOW_HIP ? side : null;
}

/** The raised leg's ankle bend: shin to sole line (heel to foot index), negated so bending the foot up
 * (dorsiflexion) is deeper. The sole line does not curl with the toes as the ankle-to-toe line would. */
function raisedAnkle(f: BodyFeatures): Measurement | null {
  const side = raisedSide(f);
  const angle = side ? f.legs[side].ankleSoleDeg : null;
  return side && angle !== null ? { depth: -angle, side } : null;
}

/** A foot up on the bench with its knee nearly straight. */
function footOnBench(f: BodyFeatures): boolean {
  const side = raisedSide(f);
  return side !== null && (f.legs[side].kneeFlexionDeg ?? 90) < 25;
}

const ALWAYS = ['start', 'moving', 'end-range', 'hold'] as const;

/** The raised (worked) leg, from the features: the foot clearly higher than the other. */
function workedLeg({ workSide, features }: CheckInput): Side | null {
  if (workSide) return workSide;
  const l = features.legs.left.ankleY;
  const r = features.legs.right.ankleY;
  if (l === null || r === null || Math.abs(l - r) <= 0.5) return null;
  return l < r ? 'left' : 'right';
}

/** Knee bend over this, degrees, is not "completely straight": straight legs measure 0-8 on the generator (3
 * degrees of knee bend plus landmark noise); the start position allows 25. */
const STRAIGHT_KNEE_MAX_DEG = 15;
/** The head dropped forward more than this from the line of the trunk, degrees, while leaning: the back is rounding
 * instead of hinging at the hips (a hinge keeps the head in line, 0-10 on the generator). BlazePose has no spine
 * points, so the head's drop against the trunk line stands for the rounding. */
const ROUNDING_MAX_DEG = 30;

/** Standing with one foot clearly higher than the other (up on a bench), upright. */
function nearBench(f: BodyFeatures): boolean {
  const l = f.legs.left.ankleY;
  const r = f.legs.right.ankleY;
  return f.trunkElevationDeg > 45 && l !== null && r !== null && Math.abs(l - r) > 0.5;
}

export const nerveStretch = defineStretch({
  definition: {
    id: 'nerve-stretch',
    name: 'Nerve stretch',
    summary: 'Glides the sciatic nerve by pointing and bending the ankle with the leg straight.',
    steps: [
      'Stand and put one heel on a low bench or step, that leg straight.',
      'Keep your back straight and lean forward only until you feel a gentle pull.',
      'Point your foot away, then bend it back towards you: that is one.',
      'Do 20, slowly, then change legs. Stop if you feel tingling or pain down the leg.',
    ],
    startPositions: ['standing'],
    view: 'side',
    cameraSetup: 'Side-on to the camera, 2 m away, laptop at knee height, the raised foot clearly in the picture.',
    kind: 'reps',
    targets: { reps: { min: 20, max: 20 }, sides: 'each' },
    signal: { label: 'ankle bend', unit: 'deg' },
    cues: {
      start: 'Stand and put one heel on a low bench, that leg straight.',
      deeper: 'Bend the foot back towards you a little more.',
      hold: 'Point the foot away, then bend it back.',
      release: 'Lower the leg from the bench.',
      switchSide: (side) => `Alternate: now the ${side} leg.`,
    },
  },
  inPosition: (f) => footOnBench(f),
  measure: raisedAnkle,
  checks: [
    {
      id: 'raised-leg-straight',
      article: 'One foot up on a bench, that leg completely straight.',
      measures: 'knee bend of the raised leg, degrees',
      read: (inp) => readSide(workedLeg(inp), (s) => kneeFlexionDeg(inp.points, s)),
      above: STRAIGHT_KNEE_MAX_DEG,
      when: ALWAYS,
      side: 'worked',
      fault: 'Your raised knee is bent.',
      cue: 'Straighten the leg on the bench completely.',
      effect: 'reject-rep',
      segment: LEGS,
    },
    {
      id: 'standing-leg-straight',
      article: 'Stand tall on the other leg.',
      measures: 'knee bend of the standing leg, degrees',
      read: (inp) => readSide(workedLeg(inp), (s) => kneeFlexionDeg(inp.points, s), true),
      above: STRAIGHT_KNEE_MAX_DEG,
      when: ALWAYS,
      side: 'other',
      fault: 'Your standing knee is bent.',
      cue: 'Straighten your standing leg.',
      effect: 'cue',
      segment: LEGS,
    },
    {
      id: 'hinge-at-hips',
      article: 'Lean forwards at the hips (not by rounding the back).',
      measures: 'head dropped forward from the line of the trunk, degrees',
      read: ({ points }) => reading(headFlexionDeg(points)),
      above: ROUNDING_MAX_DEG,
      when: ALWAYS,
      side: 'none',
      fault: 'You are rounding your back.',
      cue: 'Keep your back long and lean from your hips.',
      effect: 'cue',
      segment: [LM.nose, LM.leftEar, LM.rightEar, LM.leftShoulder, LM.rightShoulder, LM.leftHip, LM.rightHip],
    },
  ],
  nearStart: nearBench,
  counter: {
    type: 'reps',
    // no footage: ankle range from point to bend is 30-50 degrees in healthy adults, 15 counts a deliberate bend
    enterDepth: 15,
    // back within 7 degrees of the pointed position
    exitDepth: 7,
    minPhaseMs: 400,
    // rest = the pointed foot: the 20th percentile of the last 6 s of (negated) ankle angle
    baseline: { windowMs: 6000, quantile: 0.2 },
  },
  scenario: (v) => {
    const rest = { raise: 70, plantar: 25, lean: 10, raisedLeft: v.cameraSide === 'right' ? 0 : 1 };
    const side: Side = rest.raisedLeft ? 'left' : 'right';
    const s = new Script(rest).stay(3);
    for (let i = 0; i < (v.reps ?? 6); i++)
      s.move(towards(rest, { plantar: -15 }, v.depthScale ?? 1), 0.8)
        .stay(0.5)
        .rep(side)
        .move(rest, 0.8)
        .stay(0.7);
    return { pose: standing, script: s.stay(1), floor: false };
  },
});
