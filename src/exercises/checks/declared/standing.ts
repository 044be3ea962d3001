/** Form checks for the kneeling hip flexor, the nerve stretch and the QL side bend. */
import { LM } from '../../../pose/landmarks.ts';
import {
  headFlexionDeg,
  hipShiftAgainstBend,
  kneeAboveAnkle,
  kneeFlexionDeg,
  shinLeanDeg,
  trunkLeanAndTwistDeg,
  trunkPitchDeg,
} from '../../../motion/form-features.ts';
import type { BodyFeatures } from '../../../motion/features.ts';
import type { Side } from '../../types.ts';
import type { CheckInput, StretchChecks } from '../types.ts';

const ALWAYS = ['start', 'moving', 'end-range', 'hold'] as const;
const other = (s: Side): Side => (s === 'left' ? 'right' : 'left');

/** The kneeling (back) leg: the worked side, or the leg whose knee is lower above its ankle. */
function backLeg({ workSide, features }: CheckInput): Side | null {
  if (workSide) return workSide;
  const l = features.legs.left.kneeAboveAnkle;
  const r = features.legs.right.kneeAboveAnkle;
  if (l === null || r === null) return null;
  return l < r ? 'left' : 'right';
}

/** The back knee more than this above its ankle, torso lengths, is off the floor: kneeling measures 0-0.1 on the
 * generator (the position test allows 0.25). */
const BACK_KNEE_UP_MAX = 0.25;
/** Front shin leaning more than this from square to the foot, degrees: the knee is out past the ankle. A felt
 * stretch moves the knee 5-20 degrees ahead on the generator; past the toes (30+) loads the knee. */
const FRONT_SHIN_MAX_DEG = 30;
/** The trunk leaning back more than this from vertical, degrees, is arching the low back instead of tucking the
 * pelvis; upright kneeling sways within +-5 on the generator. */
const TRUNK_BACK_MAX_DEG = 12;

/** Upright with the legs split (one knee bent in front), but the back knee not down: a high lunge. */
function nearLunge(f: BodyFeatures): boolean {
  const { left, right } = f.legs;
  if (f.trunkElevationDeg < 50 || left.kneeAboveAnkle === null || right.kneeAboveAnkle === null) return false;
  const bentFront = (left.kneeFlexionDeg ?? 0) > 45 || (right.kneeFlexionDeg ?? 0) > 45;
  const split = Math.abs((left.thighFromTrunkDeg ?? 0) - (right.thighFromTrunkDeg ?? 0)) > 40;
  return bentFront && split;
}

export const hipFlexorChecks: StretchChecks = {
  checks: [
    {
      id: 'back-knee-down',
      article: 'Lunge position, kneeling on the back knee.',
      measures: 'back knee height above its ankle, torso lengths',
      read: (inp) => {
        const s = backLeg(inp);
        const v = s ? kneeAboveAnkle(inp.points, s) : null;
        return v === null ? null : { value: v, side: s };
      },
      above: BACK_KNEE_UP_MAX,
      when: ALWAYS,
      side: 'worked',
      fault: 'Your back knee is off the floor.',
      cue: 'Lower your back knee onto the floor, on a cushion.',
      effect: 'pause-hold',
      segment: [LM.leftHip, LM.leftKnee, LM.leftAnkle, LM.rightHip, LM.rightKnee, LM.rightAnkle],
    },
    {
      id: 'front-knee-over-ankle',
      article: 'Front foot flat, the knee over the ankle.',
      measures: 'front shin lean from square to the foot, degrees (+ = knee ahead)',
      read: (inp) => {
        const s = backLeg(inp);
        const v = s ? shinLeanDeg(inp.points, other(s)) : null;
        return v === null ? null : { value: v, side: other(s!) };
      },
      above: FRONT_SHIN_MAX_DEG,
      when: ['moving', 'end-range', 'hold'],
      side: 'other',
      fault: 'Your front knee is out past your ankle.',
      cue: 'Move your front foot forward so the knee stays over the ankle.',
      effect: 'cue',
      segment: [LM.leftKnee, LM.leftAnkle, LM.rightKnee, LM.rightAnkle],
    },
    {
      id: 'trunk-upright',
      article: 'Tuck the tail bone under (posterior pelvic tilt) with the trunk upright; do not arch back.',
      measures: 'trunk lean back from vertical, degrees',
      read: (inp) => {
        const s = backLeg(inp);
        const v = s ? trunkPitchDeg(inp.points, other(s)) : null;
        return v === null ? null : { value: -v, side: null };
      },
      above: TRUNK_BACK_MAX_DEG,
      when: ['moving', 'end-range', 'hold'],
      side: 'none',
      fault: 'You are arching your back.',
      cue: 'Tuck your tailbone under and bring your trunk upright.',
      effect: 'pause-hold',
      segment: [LM.leftShoulder, LM.rightShoulder, LM.leftHip, LM.rightHip],
    },
  ],
  nearStart: nearLunge,
};

