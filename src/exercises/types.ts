/**
 * The contract between the counting engine (motion/, exercises/) and everything that uses it (coach/, sessions/,
 * the UI, the analyze report). Pure types: no DOM, no vendor imports.
 *
 * Convention for range: every exercise measures one primary signal and reports it as `depth`, in the signal's unit,
 * oriented so that a LARGER depth always means FURTHER INTO THE STRETCH (more hip flexion for knee to chest, more
 * trunk lift for prone extension, more knee drop for lumbar roll...). Calibration records the user's comfortable
 * maximum depth; the stop rule compares the live depth against it.
 */
import type { Side } from '../motion/features.ts';
import type { BodyPosition, CameraView } from '../motion/position.ts';
import type { PoseFrame } from '../pose/types.ts';
import type { CheckId, FaultSpan, FormStatus } from './checks/types.ts';
import type { ExerciseId } from './registry.ts';

export type { ExerciseId } from './registry.ts';
export type { Side } from '../motion/features.ts';
export type { BodyPosition, CameraView } from '../motion/position.ts';

/** How a stretch is done and counted. */
export type ExerciseKind =
  | 'reps' // oscillate between rest and end range (pelvic tilt, cat/camel, nerve stretch...)
  | 'hold-reps' // each rep is a hold of a set time at end range (knee to chest, prone extension)
  | 'hold' // one long hold per side (hip flexor, QL stretch)
  | 'sequence'; // compound cycles (back block: hold, then knee to chest)

export interface Range {
  readonly min: number;
  readonly max: number;
}

export interface ExerciseTargets {
  /** Reps per set (for sided exercises: per side). */
  readonly reps?: Range;
  /** Seconds each hold should last. */
  readonly holdS?: Range;
  /** Cycles, for sequences. */
  readonly cycles?: Range;
  /** 'none': no sides; 'alternate': switch side each rep; 'each': all reps/hold on one side, then the other. */
  readonly sides: 'none' | 'alternate' | 'each';
}

export interface ExerciseDefinition<Id extends string = ExerciseId> {
  readonly id: Id;
  /** 1..10, the article's order, easiest to hardest. */
  readonly order: number;
  readonly name: string;
  /** One-sentence purpose, shown before the stretch. */
  readonly summary: string;
  /** The article's steps, in order, short imperative sentences. */
  readonly steps: readonly string[];
  readonly startPositions: readonly BodyPosition[];
  readonly view: CameraView;
  /** Where to put the laptop, in words ("side-on, 2-3 m away, at floor level"). */
  readonly cameraSetup: string;
  readonly kind: ExerciseKind;
  readonly targets: ExerciseTargets;
  /** The primary measured signal: its name for people and its unit. */
  readonly signal: { readonly label: string; readonly unit: 'deg' | 'ratio' };
  /** The stretch's own words for the coach (generic cues cover the rest). */
  readonly cues?: ExerciseCues;
}

export interface ExerciseCues {
  /** How to get into the start position, said until it is reached. */
  readonly start: string;
  /** What to do to go further, after a rep that did not go far enough. */
  readonly deeper: string;
  /** Said as a hold starts, or at the turning point of a rep. */
  readonly hold: string;
  /** How to come out of it. */
  readonly release: string;
  /** Words for switching to `side` (sided stretches); the coach says "Now the left side." when there are none. */
  readonly switchSide?: (side: Side) => string;
}

/** Why the engine cannot judge the current frame(s). */
export type NotJudgedReason =
  | 'no-person'
  | 'low-visibility' // landmarks the signal needs are not visible enough
  | 'out-of-frame' // the body part left the picture
  | 'wrong-view' // e.g. facing the camera for a side-view stretch
  | 'not-in-start-position'
  | 'implausible-pose'; // limb lengths jump: a bad detection (title card, blur)

export type EngineEvent =
  | { readonly type: 'start-position-reached'; readonly tMs: number }
  | {
      readonly type: 'rep-counted';
      readonly tMs: number;
      readonly rep: RepRecord;
    }
  | {
      readonly type: 'rep-rejected';
      readonly tMs: number;
      readonly reason: 'not-far-enough' | 'too-fast' | 'hold-too-short' | 'form';
      /** With reason 'form': the check whose fault spoiled the rep. */
      readonly check?: CheckId;
      readonly side?: Side;
      readonly peakDepth?: number;
    }
  | { readonly type: 'hold-started'; readonly tMs: number; readonly side?: Side }
  | {
      readonly type: 'hold-paused';
      readonly tMs: number;
      readonly reason: NotJudgedReason | 'left-position' | 'form';
      /** With reason 'form': the check whose fault stops the timer. */
      readonly check?: CheckId;
    }
  | { readonly type: 'fault-started'; readonly tMs: number; readonly check: CheckId; readonly side?: Side }
  | { readonly type: 'fault-ended'; readonly tMs: number; readonly check: CheckId }
  | { readonly type: 'hold-resumed'; readonly tMs: number }
  | { readonly type: 'hold-ended'; readonly tMs: number; readonly hold: HoldRecord }
  | { readonly type: 'switch-side'; readonly tMs: number; readonly next: Side }
  | { readonly type: 'not-judged'; readonly tMs: number; readonly reason: NotJudgedReason }
  | { readonly type: 'judged-again'; readonly tMs: number };

