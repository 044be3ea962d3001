import { defineStretch } from '../define-stretch.ts';
import { trunkLift } from './measures.ts';
import { prone } from '../../motion/synth/poses.ts';
import { Script, towards } from '../../motion/synth/script.ts';

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
