import { defineStretch } from '../define-stretch.ts';
import { trunkLift } from './measures.ts';
import { prone } from '../../motion/synth/poses.ts';
import { Script, towards } from '../../motion/synth/script.ts';
import { elbowFlexionDeg, headFlexionDeg, hipAboveFloorLine } from '../../motion/form-features.ts';
import { LM } from '../../pose/landmarks.ts';
import { reading } from '../checks/reading.ts';
import { ARMS, HEAD_AND_NECK } from '../checks/segments.ts';

/** Elbows bent less than this are straight arms, a cobra, not propped on the forearms: pfc/sphinx-pose measures
 * 55-96 degrees, pfc/cobra-pose and aris/upward_dog 3-9 (held straight arms). */
const FOREARMS_MIN_ELBOW_DEG = 30;
/** The trunk lift at which the prone extension's hold starts (its counter's enterDepth). */
const PROPPED_MIN_DEG = 15;
/** Hips higher than this above the floor line (ankle to wrist), torso lengths, are off the floor: pfc/sphinx-pose
 * measures 0.12-0.20, the cobra of pfc/cobra-pose 0.07-0.30 (median 0.28, the pelvis pressed down), the upward dog of
 * aris/upward_dog 0.26-0.38 (thighs off the mat), a forearm plank 0.42-0.50 (malik/plank). */
const HIPS_UP_MAX = 0.3;
/** The head tipped back more than this from the line of the trunk, degrees, cranks the neck: pfc/sphinx-pose -4 to 30; the cobra of pfc/cobra-pose, head thrown back, 35-42. */
const NECK_BACK_MAX_DEG = 34;

export const proneExtension = defineStretch({
  definition: {
    id: 'prone-extension',
    name: 'Prone extension',
    summary: 'Lying on your front and propping up on your forearms: a gentle backward bend for the low back.',
    steps: [
      'Lie on your stomach, forehead down, elbows bent by your sides.',
      'Push up onto your forearms, elbows under your shoulders, hips staying on the floor.',
      'Relax your low back and hold 10 seconds.',
      'Lower slowly; repeat 10 times.',
    ],
    startPositions: ['prone'],
    view: 'side',
    cameraSetup: 'Side-on to the camera at floor level, 2-3 m away, head to feet in the picture.',
    kind: 'hold-reps',
    targets: { reps: { min: 10, max: 10 }, holdS: { min: 10, max: 10 }, sides: 'none' },
    signal: { label: 'trunk lift', unit: 'deg' },
    cues: {
      start: 'Lie on your stomach, elbows bent by your sides.',
      deeper: 'Push up onto your forearms, hips staying down.',
      hold: 'Relax your low back and hold.',
      release: 'Lower yourself slowly.',
    },
  },
  measure: trunkLift,
  checks: [
    {
      id: 'on-forearms',
      article: 'Push up on the forearms, elbows under the shoulders (not on straight arms).',
      measures: 'elbow bend, degrees (0 = straight arm)',
      // lying low on the forearms the upper arm points forward and the elbow opens out straight: only a trunk lifted
      // past the hold's 15 degrees tells forearms (54-96 degrees of elbow bend) from straight arms
      read: ({ points, features }) =>
        features.trunkElevationDeg >= PROPPED_MIN_DEG ? elbowFlexionDeg(points, features.nearSide) : null,
      below: FOREARMS_MIN_ELBOW_DEG,
      // judged once settled: on the way up and down the elbow passes through every angle
      when: ['hold'],
      side: 'near',
      fault: 'You are up on straight arms.',
      cue: 'Come down onto your forearms, elbows under your shoulders.',
      effect: 'pause-hold',
      segment: ARMS,
    },
    {
      id: 'hips-down',
      article: 'The pelvis stays on the floor; only the upper body arches.',
      measures: 'hip height above the floor line (ankle to wrist), torso lengths',
      read: ({ points, features }) => hipAboveFloorLine(points, features.nearSide),
      above: HIPS_UP_MAX,
      when: ['start', 'moving', 'end-range', 'hold'],
      side: 'near',
      fault: 'Your hips are lifting off the floor.',
      cue: 'Let your hips sink and stay on the floor.',
      effect: 'pause-hold',
      segment: [LM.leftHip, LM.rightHip, LM.leftKnee, LM.rightKnee],
    },
    {
      id: 'neck-neutral',
      article: 'Arch backwards slowly and gently; the neck follows the spine.',
      measures: 'head tipped back from the line of the trunk, degrees',
      read: ({ points }) => {
        const v = headFlexionDeg(points);
        return reading(v === null ? null : -v);
      },
      above: NECK_BACK_MAX_DEG,
      when: ['end-range', 'hold'],
      side: 'none',
      fault: 'Your head is tipped back.',
      cue: 'Keep your neck long; look at the floor a little ahead of you.',
      effect: 'cue',
      segment: HEAD_AND_NECK,
    },
  ],
  counter: {
    type: 'hold',
    // on forearms the trunk rises 24-30 degrees (pfc/sphinx-pose), on straight arms 51 (pfc/cobra-pose);
    // lying flat or in a plank 0-8: 15 is clearly propped up
    enterDepth: 15,
    // under 10 degrees the chest is back near the floor
    exitDepth: 10,
    settlePerS: 20,
    minReportMs: 1500,
    graceMs: 1000,
    // the chest rises and lowers slowly (1-1.5 s each way) and the plateau is flat: in position = within a quarter
    // of the way down from it (boundaries within 0.05-0.5 s on pfc/sphinx-pose, pfc/cobra-pose, aris/upward_dog,
    // against 0.2-0.9 s with the default 0.6)
    plateauFraction: 0.25,
  },
  scenario: (v) => {
    const k = v.depthScale ?? 1;
    const rest = { lift: 2 };
    const s = new Script(rest).stay(3);
    for (let i = 0; i < (v.reps ?? 3); i++)
      s.move(towards(rest, { lift: 28 }, k), 1.5)
        .hold(v.holdS ?? 11, undefined, k >= 1)
        .move(rest, 1.5)
        .stay(2);
    // a 1.5 s eased approach
    return { pose: prone, script: s, floor: true, holdToleranceS: 0.9 };
  },
});
