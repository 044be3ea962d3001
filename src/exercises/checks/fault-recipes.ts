/**
 * Technique faults laid over the generator's stretches, one recipe per form check: which pose parameters change,
 * by how much at each of three severities (just past the check's threshold, clearly past it, gross), and when in
 * the clip. For measuring how fast and how reliably each check finds its fault. Pure.
 */
import type { ExpectedHold } from '../../motion/synth/script.ts';
import type { Params } from '../../motion/synth/timeline.ts';
import type { ExerciseId } from '../types.ts';
import type { CheckId } from './types.ts';

/** A fault comes on over this long (a person's hands or knee moving), and goes off as fast. */
export const FAULT_RAMP_S = 0.4;
/** How long an injected fault is held at full severity. */
export const FAULT_HOLD_S = 3;

export interface FaultRecipe {
  readonly check: CheckId;
  readonly exercise: ExerciseId;
  /** The amount of each severity, in the recipe's parameter unit. */
  readonly severities: readonly [number, number, number];
  /** When the fault starts coming on, seconds into the clip, from the clip's labelled holds (the reps' timing is
   * fixed by the scenario: 3 s of rest, then one rep after another). */
  readonly startS: (holds: readonly ExpectedHold[]) => number;
  /** The changed parameters with the fault at `amount`, `tS` seconds after it started. */
  readonly apply: Apply;
  /** Front-view stretches: the fault on the other side (the second hold, or the other direction); side views
   * change the camera side instead. */
  readonly otherSide?: {
    readonly startS: (holds: readonly ExpectedHold[]) => number;
    readonly apply: Apply;
  };
}

type Apply = (p: Params, amount: number, tS: number) => Params;

/** Parameters a pose reads with a default other than 0. */
const NEUTRAL: Params = { hipShiftScale: 1 };

const holdStart =
  (i = 0, afterS = 2) =>
  (holds: readonly ExpectedHold[]) =>
    (holds[i]?.startS ?? 5) + afterS;
/** Rep stretches: the scenario rests 3 s, then does reps of `repS`: the fault comes on in the rest before rep 2. */
const beforeRep2 = (repS: number) => () => 3 + repS - 0.5;

const fourPoint = (exercise: ExerciseId, repS: number): FaultRecipe[] => [
  // the arms' lean forward: 20/25/30 degrees put the hands 0.37/0.45/0.54 torso lengths ahead (threshold 0.3)
  {
    check: 'hands-under-shoulders',
    exercise,
    severities: [20, 25, 30],
    startS: beforeRep2(repS),
    apply: (p, a) => ({ ...p, handsFwd: a }),
  },
  // the thighs' lean back: 30/36/44 degrees put the knees 0.38-0.55 torso lengths behind the hips (0.35)
  {
    check: 'knees-under-hips',
    exercise,
    severities: [30, 36, 44],
    startS: beforeRep2(repS),
    apply: (p, a) => ({ ...p, kneesBack: a }),
  },
  // elbow bend, degrees (threshold 40)
  {
    check: 'arms-straight',
    exercise,
    severities: [50, 60, 75],
    startS: beforeRep2(repS),
    apply: (p, a) => ({ ...p, elbowBend: a }),
  },
  // the whole body rocking: arms and thighs swing together by +-a degrees every 2 s (shoulder travel 0.45-0.7
  // torso lengths; threshold 0.25)
  {
    check: 'rocking',
    exercise,
    severities: [12, 15, 18],
    startS: beforeRep2(repS),
    apply: (p, a, tS) => {
      const swing = a * Math.sin(Math.PI * tS);
      return { ...p, handsFwd: -swing, kneesBack: swing };
    },
  },
];

