/**
 * The one way to declare a stretch: `defineStretch()` takes what only that stretch knows and derives the rest, so
 * that no fact is stated twice in its file (and none can disagree). Pure.
 */
import type { BodyFeatures } from '../motion/features.ts';
import type { BodyPosition, CameraView } from '../motion/position.ts';
import type { ExerciseSpec, StretchSpec } from './counting/spec.ts';
import type { ExerciseDefinition, ExerciseKind } from './types.ts';

/** What a stretch's file declares. Its place in the programme (`order`) is its place in the registry's list. */
export interface StretchDeclaration<Id extends string> extends Omit<
  StretchSpec<Id>,
  'definition' | 'views' | 'inPosition'
> {
  readonly definition: Omit<ExerciseDefinition<Id>, 'order'>;
  /** Camera views in which the signal means what it should; default: only `definition.view`. */
  readonly views?: readonly CameraView[];
  /** The start-position gate; default: the body is in one of `definition.startPositions`. Give one only when the
   * classified position does not say it (lying with the camera at the feet, a foot up on a bench). */
  inPosition?(f: BodyFeatures, position: BodyPosition): boolean;
}

/** A declared stretch, before the registry gives it its place in the programme. */
export interface Stretch<Id extends string> extends Omit<StretchSpec<Id>, 'definition'> {
  readonly definition: Omit<ExerciseDefinition<Id>, 'order'>;
}

/** The kinds of stretch each counter can count. */
const KINDS: Record<ExerciseSpec['counter']['type'], readonly ExerciseKind[]> = {
  reps: ['reps'],
  cycle: ['reps'],
  hold: ['hold-reps', 'hold'],
  sequence: ['sequence'],
};

export function defineStretch<Id extends string>(declared: StretchDeclaration<Id>): Stretch<Id> {
  const { definition: d, counter } = declared;
  const views = declared.views ?? [d.view];
  if (!views.includes(d.view))
    throw new Error(`${d.id}: its views (${views.join(', ')}) leave out its view, ${d.view}`);
  if (!KINDS[counter.type].includes(d.kind))
    throw new Error(`${d.id}: a ${counter.type} counter cannot count a stretch of kind ${d.kind}`);
  const inPosition = declared.inPosition ?? ((_f: BodyFeatures, p: BodyPosition) => d.startPositions.includes(p));
  return { ...declared, views, inPosition };
}
