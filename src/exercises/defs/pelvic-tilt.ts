import { defineStretch } from '../define-stretch.ts';
import { hipKneeOpening } from './measures.ts';
import { fourPoint } from '../../motion/synth/poses.ts';
import { Script, towards } from '../../motion/synth/script.ts';
import { fourPointChecks, nearFourPoint } from './shared-checks.ts';

export const pelvicTilt = defineStretch({
  definition: {
    id: 'pelvic-tilt',
    name: 'Pelvic tilt',
    summary: 'Small, slow tilts of the pelvis that wake up the low back and the deep abdominals.',
    steps: [
      'Kneel on all fours: hands under shoulders, knees under hips, back level.',
      'Gently tuck your tailbone under, flattening and slightly rounding your low back.',
      'Hold for a breath, then let the low back return to neutral.',
      'Keep the movement small and pain-free; repeat 10-20 times.',
    ],
    startPositions: ['four-point-kneel', 'supine-knees-bent'],
    view: 'side',
    cameraSetup: 'Side-on to the camera, laptop on the floor 2-3 m away, your whole body in the picture.',
    kind: 'reps',
    targets: { reps: { min: 10, max: 20 }, sides: 'none' },
    signal: { label: 'hip and knee opening', unit: 'deg' },
    cues: {
      start: 'Get on all fours: hands under shoulders, knees under hips.',
      deeper: 'Tuck your tailbone a little further under.',
      hold: 'Hold the tuck for a breath.',
      release: 'Let your low back return to neutral.',
    },
  },
  measure: hipKneeOpening,
  // tucks take 1-1.5 s each way (bloomfit/pelvic_tilt) and move only 7-19 degrees: smooth harder than the default
  // (0.8 Hz at rest) so that 1-2 px of landmark jitter (±2-4 degrees on this sum of two angles) cannot pass as a tuck
  smoothing: { minCutoffHz: 0.8, beta: 0.02, derivativeCutoffHz: 1 },
  // the article's tabletop: hands under shoulders, knees under hips, straight arms; the spine moves, not the body
  checks: fourPointChecks('cue'),
  nearStart: nearFourPoint,
  counter: {
    type: 'reps',
    // a tuck opens hip + knee by 13-19 degrees over rest on bloomfit/pelvic_tilt, the first, shallow tuck by 7.7
    // (held 5-7.7 for 1.5 s), while resting sway stays under 4: 6 counts that first tuck and no sway; the generator's
    // quarter-depth tuck (3.5 plus noise) stays below it
    enterDepth: 6,
    // back within 3 degrees of rest = the tuck was released (turning points there measure 0.6-3 above rest)
    exitDepth: 3,
    // the largest tuck there opens 18.8 degrees; 40 and more is another movement (a knee drawn to the chest and
    // lowered again measures ~100 on the generator)
    maxDepth: 40,
    // tucks there last 1-1.5 s; anything under 0.6 s is a twitch, not a tilt
    minPhaseMs: 600,
    // a tilt keeps hands and knees (or back and feet) where they are: sitting back into child's pose from all fours
    // (trajnovd/childs_pose, a 22-degree "rep" at 16.8-25.1 s) is another movement
    stayInPosition: true,
    // rest differs per person: take it as the 20th percentile of the last 8 s (tucks fill ~40 % of the time)
    baseline: { windowMs: 8000, quantile: 0.2 },
  },
  scenario: (v) => {
    const rest = { tuck: 0, neck: -5 };
    const s = new Script(rest).stay(3);
    for (let i = 0; i < (v.reps ?? 6); i++)
      s.move(towards(rest, { tuck: 7 }, v.depthScale ?? 1), 0.8)
        .stay(1.2)
        .rep()
        .move(rest, 0.8)
        .stay(1);
    return { pose: fourPoint, script: s.stay(2), floor: true };
  },
});
