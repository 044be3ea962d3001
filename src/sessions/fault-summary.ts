/** A stretch's form faults in a session record, in words for History: "You are up on straight arms ×3". Pure. */
import { checkWords } from '../coach/form-cues.ts';
import type { CheckId } from '../exercises/checks/types.ts';
import { EXERCISES } from '../exercises/registry.ts';
import type { StretchResult } from './types.ts';

/** Each fault's words ("You are up on straight arms"), its fix (the cue, null when unknown) and how many times it was found, most frequent first; empty
 * when none was found (or the record predates form checking). */
export function faultCounts(
  r: StretchResult,
): { readonly words: string; readonly fix: string | null; readonly count: number }[] {
  // a stored stretch may no longer be in the programme: its checks' words are then unknown, the ids are shown
  const def = EXERCISES.find((d) => d.id === r.exercise);
  return (Object.entries(r.faults ?? {}) as [CheckId, number][])
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([id, count]) => {
      const words = def ? checkWords(def, id) : null;
      return { words: (words?.fault ?? id).replace(/\.$/, ''), fix: words?.cue ?? null, count };
    });
}

/** Most frequent first, "words ×count"; empty when none was found (or the record predates form checking). */
export function faultSummary(r: StretchResult): string[] {
  return faultCounts(r).map((f) => `${f.words} ×${f.count}`);
}
