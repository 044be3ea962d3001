/** A stretch's form faults in a session record, in words for History: "You are up on straight arms ×3". Pure. */
import { checkWords } from '../coach/form-cues.ts';
import type { CheckId } from '../exercises/checks/types.ts';
import { EXERCISES } from '../exercises/registry.ts';
import type { StretchResult } from './types.ts';

/** Most frequent first; empty when none was found (or the record predates form checking). */
export function faultSummary(r: StretchResult): string[] {
  // a stored stretch may no longer be in the programme: its checks' words are then unknown, the ids are shown
  const def = EXERCISES.find((d) => d.id === r.exercise);
  return (Object.entries(r.faults ?? {}) as [CheckId, number][])
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([id, n]) => `${((def && checkWords(def, id)?.fault) ?? id).replace(/\.$/, '')} ×${n}`);
}
