/** The ten stretches of the programme, easiest to hardest, and the tracker factory. The one list of stretches: the
 * ids, their type and each stretch's place in the programme come from it. */
import { GenericTracker } from './counting/tracker.ts';
import type { ExerciseSpec } from './counting/spec.ts';
import { backBlock } from './defs/back-block.ts';
import { catCamel } from './defs/cat-camel.ts';
import { hipFlexor } from './defs/hip-flexor.ts';
import { kneeToChest } from './defs/knee-to-chest.ts';
import { lumbarRoll } from './defs/lumbar-roll.ts';
import { nerveStretch } from './defs/nerve-stretch.ts';
import { pelvicTilt } from './defs/pelvic-tilt.ts';
import { proneExtension } from './defs/prone-extension.ts';
import { qlStretch } from './defs/ql-stretch.ts';
import { singleKneeToChest } from './defs/single-knee-to-chest.ts';
import type { ExerciseDefinition, ExerciseTracker, TrackerOptions } from './types.ts';

/** The article's order, easiest to hardest. */
const STRETCHES = [
  pelvicTilt,
  lumbarRoll,
  singleKneeToChest,
  kneeToChest,
  proneExtension,
  catCamel,
  hipFlexor,
  nerveStretch,
  qlStretch,
  backBlock,
] as const;

export type ExerciseId = (typeof STRETCHES)[number]['definition']['id'];

export const SPECS: readonly ExerciseSpec[] = STRETCHES.map((s, i) => ({
  ...s,
  definition: { ...s.definition, order: i + 1 },
}));

export const EXERCISES: readonly ExerciseDefinition[] = SPECS.map((s) => s.definition);

export const EXERCISE_IDS: readonly ExerciseId[] = EXERCISES.map((d) => d.id);

export function getSpec(id: ExerciseId): ExerciseSpec {
  const spec = SPECS.find((s) => s.definition.id === id);
  if (!spec) throw new Error(`unknown exercise: ${id}`);
  return spec;
}

export function getExercise(id: ExerciseId): ExerciseDefinition {
  return getSpec(id).definition;
}

export function createTracker(id: ExerciseId, options?: TrackerOptions): ExerciseTracker {
  return new GenericTracker(getSpec(id), options);
}
