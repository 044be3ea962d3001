import { defineStretch } from '../define-stretch.ts';
import { raisedLeg } from './measures.ts';
import { kneesToChest } from './shared-scenarios.ts';
import { ankleAboveTrunkLine } from '../../motion/form-features.ts';
import type { FormCheck } from '../checks/types.ts';
import { headDown } from './shared-checks.ts';
import { readSide } from '../checks/reading.ts';
import { LEGS } from '../checks/segments.ts';

/** The other leg stays down: its hip flexion stays under 75 degrees (resting bent leg 40-50 on adaptx). */
const OTHER_LEG_DOWN_MAX_DEG = 75;
/** adaptx/knee_to_chest: resting bent legs 40-50 degrees of hip flexion, the held knee 118-147: 100 is a thigh
 * drawn well past upright; lifting takes 0.5-1 s, so the hold starts within ~0.4 s of the knee arriving. */
const HOLD_ENTER_DEG = 100;

/** A foot higher than this above the floor (the trunk line), torso lengths, is held up, not resting: a foot flat
 * with the knee bent and a leg long on the floor measure -0.28 to -0.11 (adaptx/knee_to_chest, one outlier frame at 0.39) on the footage tracks. */
const OTHER_FOOT_UP_MAX = 0.35;

const otherLegStraight: FormCheck = {
  id: 'other-leg-straight',
  article: 'Allow the other leg to straighten out (it rests on the floor).',
  measures: "the other leg's ankle height above the floor line, torso lengths",
  read: ({ points, workSide }) => readSide(workSide, (s) => ankleAboveTrunkLine(points, s), true),
  above: OTHER_FOOT_UP_MAX,
  when: ['end-range', 'hold'],
  side: 'other',
  fault: 'Your other leg is held up.',
  cue: 'Let your other leg rest and straighten out along the floor.',
  effect: 'cue',
  segment: LEGS,
};

export const singleKneeToChest = defineStretch({
  definition: {
    id: 'single-knee-to-chest',
    name: 'Single knee to chest',
    summary: 'Stretches the low back and buttock one side at a time.',
    steps: [
      'Lie on your back with both knees bent and feet flat.',
      'Hold behind one thigh and draw that knee gently towards your chest.',
      'Hold 5-10 seconds, breathing easily, then lower it.',
      'Alternate legs, 10 in all.',
    ],
    startPositions: ['supine-knees-bent', 'supine-knees-straight'],
    view: 'side',
    cameraSetup: 'Side-on to the camera at floor level, 2-3 m away, head to feet in the picture.',
    kind: 'hold-reps',
    targets: { reps: { min: 10, max: 10 }, holdS: { min: 5, max: 10 }, sides: 'alternate' },
    signal: { label: 'hip flexion', unit: 'deg' },
    cues: {
      start: 'Lie on your back with both knees bent and feet flat.',
      deeper: 'Draw the knee a little closer to your chest.',
      hold: 'Hold it there and breathe easily.',
      release: 'Lower the leg slowly.',
      switchSide: (side) => `Alternate: now the ${side} leg.`,
    },
  },
  measure: (f) => {
    const m = raisedLeg(f);
    if (!m || !m.side) return m;
    const other = f.legs[m.side === 'left' ? 'right' : 'left'].hipFlexionDeg;
    // both knees up is the double stretch: not this one
    if (other !== null && other > OTHER_LEG_DOWN_MAX_DEG) return { depth: Math.min(m.depth, other, 60), side: m.side };
    // other leg hidden: side-on it hides behind the near one in the double stretch, so a hold may go on (the
    // close-up of adaptx 15-20.6 s hides the resting leg) but not start: cap just under the start threshold; and
    // with the seen leg down, the hidden one may be the raised one: unknown, not "down"
    if (other === null)
      return m.depth > OTHER_LEG_DOWN_MAX_DEG ? { depth: Math.min(m.depth, HOLD_ENTER_DEG - 1), side: m.side } : null;
    return m;
  },
  checks: [otherLegStraight, headDown],
  counter: {
    type: 'hold',
    enterDepth: HOLD_ENTER_DEG,
    // 90: the knee has started down from a 118-147 hold (lowering runs 20.7-21.5 and 28.0-28.5 s there)
    exitDepth: 90,
    // the hold starts when the knee stops travelling (under 60 degrees/s; lifting runs at 100-170)
    settlePerS: 60,
    minReportMs: 1500,
    // the clip cuts to a close-up for 0.1-0.3 s and the detector loses the body: pause, don't end
    graceMs: 1500,
  },
  scenario: (v) => kneesToChest(v, 'one'),
});