export interface RepRecord {
  readonly startS: number;
  readonly endS: number;
  readonly side?: Side;
  /** Deepest `depth` reached in the rep, in the signal's unit. */
  readonly peakDepth: number;
  /** 0..1: how sure the engine is (visibility of the landmarks used, and how clear the movement was). */
  readonly confidence: number;
  /** The form checks that found a fault during the rep (reports and sessions always fill it in). */
  readonly faults?: readonly CheckId[];
}

export interface HoldRecord {
  readonly startS: number;
  readonly endS: number;
  readonly side?: Side;
  /** Time actually held in position, excluding pauses. */
  readonly heldS: number;
  readonly peakDepth: number;
  readonly confidence: number;
  /** The form checks that found a fault during the hold. */
  readonly faults?: readonly CheckId[];
}

export interface NotJudgedSpan {
  readonly startS: number;
  readonly endS: number;
  readonly reason: NotJudgedReason;
}

/** What the engine says after each frame. */
export interface TrackerUpdate {
  readonly tMs: number;
  readonly position: BodyPosition;
  readonly view: CameraView | 'unknown';
  /** True once the body has been seen in one of the stretch's start positions; counting only happens after that. */
  readonly started: boolean;
  /** The live primary signal, oriented so larger = deeper into the stretch; null when not judged this frame. */
  readonly depth: number | null;
  /** Which side the depth was measured on (sided exercises). */
  readonly side: Side | null;
  /** Null when judging; else why not. */
  readonly notJudged: NotJudgedReason | null;
  readonly repCount: number;
  readonly repsBySide: { readonly left: number; readonly right: number };
  /** The side the user should work next (alternating / each-side stretches), else null. */
  readonly nextSide: Side | null;
  /** The hold in progress, if any. */
  readonly hold: {
    readonly elapsedMs: number;
    readonly targetMs: number;
    readonly paused: boolean;
    readonly side: Side | null;
  } | null;
  /** Back block only: which stage of the cycle, and how many cycles are done. */
  readonly sequence?: { readonly stage: 'block-hold' | 'knee-to-chest' | 'rest'; readonly cyclesDone: number };
  /** Form faults now, and what keeps a person close to the start position out of it. */
  readonly form: FormStatus;
  /** Events that happened on this frame, in order. */
  readonly events: readonly EngineEvent[];
}

/** Options a session passes in; the engine adapts its thresholds to the user's calibration. */
export interface TrackerOptions {
  /** The user's calibrated comfortable maximum depth for this stretch (per side where sided). When given, the
   * rep threshold is set to a fraction of it so a person with a small comfortable range still gets counted. */
  readonly calibratedDepth?: { readonly left?: number; readonly right?: number; readonly none?: number };
  /** Override the hold target, seconds. */
  readonly holdTargetS?: number;
  /** Strict form (default true): faults whose effect is pause-hold stop the hold timer and reject-rep faults keep
   * the rep from counting. Off, every fault is only said. */
  readonly strictForm?: boolean;
}

/** A per-exercise counter: feed it every frame in time order. Passing `null` landmarks is a frame with no person. */
export interface ExerciseTracker {
  readonly definition: ExerciseDefinition;
  step(frame: PoseFrame): TrackerUpdate;
  /** Closes anything in progress (a hold still running when a recording ends) and returns its events. */
  finish(): readonly EngineEvent[];
  /** Every form fault seen so far, in time order (open ones end at the last frame). */
  faults(): readonly FaultSpan[];
  reset(): void;
}

/** The counting section of the analyze report. */
export interface CountingReport {
  readonly exercise: ExerciseId;
  readonly repCount: number;
  readonly reps: readonly RepRecord[];
  readonly holds: readonly HoldRecord[];
  readonly notJudged: readonly NotJudgedSpan[];
  /** Every form fault seen, in time order. */
  readonly faults: readonly FaultSpan[];
}
