/** Each stretch's form checks, by stretch (to move into each stretch's own file once those exist). */
import type { ExerciseId } from '../types.ts';
import type { StretchChecks } from './types.ts';
import { fourPointStretchChecks } from './declared/four-point.ts';
import { backBlockChecks, kneeToChestChecks, lumbarRollChecks, singleKneeToChestChecks } from './declared/lying.ts';
import { proneExtensionChecks } from './declared/prone.ts';
import { hipFlexorChecks, nerveStretchChecks, qlStretchChecks } from './declared/standing.ts';

const CHECKS: Record<ExerciseId, StretchChecks> = {
  'pelvic-tilt': fourPointStretchChecks('reject-rep'),
  'lumbar-roll': lumbarRollChecks,
  'single-knee-to-chest': singleKneeToChestChecks,
  'knee-to-chest': kneeToChestChecks,
  'prone-extension': proneExtensionChecks,
  'cat-camel': fourPointStretchChecks('reject-rep'),
  'hip-flexor': hipFlexorChecks,
  'nerve-stretch': nerveStretchChecks,
  'ql-stretch': qlStretchChecks,
  'back-block': backBlockChecks,
};

export function getChecks(id: ExerciseId): StretchChecks {
  return CHECKS[id];
}
