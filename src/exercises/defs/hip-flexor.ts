import type { BodyFeatures } from '../../motion/features.ts';
import type { Measurement } from '../counting/spec.ts';
import { defineStretch } from '../define-stretch.ts';
import { kneelingLunge } from '../../motion/synth/poses.ts';
import { Script, towards } from '../../motion/synth/script.ts';
import { kneeAboveAnkle, shinLeanDeg, trunkPitchDeg } from '../../motion/form-features.ts';
import type { CheckInput } from '../checks/types.ts';
import type { Side } from '../types.ts';
import { readSide } from '../checks/reading.ts';
import { LEGS, SHINS, TRUNK } from '../checks/segments.ts';

/** Back knee on the floor: within this many torso lengths of its ankle's height (kneeling 0-0.1 on the generator,
 * a front knee over its foot 0.8). */
const KNEELING_MAX_KNEE_ABOVE_ANKLE = 0.25;

/** Hip extension of the kneeling (back) leg: how far its thigh points behind the trunk line, degrees. The back is
 * told from the front by the other thigh's direction, or, when the far leg is hidden (side-on it often is: far-side
 * joints measure under 0.5 visibility in 25-50 % of the frames of the footage tracks), by which way the face points. */
function backHipExtension(f: BodyFeatures): Measurement | null {
  const { left, right } = f.legs;
  if (left.kneeAboveAnkle !== null && right.kneeAboveAnkle !== null) {
    const backSide = left.kneeAboveAnkle < right.kneeAboveAnkle ? 'left' : 'right';
    const back = f.legs[backSide].thighFromTrunkDeg;
    const front = f.legs[backSide === 'left' ? 'right' : 'left'].thighFromTrunkDeg;
    if (back === null || front === null || front === 0) return null;
    // the front thigh points forward: its sign tells which way the person faces; behind = the opposite sign
    return { depth: -back * Math.sign(front), side: backSide };
  }
  // one leg seen: it has to be the kneeling one, and the face tells forward from back (facing image right, a thigh
  // behind the trunk line measures positive)
  const side = left.kneeAboveAnkle !== null ? 'left' : right.kneeAboveAnkle !== null ? 'right' : null;
  if (!side || f.facingX === null) return null;
  const leg = f.legs[side];
  if (
    leg.kneeAboveAnkle === null ||
    leg.kneeAboveAnkle > KNEELING_MAX_KNEE_ABOVE_ANKLE ||
    leg.thighFromTrunkDeg === null
  )
    return null;
  return { depth: leg.thighFromTrunkDeg * f.facingX, side };
}

const ALWAYS = ['start', 'moving', 'end-range', 'hold'] as const;

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

export const hipFlexor = defineStretch({
  definition: {
    id: 'hip-flexor',
    name: 'Kneeling hip flexor stretch',
    summary: 'Stretches the front of the hip of the kneeling leg, which pulls on the low back when tight.',
    steps: [
      'Kneel on one knee (a cushion under it), the other foot flat in front, knee over ankle.',
      'Tuck your tailbone under and keep your trunk upright.',
      'Shift your weight gently forward until you feel a stretch at the front of the back hip.',
      'Hold 30 seconds, then change sides.',
    ],
    startPositions: ['kneeling-lunge'],
    view: 'side',
    cameraSetup:
      'Side-on to the camera, 2-3 m away, laptop raised to hip height, from head to both feet in the picture.',
    kind: 'hold',
    targets: { reps: { min: 1, max: 3 }, holdS: { min: 30, max: 30 }, sides: 'each' },
    signal: { label: 'back-leg hip extension', unit: 'deg' },
    cues: {
      start: 'Kneel on one knee, the other foot flat in front of you.',
      deeper: 'Tuck your tailbone under and shift your weight forward a little.',
      hold: 'Keep your trunk upright and hold.',
      release: 'Shift back and rest the front leg.',
      switchSide: (side) => `Alternate: now the ${side} leg.`,
    },
  },
  measure: backHipExtension,
  checks: [
    {
      id: 'back-knee-down',
      article: 'Lunge position, kneeling on the back knee.',
      measures: 'back knee height above its ankle, torso lengths',
      read: (inp) => readSide(backLeg(inp), (s) => kneeAboveAnkle(inp.points, s)),
      above: BACK_KNEE_UP_MAX,
      when: ALWAYS,
      side: 'worked',
      fault: 'Your back knee is off the floor.',
      cue: 'Lower your back knee onto the floor, on a cushion.',
      effect: 'pause-hold',
      segment: LEGS,
    },
    {
      id: 'front-knee-over-ankle',
      article: 'Front foot flat, the knee over the ankle.',
      measures: 'front shin lean from square to the foot, degrees (+ = knee ahead)',
      read: (inp) => readSide(backLeg(inp), (s) => shinLeanDeg(inp.points, s), true),
      above: FRONT_SHIN_MAX_DEG,
      when: ['moving', 'end-range', 'hold'],
      side: 'other',
      fault: 'Your front knee is out past your ankle.',
      cue: 'Move your front foot forward so the knee stays over the ankle.',
      effect: 'cue',
      segment: SHINS,
    },
    {
      id: 'trunk-upright',
      article: 'Tuck the tail bone under (posterior pelvic tilt) with the trunk upright; do not arch back.',
      measures: 'trunk lean back from vertical, degrees',
      read: (inp) => {
        const front = readSide(backLeg(inp), (s) => trunkPitchDeg(inp.points, s), true);
        return front && { value: -front.value, side: null };
      },
      above: TRUNK_BACK_MAX_DEG,
      when: ['moving', 'end-range', 'hold'],
      side: 'none',
      fault: 'You are arching your back.',
      cue: 'Tuck your tailbone under and bring your trunk upright.',
      effect: 'pause-hold',
      segment: TRUNK,
    },
  ],
  nearStart: nearLunge,
  counter: {
    type: 'hold',
    // no kneeling-lunge footage: from the generator; kneeling upright puts the back thigh 0-5 degrees behind the
    // trunk line, a felt stretch 10-20 (normal hip extension range ~10-20 degrees)
    enterDepth: 8,
    exitDepth: 4,
    settlePerS: 10,
    minReportMs: 3000,
    // a 30 s hold: changing sides takes 5 s or more (stand, turn, kneel again), so a loss of the far leg under 3 s
    // that comes back in the lunge is the same hold (far-side joints stay under 0.5 visibility for 2-3 s at a time
    // on the footage tracks)
    graceMs: 3000,
  },
  scenario: (v) => {
    const k = v.depthScale ?? 1;
    const s = new Script({ ext: 2, backLeft: 1 }).stay(3);
    for (const side of ['left', 'right'] as const) {
      if (side === 'right') s.move({ backLeft: 0 }, 3).stay(2);
      s.move(towards({ ext: 2 }, { ext: 18 }, k), 2)
        .hold(v.holdS ?? 31, side, k >= 1)
        .move({ ext: 2 }, 2)
        .stay(2);
    }
    // a 2 s eased approach
    return { pose: kneelingLunge, script: s, floor: false, holdToleranceS: 1.3 };
  },
});
