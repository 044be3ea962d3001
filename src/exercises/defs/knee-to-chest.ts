import { defineStretch } from '../define-stretch.ts';
import { bothLegs } from './measures.ts';
import { kneesToChest } from './shared-scenarios.ts';

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
