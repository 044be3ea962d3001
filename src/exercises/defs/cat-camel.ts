import { defineStretch } from '../define-stretch.ts';
import { fourPoint } from '../../motion/synth/poses.ts';
import { Script, towards } from '../../motion/synth/script.ts';
import { fourPointChecks, nearFourPoint } from './shared-checks.ts';

export const catCamel = defineStretch({
  definition: {
    id: 'cat-camel',
    name: 'Cat / camel',
    summary: 'Slow rounding and hollowing of the whole spine on all fours.',
    steps: [
      'Kneel on all fours: hands under shoulders, knees under hips.',
      'Round your back up towards the ceiling, letting your head drop (cat).',
      'Then slowly let your back sag and lift your head (camel / cow).',
      'Move smoothly between the two, 10-20 times.',
    ],
    startPositions: ['four-point-kneel'],
    view: 'side',
    cameraSetup: 'Side-on to the camera, laptop on the floor 2-3 m away, your whole body in the picture.',
    kind: 'reps',
    targets: { reps: { min: 10, max: 20 }, sides: 'none' },
    signal: { label: 'head and back away from neutral', unit: 'ratio' },
    cues: {
      start: 'Get on all fours: hands under shoulders, knees under hips.',
      deeper: 'Round a little more, then let the back sag a little more.',
      hold: 'Move slowly from one end to the other.',
      release: 'Come back to a flat back.',
    },
  },
  // head height over the shoulder line moves with the whole spine (pfc/cat-cow, torso lengths): neutral tabletop
  // -0.03..0.08 (3.0-4.7 s), cow plateau 0.35-0.37, cat plateau -0.18
  measure: (f) => (f.headAboveShoulders === null ? null : { depth: f.headAboveShoulders, side: null }),
  // the article's tabletop: hands under shoulders, knees under hips, straight arms; the spine moves, not the body
  checks: fourPointChecks('cue'),
  nearStart: nearFourPoint,
  counter: {
    type: 'cycle',
    // from neutral into cow is at most 0.40 there (lowest neutral sample to the cow plateau); from one extreme to
    // the other 0.55 there and 0.46 on the generated body (src/motion/synth, neck +-40 degrees): 0.43, between 0.40
    // and 0.46, is reached from the opposite extreme and never from neutral. Thin (0.03 each way): see the --loo table
    swing: 0.43,
  },
  scenario: (v) => {
    const k = v.depthScale ?? 1;
    const rest = { neck: -5 };
    const s = new Script(rest).stay(3);
    for (let i = 0; i < (v.reps ?? 5); i++)
      s.move(towards(rest, { neck: 40 }, k), 1.2)
        .stay(1)
        .move(towards(rest, { neck: -40 }, k), 1.6)
        .stay(1)
        .rep();
    return { pose: fourPoint, script: s.move(rest, 1.2).stay(2), floor: true };
  },
});