export const FAULT_RECIPES: readonly FaultRecipe[] = [
  ...fourPoint('pelvic-tilt', 3.8),
  ...fourPoint('cat-camel', 4.8),
  {
    check: 'shoulders-down',
    exercise: 'lumbar-roll',
    // the shoulders rolled off the floor, degrees (threshold 12)
    severities: [18, 25, 35],
    startS: beforeRep2(4.5),
    apply: (p, a) => ({ ...p, twist: a }),
    otherSide: { startS: beforeRep2(4.5), apply: (p, a) => ({ ...p, twist: -a }) },
  },
  {
    check: 'knees-together',
    exercise: 'lumbar-roll',
    // each thigh turned out, degrees: the knees 2.1-3.0 hip widths apart (threshold 1.8)
    severities: [22, 30, 40],
    startS: beforeRep2(4.5),
    apply: (p, a) => ({ ...p, spread: a }),
  },
  {
    check: 'other-leg-straight',
    exercise: 'single-knee-to-chest',
    // the other leg held up: hip flexion (knee at 90) lifts the foot off the floor
    severities: [60, 68, 74],
    startS: holdStart(0),
    apply: (p, a) => ({ ...p, hipR: a, kneeR: 60 }),
  },
  {
    check: 'head-down',
    exercise: 'single-knee-to-chest',
    // head raised off the floor, degrees (threshold 25)
    severities: [33, 42, 55],
    startS: holdStart(0),
    apply: (p, a) => ({ ...p, headLift: a }),
  },
  {
    check: 'both-knees',
    exercise: 'knee-to-chest',
    // the right leg stays down while the left comes up: the right hip's flexion, degrees, below the left's 125
    severities: [80, 70, 45],
    startS: holdStart(0, 1),
    apply: (p, a) => ({ ...p, hipR: a, kneeR: 90 }),
  },
  {
    check: 'head-down',
    exercise: 'knee-to-chest',
    severities: [33, 42, 55],
    startS: holdStart(0),
    apply: (p, a) => ({ ...p, headLift: a }),
  },
  {
    check: 'on-forearms',
    exercise: 'prone-extension',
    // the forearm brought in line with the upper arm: elbow bend 23/13/0 degrees (threshold 30)
    severities: [0.75, 0.85, 1],
    startS: holdStart(0),
    apply: (p, a) => ({ ...p, straightArms: a }),
  },
  {
    check: 'hips-down',
    exercise: 'prone-extension',
    // the legs turned down from the hips, degrees: the hips 0.36-0.5 torso lengths above the floor line (0.3)
    severities: [22, 28, 35],
    startS: holdStart(0),
    apply: (p, a) => ({ ...p, hipLift: a }),
  },
  {
    check: 'neck-neutral',
    exercise: 'prone-extension',
    // the head tipped back, degrees beyond the generator's 10 (threshold 40)
    severities: [42, 52, 62],
    startS: holdStart(0),
    apply: (p, a) => ({ ...p, neckBack: a }),
  },
  {
    check: 'back-knee-down',
    exercise: 'hip-flexor',
    // the back shin raised about the toes, degrees: the knee 0.34-0.55 torso lengths up (threshold 0.25)
    severities: [25, 33, 42],
    startS: holdStart(0),
    apply: (p, a) => ({ ...p, backKneeUp: a }),
  },
  {
    check: 'front-knee-over-ankle',
    exercise: 'hip-flexor',
    // extra forward lean of the front shin, degrees, over the generator's 19 at full stretch (threshold 30)
    severities: [16, 22, 30],
    startS: holdStart(0),
    apply: (p, a) => ({ ...p, kneeFwd: a }),
  },
  {
    check: 'trunk-upright',
    exercise: 'hip-flexor',
    // the trunk leaning back, degrees (threshold 12)
    severities: [16, 22, 30],
    startS: holdStart(0),
    apply: (p, a) => ({ ...p, lean: -a }),
  },
  {
    check: 'raised-leg-straight',
    exercise: 'nerve-stretch',
    // knee bend of the leg on the bench, degrees (threshold 15)
    severities: [20, 28, 40],
    startS: beforeRep2(2.8),
    apply: (p, a) => ({ ...p, raisedKnee: a }),
  },
  {
    check: 'standing-leg-straight',
    exercise: 'nerve-stretch',
    severities: [20, 28, 40],
    startS: beforeRep2(2.8),
    apply: (p, a) => ({ ...p, standKnee: a }),
  },
  {
    check: 'hinge-at-hips',
    exercise: 'nerve-stretch',
    // the head dropping forward of the trunk line as the back rounds, degrees (threshold 30)
    severities: [38, 46, 58],
    startS: beforeRep2(2.8),
    apply: (p, a) => ({ ...p, round: a }),
  },
  {
    check: 'side-bend-only',
    exercise: 'ql-stretch',
    // a twist of the upper body during the bend, degrees (threshold 20)
    severities: [25, 32, 40],
    startS: holdStart(0),
    apply: (p, a) => ({ ...p, twist: a }),
    otherSide: { startS: holdStart(1), apply: (p, a) => ({ ...p, twist: -a }) },
  },
  {
    check: 'hips-shifted',
    exercise: 'ql-stretch',
    // how much of the hip shift is left: 1 = the full 12 cm at 30 degrees of bend (threshold 5 % of a torso)
    severities: [0.1, 0, -0.2],
    startS: holdStart(0),
    apply: (p, a) => ({ ...p, hipShiftScale: a }),
    otherSide: { startS: holdStart(1), apply: (p, a) => ({ ...p, hipShiftScale: a }) },
  },
  {
    check: 'pelvis-on-block',
    exercise: 'back-block',
    // the pelvis slid off the 12 cm block down to 6/4/2 cm (the trunk's tilt and the legs' slope follow, as in the
    // scenario, for a 1.7 m body): the hips 0.12/0.08/0.04 torso lengths above the shoulder-ankle line (0.15)
    severities: [0.06, 0.04, 0.02],
    startS: holdStart(0, 10),
    apply: (p, hM) => {
      const blockDeg = (Math.asin(hM / (0.3 * 1.7)) * 180) / Math.PI;
      const legDownDeg = (Math.asin(hM / (0.49 * 1.7)) * 180) / Math.PI;
      return { ...p, blockDeg, hipL: -blockDeg - legDownDeg, hipR: -blockDeg - legDownDeg };
    },
  },
  {
    check: 'legs-relaxed',
    exercise: 'back-block',
    // knees bent up during the block hold, degrees (threshold 35)
    severities: [45, 60, 80],
    startS: holdStart(0, 10),
    apply: (p, a) => ({ ...p, kneeL: a, kneeR: a, hipL: a / 2, hipR: a / 2 }),
  },
];

/** The recipe's parameters at `tS`: ramped on from `startS` and off after FAULT_HOLD_S. */
export function injectAt(apply: Apply, amount: number, startS: number): (tS: number, p: Params) => Params {
  return (tS, p) => {
    const on = (tS - startS) / FAULT_RAMP_S;
    const off = (startS + FAULT_RAMP_S + FAULT_HOLD_S + FAULT_RAMP_S - tS) / FAULT_RAMP_S;
    const w = Math.max(0, Math.min(1, on, off));
    if (w === 0) return p;
    const faulty = apply(p, amount, tS - startS);
    const out: Record<string, number> = { ...p };
    for (const k of Object.keys(faulty)) {
      const base = p[k] ?? NEUTRAL[k] ?? 0;
      out[k] = base + w * (faulty[k]! - base);
    }
    return out;
  };
}
