/** The ten stretches of the programme, easiest to hardest, and the tracker factory. */
import { GenericTracker } from './counting/tracker.ts';
import { getChecks } from './checks/stretch-checks.ts';
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
import type { ExerciseDefinition, ExerciseId, ExerciseTracker, TrackerOptions } from './types.ts';

export const SPECS: readonly ExerciseSpec[] = [
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
];

export const EXERCISES: readonly ExerciseDefinition[] = SPECS.map((s) => s.definition);

export function getSpec(id: ExerciseId): ExerciseSpec {
  const spec = SPECS.find((s) => s.definition.id === id);
  if (!spec) throw new Error(`unknown exercise: ${id}`);
  return spec;
}

export function getExercise(id: ExerciseId): ExerciseDefinition {
  return getSpec(id).definition;
}

export function createTracker(id: ExerciseId, options?: TrackerOptions): ExerciseTracker {
  return new GenericTracker(getSpec(id), options, getChecks(id));
}