/** The raised (worked) leg, from the features: the foot clearly higher than the other. */
function raisedSide({ workSide, features }: CheckInput): Side | null {
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

export const nerveStretchChecks: StretchChecks = {
  checks: [
    {
      id: 'raised-leg-straight',
      article: 'One foot up on a bench, that leg completely straight.',
      measures: 'knee bend of the raised leg, degrees',
      read: (inp) => {
        const s = raisedSide(inp);
        const v = s ? kneeFlexionDeg(inp.points, s) : null;
        return v === null ? null : { value: v, side: s };
      },
      above: STRAIGHT_KNEE_MAX_DEG,
      when: ALWAYS,
      side: 'worked',
      fault: 'Your raised knee is bent.',
      cue: 'Straighten the leg on the bench completely.',
      effect: 'reject-rep',
      segment: [LM.leftHip, LM.leftKnee, LM.leftAnkle, LM.rightHip, LM.rightKnee, LM.rightAnkle],
    },
    {
      id: 'standing-leg-straight',
      article: 'Stand tall on the other leg.',
      measures: 'knee bend of the standing leg, degrees',
      read: (inp) => {
        const s = raisedSide(inp);
        const v = s ? kneeFlexionDeg(inp.points, other(s)) : null;
        return v === null ? null : { value: v, side: other(s!) };
      },
      above: STRAIGHT_KNEE_MAX_DEG,
      when: ALWAYS,
      side: 'other',
      fault: 'Your standing knee is bent.',
      cue: 'Straighten your standing leg.',
      effect: 'cue',
      segment: [LM.leftHip, LM.leftKnee, LM.leftAnkle, LM.rightHip, LM.rightKnee, LM.rightAnkle],
    },
    {
      id: 'hinge-at-hips',
      article: 'Lean forwards at the hips (not by rounding the back).',
      measures: 'head dropped forward from the line of the trunk, degrees',
      read: ({ points }) => {
        const v = headFlexionDeg(points);
        return v === null ? null : { value: v, side: null };
      },
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
};

/** Leaning forward or twisting more than this beyond standing upright, degrees, is not a pure side bend: the
 * generator's side bends keep both within __QL__; pfc/side-stretches __SIDE__. */
const FORWARD_OR_TWIST_MAX_DEG = 20;
/** Hips pushed out less than this against the bend, torso lengths, is not "push the hip out": __SHIFT__. */
const HIP_SHIFT_MIN = 0.05;

export const qlStretchChecks: StretchChecks = {
  checks: [
    {
      id: 'side-bend-only',
      article: 'Tilt the trunk to the side (no forward lean or twist).',
      measures: "the larger of forward lean and twist out of the body's frontal plane, degrees",
      read: ({ points }) => {
        if (points.space !== 'world') return null; // the picture from the front cannot show either
        const v = trunkLeanAndTwistDeg(points);
        return v === null ? null : { value: Math.max(Math.abs(v.forwardDeg), Math.abs(v.twistDeg)), side: null };
      },
      above: FORWARD_OR_TWIST_MAX_DEG,
      when: ['moving', 'end-range', 'hold'],
      side: 'none',
      fault: 'You are leaning forward or twisting.',
      cue: 'Bend straight to the side, chest facing forward.',
      effect: 'cue',
      segment: [LM.leftShoulder, LM.rightShoulder, LM.leftHip, LM.rightHip],
    },
    {
      id: 'hips-shifted',
      article: 'Push the hip out to the other side.',
      measures: 'hip centre pushed out against the bend from over the feet, torso lengths',
      read: ({ points }) => {
        const v = hipShiftAgainstBend(points);
        return v === null ? null : { value: v, side: null };
      },
      below: HIP_SHIFT_MIN,
      when: ['end-range', 'hold'],
      side: 'none',
      fault: 'Your hips are not pushed out to the side.',
      cue: 'Push your hip out to the other side as you bend.',
      effect: 'cue',
      segment: [LM.leftHip, LM.rightHip],
    },
  ],
};
