/** Form checks shared by several stretches: on all fours (pelvic tilt, cat/camel: hands under shoulders, knees under
 * hips, straight arms, the spine moving rather than the whole body rocking), and lying on the back (the head down). */
import { elbowFlexionDeg, handAheadOfShoulder, headFlexionDeg, kneeBehindHip } from '../../motion/form-features.ts';
import type { BodyFeatures } from '../../motion/features.ts';
import type { BodyPosition } from '../types.ts';
import type { CheckEffect, CheckInput, FormCheck } from '../checks/types.ts';
import { reading } from '../checks/reading.ts';
import { ARMS, HEAD_AND_NECK, THIGHS, TRUNK } from '../checks/segments.ts';

const ALWAYS = ['start', 'moving', 'end-range', 'hold'] as const;

/** Hands this far ahead of the shoulders along the floor, torso lengths, are not "under the shoulders": correct
 * tabletops measure -0.02 to 0.06 (bloomfit/pelvic_tilt) and 0.07 to 0.25 (pfc/cat-cow) on the footage tracks. */
const HANDS_AHEAD_MAX = 0.3;
const HANDS_BEHIND_MAX = -0.3;
/** Knees this far behind or ahead of the hips along the floor, torso lengths: correct tabletops measure 0.09 to 0.27 (bloomfit/pelvic_tilt, the tuck included) and -0.15 to 0.09 (pfc/cat-cow);
 * a pelvic tilt tucks the thighs ~7 degrees forward (0.1 torso lengths). */
const KNEES_BEHIND_MAX = 0.35;
const KNEES_AHEAD_MAX = -0.35;
/** Elbows bent more than this are not straight arms: tabletops measure 23-31 degrees (bloomfit/pelvic_tilt: soft, not locked elbows) and 10-25 (pfc/cat-cow); 40 is a clear bend. */
const ELBOW_MAX_DEG = 40;
/** The shoulders travel over the hands by more than this within 3 s, torso lengths: the whole body is rocking.
 * Tilts and cat/camel keep the shoulders over the hands: 0.08 (bloomfit/pelvic_tilt) and 0.18 (pfc/cat-cow) on the footage tracks. */
const ROCK_MAX = 0.25;

/** The pelvic tilt may also be done lying on the back: these rules are about all fours only. */
const onAllFours = ({ features, position }: CheckInput) => nearFourPoint(features, position);

export function fourPointChecks(rockingEffect: CheckEffect): FormCheck[] {
  return [
    {
      id: 'hands-under-shoulders',
      article: 'Hands under the shoulder joints.',
      measures: 'how far the hand lies ahead of (+) or behind (-) its shoulder along the floor, torso lengths',
      read: (inp) => (onAllFours(inp) ? handAheadOfShoulder(inp.points, inp.features.nearSide) : null),
      above: HANDS_AHEAD_MAX,
      below: HANDS_BEHIND_MAX,
      when: ALWAYS,
      side: 'near',
      fault: 'Your hands are not under your shoulders.',
      cue: 'Place your hands right under your shoulders.',
      effect: 'cue',
      segment: ARMS,
    },
    {
      id: 'knees-under-hips',
      article: 'Knees under the hip joints.',
      measures: 'how far the knee lies behind (+) or ahead of (-) its hip along the floor, torso lengths',
      read: (inp) => (onAllFours(inp) ? kneeBehindHip(inp.points, inp.features.nearSide) : null),
      above: KNEES_BEHIND_MAX,
      below: KNEES_AHEAD_MAX,
      when: ALWAYS,
      side: 'near',
      fault: 'Your knees are not under your hips.',
      cue: 'Bring your knees under your hips.',
      effect: 'cue',
      segment: THIGHS,
    },
    {
      id: 'arms-straight',
      article: 'On hands and knees: the arms support the body, straight.',
      measures: 'elbow bend, degrees (0 = straight)',
      read: (inp) => (onAllFours(inp) ? elbowFlexionDeg(inp.points, inp.features.nearSide) : null),
      above: ELBOW_MAX_DEG,
      when: ALWAYS,
      side: 'near',
      fault: 'Your elbows are bending.',
      cue: 'Keep your arms straight, elbows soft but not bent.',
      effect: 'cue',
      segment: ARMS,
    },
    {
      id: 'rocking',
      article: 'Move the pelvis and spine; the hands and knees stay where they are.',
      measures: 'travel of the shoulders over the hands within 3 s, torso lengths',
      read: (inp) => (onAllFours(inp) ? handAheadOfShoulder(inp.points, inp.features.nearSide) : null),
      above: ROCK_MAX,
      rangeOverMs: 3000,
      when: ALWAYS,
      side: 'near',
      fault: 'Your whole body is rocking forward and back.',
      cue: 'Keep your shoulders over your hands; move only your pelvis and back.',
      effect: rockingEffect,
      segment: TRUNK,
    },
  ];
}

/** Roughly on all fours (trunk near level, a knee bent, the wrists below the shoulders), even with the hands or
 * knees out of place. */
export function nearFourPoint(f: BodyFeatures, position: BodyPosition): boolean {
  if (position === 'four-point-kneel') return true;
  const kneeBent = (f.legs.left.kneeFlexionDeg ?? 0) > 45 || (f.legs.right.kneeFlexionDeg ?? 0) > 45;
  return Math.abs(f.trunkElevationDeg) < 35 && kneeBent && (f.wristsBelowShoulders ?? 0) > 0.3;
}

/** The head lifted (chin towards the chest) more than this from the line of the trunk, degrees: lying relaxed on
 * the footage tracks measures -3 to 14 degrees (adaptx/knee_to_chest, single and double holds and rest). */
const HEAD_LIFT_MAX_DEG = 25;

export const headDown: FormCheck = {
  id: 'head-down',
  article: 'Lying on your back: the head stays relaxed on the floor.',
  measures: 'head bent forward from the line of the trunk, degrees',
  read: ({ points }) => reading(headFlexionDeg(points)),
  above: HEAD_LIFT_MAX_DEG,
  when: ALWAYS,
  side: 'none',
  fault: 'Your head is lifting off the floor.',
  cue: 'Rest your head on the floor and relax your neck.',
  effect: 'cue',
  segment: HEAD_AND_NECK,
};
