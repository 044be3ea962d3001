import type { ExerciseSpec } from '../counting/spec.ts';
import { bothLegs } from './measures.ts';

export const backBlock: ExerciseSpec = {
  definition: {
    id: 'back-block',
    order: 10,
    name: 'Back block',
    summary: 'Resting with the sacrum on a block lets the low back sink into a gentle extension; knees to chest after.',
    steps: [
      'Lie on your back, knees bent; lift your hips and slide a firm block (or thick book) under your sacrum.',
      'Let your legs straighten out if comfortable and relax for 60 seconds.',
      'Then bring both knees to your chest and hold 5 seconds.',
      'Remove the block or repeat: 3-5 cycles.',
    ],
    startPositions: ['supine-knees-bent', 'supine-knees-straight'],
    view: 'side',
    cameraSetup: 'Side-on to the camera at floor level, 2-3 m away, head to feet in the picture.',
    kind: 'sequence',
    targets: { cycles: { min: 3, max: 5 }, holdS: { min: 60, max: 60 }, sides: 'none' },
    signal: { label: 'pelvis lift', unit: 'ratio' },
    cues: {
      start: 'Lie on your back with knees bent, the block beside you.',
      deeper: 'Let your hips rest fully on the block.',
      hold: 'Relax on the block.',
      release: 'Lift your hips and take the block away.',
    },
  },
  views: ['side'],
  inPosition: (_f, position) => position === 'supine-knees-bent' || position === 'supine-knees-straight',
  measure: (f) => ({ depth: f.pelvisAboveShoulders, side: null }),
  counter: {
    type: 'sequence',
    block: {
      type: 'hold',
      measure: (f) => ({ depth: f.pelvisAboveShoulders, side: null }),
      // no footage: a 10-15 cm block under the sacrum raises the hips 0.2-0.3 torso lengths above the shoulders
      // in the generator; lying flat measures -0.05..0.05 (adaptx/knee_to_chest rest)
      enterDepth: 0.12,
      exitDepth: 0.06,
      settlePerS: 0.1,
      minReportMs: 5000,
      graceMs: 2000,
    },
    knees: {
      type: 'hold',
      measure: bothLegs,
      enterDepth: 100,
      exitDepth: 90,
      settlePerS: 60,
      minReportMs: 1500,
      graceMs: 1500,
    },
  },
};
