/** A labelled synthetic clip of one stretch of the programme: its own scenario, rendered by the generic generator
 * (src/motion/synth) from its own camera view. For the tests and the counting benchmark. Pure. */
import { renderScenario, type SynthClip, type SynthVariant } from '../motion/synth/render-scenario.ts';
import { getSpec } from './registry.ts';
import type { ExerciseId } from './types.ts';

export function synthesize(id: ExerciseId, v: SynthVariant = {}): SynthClip {
  const spec = getSpec(id);
  return renderScenario(spec.scenario(v), spec.definition.view, v, `synthetic:${id}`);
}
