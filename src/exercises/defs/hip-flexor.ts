import type { BodyFeatures } from '../../motion/features.ts';
import type { Measurement } from '../counting/spec.ts';
import { defineStretch } from '../define-stretch.ts';
import { kneelingLunge } from '../../motion/synth/poses.ts';
import { Script, towards } from '../../motion/synth/script.ts';

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
