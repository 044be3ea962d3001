/**
 * A stretch as stored history names it. Stored ids outlive the programme: a stretch renamed or removed still has
 * sessions on people's devices, and History must show them (as a retired stretch) rather than fail. Pure.
 */
import { EXERCISES } from '../exercises/registry.ts';
import type { ExerciseDefinition } from '../exercises/types.ts';

/** How History names a stored stretch that is no longer in the programme. */
export const RETIRED_STRETCH_NAME = 'A stretch no longer in the programme';

export interface StoredStretch {
  readonly name: string;
  /** What its range measures ("trunk lift"), or "range". */
  readonly signalLabel: string;
  /** Its definition, null for a retired stretch (nothing to count or watch it with). */
  readonly def: ExerciseDefinition | null;
}

export function storedStretch(id: string): StoredStretch {
  const def = EXERCISES.find((d) => d.id === id) ?? null;
  return def
    ? { name: def.name, signalLabel: def.signal.label, def }
    : { name: RETIRED_STRETCH_NAME, signalLabel: 'range', def: null };
}
