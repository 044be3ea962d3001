import { defineStretch } from '../define-stretch.ts';
import { standing } from '../../motion/synth/poses.ts';
import { Script, towards } from '../../motion/synth/script.ts';
import { hipShiftAgainstBend, trunkLeanAndTwistDeg } from '../../motion/form-features.ts';
import { reading } from '../checks/reading.ts';
import { PELVIS, TRUNK } from '../checks/segments.ts';

/** Leaning forward or twisting more than this beyond standing upright, degrees, is not a pure side bend: the
 * generator's side bends keep both within 8 degrees (camera 1.0 and 1.6 m up); pfc/side-stretches 6-9 while bending, then a twist of 12-24 as the chest turns to the floor (seen by eye: a fault). */
const FORWARD_OR_TWIST_MAX_DEG = 20;
/** Hips pushed out less than this against the bend, torso lengths, is not "push the hip out": the generator pushes the hip 0.2 torso lengths out at full bend; pfc/side-stretches keeps the hips over the feet (-0.2 to 0.2, a fault seen by eye). */
const HIP_SHIFT_MIN = 0.05;

export const qlStretch = defineStretch({
  definition: {
    id: 'ql-stretch',
    name: 'QL side-bend stretch',
    summary: 'A standing side bend that stretches the quadratus lumborum along the side of the low back.',
    steps: [
      'Stand tall, feet hip-width apart.',
      'Reach one arm overhead and slide the other hand down the side of your leg.',
      'Bend sideways until you feel a stretch along the side of your waist; hold 20-30 seconds.',
      'Come back up slowly and repeat on the other side.',
    ],
    startPositions: ['standing'],
    view: 'front',
    cameraSetup: 'Facing the camera, 2-3 m away, laptop at chest height, head to feet in the picture.',
    kind: 'hold',
    targets: { reps: { min: 1, max: 2 }, holdS: { min: 20, max: 30 }, sides: 'each' },
    signal: { label: 'side bend', unit: 'deg' },
    cues: {
      start: 'Stand tall, feet hip-width apart, facing the camera.',
      deeper: 'Slide your hand a little further down the side of your leg.',
      hold: 'Hold the side bend and breathe.',
      release: 'Come back up slowly.',
    },
  },
  // pfc/side-stretches is shot from 3/4 front and measures as side-on (shoulder ratio 0.05-0.2): both work
  views: ['front', 'side'],
  inPosition: (f, position) => position === 'standing' || f.trunkElevationDeg > 50,
  // lean of the trunk line from vertical; facing the camera, leaning to image-right is the person's left
  measure: (f) => ({ depth: Math.abs(f.trunkLeanDeg), side: f.trunkLeanDeg > 0 ? 'left' : 'right' }),
  checks: [
    {
      id: 'side-bend-only',
      article: 'Tilt the trunk to the side (no forward lean or twist).',
      measures: "the larger of forward lean and twist out of the body's frontal plane, degrees",
      read: ({ points }) => {
        if (points.space !== 'world') return null; // the picture from the front cannot show either
        const v = trunkLeanAndTwistDeg(points);
        return reading(v && Math.max(Math.abs(v.forwardDeg), Math.abs(v.twistDeg)));
      },
      above: FORWARD_OR_TWIST_MAX_DEG,
      when: ['moving', 'end-range', 'hold'],
      side: 'none',
      fault: 'You are leaning forward or twisting.',
      cue: 'Bend straight to the side, chest facing forward.',
      effect: 'cue',
      segment: TRUNK,
    },
    {
      id: 'hips-shifted',
      article: 'Push the hip out to the other side.',
      measures: 'hip centre pushed out against the bend from over the feet, torso lengths',
      read: ({ points }) => reading(hipShiftAgainstBend(points)),
      below: HIP_SHIFT_MIN,
      when: ['end-range', 'hold'],
      side: 'none',
      fault: 'Your hips are not pushed out to the side.',
      cue: 'Push your hip out to the other side as you bend.',
      effect: 'cue',
      segment: PELVIS,
    },
  ],
  counter: {
    type: 'hold',
    // pfc/side-stretches: upright sway 0-10 degrees, the deep bend 30-34; 20 is clearly bent
    enterDepth: 20,
    exitDepth: 12,
    // the bend there deepens at ~9 degrees/s until it settles: start timing when slower than 6
    settlePerS: 6,
    minReportMs: 2000,
    graceMs: 1500,
  },
  scenario: (v) => {
    const k = v.depthScale ?? 1;
    const s = new Script({ bend: 0 }).stay(3);
    for (const side of ['left', 'right'] as const) {
      s.move(towards({ bend: 0 }, { bend: side === 'left' ? 30 : -30 }, k), 3)
        .hold(v.holdS ?? 21, side, k >= 1)
        .move({ bend: 0 }, 3)
        .stay(3);
    }
    // a 3 s eased approach
    return { pose: standing, script: s, floor: false, holdToleranceS: 1.6 };
  },
});
