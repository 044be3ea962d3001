/**
 * The form-check contract: one technique rule of the article, what it measures, when it applies, what to say, and
 * what it does to the counting. Each stretch declares its checks beside its counter. Pure types.
 */
import type { BodyFeatures } from '../../motion/features.ts';
import type { BodyPoints } from '../../motion/form-features.ts';
import type { BodyPosition, Side } from '../types.ts';

export type CheckId =
  | 'hands-under-shoulders'
  | 'knees-under-hips'
  | 'arms-straight'
  | 'rocking'
  | 'shoulders-down'
  | 'knees-together'
  | 'other-leg-straight'
  | 'head-down'
  | 'both-knees'
  | 'on-forearms'
  | 'hips-down'
  | 'neck-neutral'
  | 'back-knee-down'
  | 'front-knee-over-ankle'
  | 'trunk-upright'
  | 'raised-leg-straight'
  | 'standing-leg-straight'
  | 'hinge-at-hips'
  | 'side-bend-only'
  | 'hips-shifted'
  | 'pelvis-on-block'
  | 'legs-relaxed';

/** Where in a rep or hold a rule is judged. 'start': in the start position, at rest between reps, and (to say
 * what is wrong) while the person is close to the start position but not yet in it. */
export type CheckPhase = 'start' | 'moving' | 'end-range' | 'hold';

/** What a fault does: 'cue' says it; 'pause-hold' also stops the hold timer while it lasts; 'reject-rep' also
 * keeps the rep it happens in from counting (with the check as the reason). Strict form off turns both into 'cue'. */
export type CheckEffect = 'cue' | 'pause-hold' | 'reject-rep';

/** Which side a sided rule looks at: the worked side (the raised leg, the kneeling leg), the other one, the
 * better-seen one, or none (a whole-body measure). */
export type CheckSide = 'worked' | 'other' | 'near' | 'none';

/** What a check's measure sees in one frame. */
export interface CheckInput {
  readonly features: BodyFeatures;
  /** World landmarks when the frame has them, else image pixels. */
  readonly points: BodyPoints;
  /** The side the stretch is working now (from its measure), when it has one. */
  readonly workSide: Side | null;
  readonly position: BodyPosition;
}

/** One reading of a check's measure; null = not judged (its landmarks are not seen). */
export interface CheckReading {
  readonly value: number;
  readonly side: Side | null;
}

export interface FormCheck {
  readonly id: CheckId;
  /** The article's words this rule enforces (paraphrased). */
  readonly article: string;
  /** What is measured, in words, with its unit. */
  readonly measures: string;
  /** The measure; null when its landmarks are not seen. */
  readonly read: (input: CheckInput) => CheckReading | null;
  /** The value is a fault above `above` or below `below` (the comment beside each says where it comes from). */
  readonly above?: number;
  readonly below?: number;
  /** Judge the measure against its own median at rest in the start position (the first seconds after the start
   * position is reached) instead of its raw value: for measures a camera's tilt shifts. */
  readonly relativeToRest?: boolean;
  /** Judge the measure's range (max - min) over this window instead of its value: movement of the whole body. */
  readonly rangeOverMs?: number;
  readonly when: readonly CheckPhase[];
  /** Judged in a hold only once the hold has run this long: time to settle into it (the legs sliding down onto the
   * floor after the pelvis is on the block). */
  readonly settleMs?: number;
  /** Back block only: the stage of its cycle the rule belongs to. */
  readonly stage?: 'block-hold' | 'knee-to-chest';
  readonly side: CheckSide;
  /** What is wrong, as a person would be told it ("Your hands are too far forward"). */
  readonly fault: string;
  /** How to fix it, said once when the fault appears. */
  readonly cue: string;
  readonly effect: CheckEffect;
  /** Landmark indices of the body segment to highlight on the skeleton. */
  readonly segment: readonly number[];
}

/** A fault seen in a recording: which rule, when, on which side. */
export interface FaultSpan {
  readonly check: CheckId;
  readonly startS: number;
  readonly endS: number;
  readonly side?: Side;
}

/** A fault in progress, for the live screen. */
export interface ActiveFault {
  readonly check: CheckId;
  readonly sinceMs: number;
  readonly side: Side | null;
  readonly fault: string;
  readonly cue: string;
  readonly effect: CheckEffect;
  readonly segment: readonly number[];
}

/** The form part of each tracker update. */
export interface FormStatus {
  /** Faults present now, worst effect first. */
  readonly faults: readonly ActiveFault[];
  /** Before the start position is reached: the rule that keeps a person who is close to it out of it. */
  readonly startFault: ActiveFault | null;
  /** Checks that cannot be judged now because their landmarks are not seen. */
  readonly notJudged: readonly CheckId[];
}
