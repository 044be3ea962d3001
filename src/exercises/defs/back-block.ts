import type { BodyFeatures } from '../../motion/features.ts';
import type { Measurement } from '../counting/spec.ts';
import { defineStretch } from '../define-stretch.ts';
import { bothLegs } from './measures.ts';
import { supine } from '../../motion/synth/poses.ts';
import { Script } from '../../motion/synth/script.ts';
import { DEFAULT_RENDER } from '../../motion/synth/timeline.ts';
import { hipAboveShoulderAnkleLine, kneeFlexionDeg } from '../../motion/form-features.ts';
import { reading } from '../checks/reading.ts';
import { PELVIS, SHINS } from '../checks/segments.ts';

/** The block under the sacrum lifts the pelvis above the shoulder line, in torso lengths. */
const pelvisLift = (f: BodyFeatures): Measurement => ({ depth: f.pelvisAboveShoulders, side: null });

/** On a 12 cm block the hips sit 0.22-0.24 torso lengths above the shoulder-to-ankle line on the generator, from a
 * camera at the floor or 0.5-1.2 m higher and turned 30 degrees (the picture's hips-over-shoulders reads -0.26 to
 * 0.39 there); lying flat measures 0.0. Under 0.15 the pelvis has come off the block. */
const PELVIS_ON_BLOCK_MIN = 0.15;
/** Knees bent more than this during the block hold are not relaxed down: legs lying long measure 0.3-3 degrees on the generator (no back block footage); feet
 * kept flat with the knees up measure 60-90. */
const RELAXED_KNEE_MAX_DEG = 35;

export const backBlock = defineStretch({
  definition: {
    id: 'back-block',
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
  measure: pelvisLift,
  checks: [
    {
      id: 'pelvis-on-block',
      article: 'Lift the bottom and put a block under the sacrum; stay on it for the hold.',
      measures: 'hip height above the line from the shoulders to the ankles, torso lengths',
      read: ({ points }) => reading(hipAboveShoulderAnkleLine(points)),
      below: PELVIS_ON_BLOCK_MIN,
      when: ['hold'],
      // the pelvis settles onto the block in the first seconds; a hold that ends that early is getting off it
      settleMs: 3000,
      stage: 'block-hold',
      side: 'none',
      fault: 'Your pelvis has slipped off the block.',
      cue: 'Lift your bottom and settle your sacrum back on the block.',
      effect: 'pause-hold',
      segment: PELVIS,
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
      // letting the legs slide down onto the floor takes a few seconds once the pelvis is on the block
      settleMs: 5000,
      stage: 'block-hold',
      side: 'none',
      fault: 'Your legs are not relaxed down.',
      cue: 'Let your legs slide down and relax on the floor.',
      effect: 'cue',
      segment: SHINS,
    },
  ],
  counter: {
    type: 'sequence',
    block: {
      type: 'hold',
      measure: pelvisLift,
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
  scenario: (v) => {
    const k = v.depthScale ?? 1;
    const heightM = v.heightM ?? DEFAULT_RENDER.heightM;
    const rest = { hipL: 45, kneeL: 90, hipR: 45, kneeR: 90, plantarL: 45, plantarR: 45, blockDeg: 0 };
    // a 12 cm block under the sacrum tilts the trunk; straight legs slope down from the raised hips to the floor
    const blockDeg = (Math.asin(0.12 / (0.3 * heightM)) * 180) / Math.PI;
    const legDownDeg = (Math.asin(0.12 / (0.49 * heightM)) * 180) / Math.PI;
    const onBlock = {
      blockDeg: k * blockDeg,
      hipL: -blockDeg - legDownDeg,
      kneeL: 0,
      hipR: -blockDeg - legDownDeg,
      kneeR: 0,
      plantarL: 10,
      plantarR: 10,
    };
    const knees = { hipL: 125, kneeL: 115, hipR: 125, kneeR: 115, plantarL: 20, plantarR: 20 };
    const s = new Script(rest).stay(3).move(onBlock, 2.5);
    for (let i = 0; i < (v.reps ?? 3); i++) {
      s.hold(v.holdS ?? 62, undefined, false)
        .move(knees, 1.5)
        .hold(6, undefined, k >= 1)
        .move(onBlock, 1.5);
    }
    // 2.5 s onto the block, 1.5 s between block and knees
    return { pose: supine, script: s.move(rest, 2).stay(3), floor: true, holdToleranceS: 1.7 };
  },
});
