/** Form checks for the prone extension: on the forearms, hips on the floor, neck neutral. */
import { LM } from '../../../pose/landmarks.ts';
import { elbowFlexionDeg, headFlexionDeg, hipAboveFloorLine } from '../../../motion/form-features.ts';
import type { StretchChecks } from '../types.ts';

/** Elbows bent less than this are straight arms, a cobra, not propped on the forearms: pfc/sphinx-pose measures
 * __SPHINX__, pfc/cobra-pose and aris/upward_dog __COBRA__. */
const FOREARMS_MIN_ELBOW_DEG = 30;
/** The trunk lift at which the prone extension's hold starts (its counter's enterDepth). */
const PROPPED_MIN_DEG = 15;
/** Hips higher than this above the floor line (ankle to elbow), torso lengths, are off the floor: __HIPS__. */
const HIPS_UP_MAX = 0.3;
/** The head tipped back more than this from the line of the trunk, degrees, cranks the neck: __NECK__. */
const NECK_BACK_MAX_DEG = 34;

export const proneExtensionChecks: StretchChecks = {
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
      segment: [LM.leftShoulder, LM.leftElbow, LM.leftWrist, LM.rightShoulder, LM.rightElbow, LM.rightWrist],
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
        return v === null ? null : { value: -v, side: null };
      },
      above: NECK_BACK_MAX_DEG,
      when: ['end-range', 'hold'],
      side: 'none',
      fault: 'Your head is tipped back.',
      cue: 'Keep your neck long; look at the floor a little ahead of you.',
      effect: 'cue',
      segment: [LM.nose, LM.leftEar, LM.rightEar, LM.leftShoulder, LM.rightShoulder],
    },
  ],
};
