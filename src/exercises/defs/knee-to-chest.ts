import { defineStretch } from '../define-stretch.ts';
import { bothLegs } from './measures.ts';
import { kneesToChest } from './shared-scenarios.ts';
import type { FormCheck } from '../checks/types.ts';
import { headDown } from './shared-checks.ts';
import { THIGHS } from '../checks/segments.ts';

const MOVING = ['moving', 'end-range', 'hold'] as const;

/** The two hips flexed this differently, degrees, is one knee up and not the other: the double hold on
 * adaptx/knee_to_chest measures 5-75 on the few frames (6) with the far leg seen; the far leg hides behind the near one, so this is rarely judged side-on. */
const KNEES_APART_MAX_DEG = 35;

const bothKnees: FormCheck = {
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
  segment: THIGHS,
};

export const kneeToChest = defineStretch({
  definition: {
    id: 'knee-to-chest',
    name: 'Knee to chest',
    summary: 'Both knees hugged to the chest: a gentle stretch of the whole low back.',
    steps: [
      'Lie on your back with both knees bent and feet flat.',
      'Bring one knee up, then the other, and hold behind both thighs.',
      'Draw both knees gently towards your chest and hold 5 seconds.',
      'Lower one leg at a time; repeat 10-20 times.',
    ],
    startPositions: ['supine-knees-bent', 'supine-knees-straight'],
    view: 'side',
    cameraSetup: 'Side-on to the camera at floor level, 2-3 m away, head to feet in the picture.',
    kind: 'hold-reps',
    targets: { reps: { min: 10, max: 20 }, holdS: { min: 5, max: 5 }, sides: 'none' },
    signal: { label: 'hip flexion (both legs)', unit: 'deg' },
    cues: {
      start: 'Lie on your back with both knees bent and feet flat.',
      deeper: 'Draw both knees a little closer to your chest.',
      hold: 'Hold behind both thighs and breathe.',
      release: 'Lower one leg at a time.',
    },
  },
  measure: bothLegs,
  checks: [bothKnees, headDown],
  counter: {
    type: 'hold',
    // adaptx/knee_to_chest double hold: both hips at 135-146 degrees of flexion, rest 40-50; squats in
    // pfc/squats reach 100+ standing, which the supine start position excludes
    // (same thresholds as the single stretch: 100 in, 90 out, settled under 60 degrees/s)
    enterDepth: 100,
    exitDepth: 90,
    settlePerS: 60,
    minReportMs: 1500,
    graceMs: 1500,
  },
  scenario: (v) => kneesToChest(v, 'both'),
});
