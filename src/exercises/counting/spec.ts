/** How one stretch is measured and counted: the declarative part each file in ../defs fills in. Pure types. */
import type { BodyFeatures } from '../../motion/features.ts';
import type { FormCheck } from '../checks/types.ts';
import type { OneEuroConfig } from '../../motion/one-euro-filter.ts';
import type { Scenario, SynthVariant } from '../../motion/synth/render-scenario.ts';
import type { BodyPosition, CameraView, ExerciseDefinition, ExerciseId, Side } from '../types.ts';

/** One frame's reading of the stretch's primary signal. */
export interface Measurement {
  /** Larger = deeper into the stretch, in the definition's signal unit. */
  readonly depth: number;
  readonly side: Side | null;
}

/** Counts a rep each time the depth goes out past `enterDepth` and back below `exitDepth` (hysteresis). */
export interface RepCounterSpec {
  readonly type: 'reps';
  readonly enterDepth: number;
  readonly exitDepth: number;
  /** A rep whose out-phase is shorter than this is rejected as too fast (jitter, a twitch). */
  readonly minPhaseMs: number;
  /** An excursion deeper than this is a different movement (both knees to the chest seen as a huge pelvic tilt):
   * it is ignored, neither counted nor rejected. */
  readonly maxDepth?: number;
  /** When set, a rep done mostly outside the start position (over half its time) is another movement: it is
   * ignored, neither counted nor rejected (walking the hands out into child's pose from all fours). */
  readonly stayInPosition?: boolean;
  /** When set, depth is measured from a rolling low quantile of itself (for small movements whose rest value
   * differs from person to person, like the pelvic tilt). */
  readonly baseline?: { readonly windowMs: number; readonly quantile: number };
}

/** Times holds at end range: starts when depth >= enterDepth and the movement has settled; ends below exitDepth.
 * Every hold that lasts the target time counts as a rep (knee to chest x10; one per side for the long holds). */
export interface HoldSpec {
  readonly type: 'hold';
  readonly enterDepth: number;
  readonly exitDepth: number;
  /** The hold starts once the depth changes slower than this (the end position is reached), units per second. */
  readonly settlePerS: number;
  /** Holds shorter than this are not reported at all (passing through the range). */
  readonly minReportMs: number;
  /** Tracking loss up to this long pauses the hold instead of ending it. */
  readonly graceMs: number;
  /** Where the recorded hold begins and ends, as a fraction of the way from its plateau down to exitDepth (see
   * end-position.ts; default PLATEAU_FRACTION). */
  readonly plateauFraction?: number;
}

/** Counts full cycles between two opposite extremes (cat/camel), wherever the set starts (cycle-counter.ts). */
export interface CycleSpec {
  readonly type: 'cycle';
  /** Change of the signal from one extreme that counts as reaching the opposite one: larger than any excursion
   * from neutral to one extreme, smaller than a swing from one extreme to the other. */
  readonly swing: number;
}

/** Back block: a long hold on one signal, then a knee-to-chest hold on another, repeated in cycles. */
export interface SequenceSpec {
  readonly type: 'sequence';
  readonly block: HoldSpec & { readonly measure: (f: BodyFeatures) => Measurement | null };
  readonly knees: HoldSpec & { readonly measure: (f: BodyFeatures) => Measurement | null };
}

/** One stretch of the programme. */
export type ExerciseSpec = StretchSpec<ExerciseId>;

/** A stretch with id `Id`: what it is, how its signal is measured and counted, and how the generator performs it. */
export interface StretchSpec<Id extends string> {
  readonly definition: ExerciseDefinition<Id>;
  /** Camera views in which the signal means what it should. */
  readonly views: readonly CameraView[];
  /** Is the body in this stretch's start position (or already in the stretch)? */
  inPosition(f: BodyFeatures, position: BodyPosition): boolean;
  /** The primary signal, or null when the landmarks it needs are not seen. */
  measure(f: BodyFeatures): Measurement | null;
  readonly counter: RepCounterSpec | HoldSpec | CycleSpec | SequenceSpec;
  /** Smoothing of the signal when the default One Euro filter does not suit it (small, slow movements). */
  readonly smoothing?: OneEuroConfig;
  /** How the kinematic generator (src/motion/synth) performs the stretch, done fully and labelled, for the tests. */
  scenario(v: SynthVariant): Scenario;
  /** The article's technique rules for this stretch, judged beside the counter (see ../checks). */
  readonly checks: readonly FormCheck[];
  /** Close to the start position but not in it (a rule of it fails): the failing rule is named instead of a generic
   * "get into position". Default: only in the start position. */
  nearStart?(f: BodyFeatures, position: BodyPosition): boolean;
}
