/** Form checks lying on the back: lumbar roll, single knee to chest, knee to chest, back block. */
import { LM } from '../../../pose/landmarks.ts';
import {
  ankleAboveTrunkLine,
  headFlexionDeg,
  kneeFlexionDeg,
  kneeGapRatio,
  shoulderLineTiltDeg,
} from '../../../motion/form-features.ts';
import type { Side } from '../../types.ts';
import type { FormCheck, StretchChecks } from '../types.ts';

const ALWAYS = ['start', 'moving', 'end-range', 'hold'] as const;
const MOVING = ['moving', 'end-range', 'hold'] as const;
const other = (s: Side): Side => (s === 'left' ? 'right' : 'left');

/** The head lifted (chin towards the chest) more than this from the line of the trunk, degrees: lying relaxed on
 * the footage tracks measures __HEAD__. */
const HEAD_LIFT_MAX_DEG = 25;

const headDown: FormCheck = {
  id: 'head-down',
  article: 'Lying on your back: the head stays relaxed on the floor.',
  measures: 'head bent forward from the line of the trunk, degrees',
  read: ({ points }) => {
    const v = headFlexionDeg(points);
    return v === null ? null : { value: v, side: null };
  },
  above: HEAD_LIFT_MAX_DEG,
  when: ALWAYS,
  side: 'none',
  fault: 'Your head is lifting off the floor.',
  cue: 'Rest your head on the floor and relax your neck.',
  effect: 'cue',
  segment: [LM.nose, LM.leftEar, LM.rightEar, LM.leftShoulder, LM.rightShoulder],
};

/** A foot higher than this above the floor (the trunk line), torso lengths, is held up, not resting: a foot flat
 * with the knee bent and a leg long on the floor measure __FOOT__ on the footage tracks. */
const OTHER_FOOT_UP_MAX = 0.35;

export const singleKneeToChestChecks: StretchChecks = {
  checks: [
    {
      id: 'other-leg-straight',
      article: 'Allow the other leg to straighten out (it rests on the floor).',
      measures: "the other leg's ankle height above the floor line, torso lengths",
      read: ({ points, workSide }) => {
        if (!workSide) return null;
        const v = ankleAboveTrunkLine(points, other(workSide));
        return v === null ? null : { value: v, side: other(workSide) };
      },
      above: OTHER_FOOT_UP_MAX,
      when: ['end-range', 'hold'],
      side: 'other',
      fault: 'Your other leg is held up.',
      cue: 'Let your other leg rest and straighten out along the floor.',
      effect: 'cue',
      segment: [LM.leftHip, LM.leftKnee, LM.leftAnkle, LM.rightHip, LM.rightKnee, LM.rightAnkle],
    },
    headDown,
  ],
};

/** The two hips flexed this differently, degrees, is one knee up and not the other: the double hold on
 * adaptx/knee_to_chest measures __BOTH__. */
const KNEES_APART_MAX_DEG = 35;

export const kneeToChestChecks: StretchChecks = {
  checks: [
    {
      id: 'both-knees',
      article: 'Take both knees and pull them gently towards the chest.',
      measures: 'difference between the two hip flexions, degrees',
      read: ({ features }) => {
        const l = features.legs.left.hipFlexionDeg;
        const r = features.legs.right.hipFlexionDeg;
        if (l === null || r === null) return null;
        return { value: Math.abs(l - r), side: l < r ? 'left' : 'right' };
      },
      above: KNEES_APART_MAX_DEG,
      when: MOVING,
      side: 'none',
      fault: 'Only one knee is coming up.',
      cue: 'Bring both knees up together.',
      effect: 'cue',
      segment: [LM.leftHip, LM.leftKnee, LM.rightHip, LM.rightKnee],
    },
    headDown,
  ],
};

/** The shoulder line tilting more than this from where it lay at rest, degrees, is a shoulder lifting off the
 * floor: the generator's correct rolls keep it within __SHOULDER__ (no lumbar roll footage). */
const SHOULDER_TILT_MAX_DEG = 12;
/** Knees further apart than this many hip widths have come apart: together (hip-width) measures ~1 on the
 * generator; __GAP__. */
const KNEE_GAP_MAX = 1.8;

export const lumbarRollChecks: StretchChecks = {
  checks: [
    {
      id: 'shoulders-down',
      article: 'The shoulders stay on the floor while the knees drop to the side.',
      measures: 'tilt of the shoulder line against its tilt at rest, degrees (seen from the feet)',
      read: ({ points }) => {
        const v = shoulderLineTiltDeg(points);
        return v === null ? null : { value: Math.abs(v), side: null };
      },
      relativeToRest: true,
      above: SHOULDER_TILT_MAX_DEG,
      when: ALWAYS,
      side: 'none',
      fault: 'A shoulder is lifting off the floor.',
      cue: 'Keep both shoulders on the floor; let only the knees go.',
      effect: 'reject-rep',
      segment: [LM.leftShoulder, LM.rightShoulder],
    },
    {
      id: 'knees-together',
      article: 'Let the knees drop together to one side.',
      measures: 'knee separation over hip-joint separation',
      read: ({ points }) => {
        const v = kneeGapRatio(points);
        return v === null ? null : { value: v, side: null };
      },
      above: KNEE_GAP_MAX,
      when: ALWAYS,
      side: 'none',
      fault: 'Your knees are coming apart.',
      cue: 'Keep your knees together as they drop.',
      effect: 'cue',
      segment: [LM.leftKnee, LM.rightKnee],
    },
  ],
};

/** On the block the hips sit 0.2-0.3 torso lengths above the shoulders on the generator (a 10-15 cm block); under
 * this they have come off it (lying flat measures -0.05 to 0.05, adaptx/knee_to_chest). */
const PELVIS_ON_BLOCK_MIN = 0.15;
/** Knees bent more than this during the block hold are not relaxed down: legs lying long measure __LEGS__; feet
 * kept flat with the knees up measure 60-90. */
const RELAXED_KNEE_MAX_DEG = 35;

export const backBlockChecks: StretchChecks = {
  checks: [
    {
      id: 'pelvis-on-block',
      article: 'Lift the bottom and put a block under the sacrum; stay on it for the hold.',
      measures: 'hip height above the shoulders, torso lengths',
      read: ({ features }) => ({ value: features.pelvisAboveShoulders, side: null }),
      below: PELVIS_ON_BLOCK_MIN,
      when: ['hold'],
      stage: 'block-hold',
      side: 'none',
      fault: 'Your pelvis has slipped off the block.',
      cue: 'Lift your bottom and settle your sacrum back on the block.',
      effect: 'pause-hold',
      segment: [LM.leftHip, LM.rightHip],
    },
    {
      id: 'legs-relaxed',
      article: 'Let the legs relax down so that you are lying down.',
      measures: 'knee bend of the more bent leg, degrees',
      read: ({ points }) => {
        const l = kneeFlexionDeg(points, 'left');
        const r = kneeFlexionDeg(points, 'right');
        if (l === null && r === null) return null;
        const side = (l ?? -1) >= (r ?? -1) ? 'left' : 'right';
        return { value: Math.max(l ?? -Infinity, r ?? -Infinity), side };
      },
      above: RELAXED_KNEE_MAX_DEG,
      when: ['hold'],
      stage: 'block-hold',
      side: 'none',
      fault: 'Your legs are not relaxed down.',
      cue: 'Let your legs slide down and relax on the floor.',
      effect: 'cue',
      segment: [LM.leftKnee, LM.leftAnkle, LM.rightKnee, LM.rightAnkle],
    },
  ],
};
