/**
 * What the large-type counting view shows (read from 2-3 m on the floor): the rep count, one big number per side for
 * a stretch done on each side, each named in words ("Left", "Right") and the side to work next marked "next", never
 * by colour alone. Pure, so the component only renders.
 */
import type { SessionState } from './session-flow.ts';

export interface LargeCount {
  /** "Left" / "Right", null for a stretch without sides. */
  readonly label: string | null;
  readonly value: number;
  /** The side to work next. */
  readonly next: boolean;
}

/** The counts to show big: one per side where the stretch is done on each side, else one. */
export function largeCounts(s: SessionState): readonly LargeCount[] {
  const run = s.run;
  if (!run) return [];
  if (run.def.targets.sides === 'none') return [{ label: null, value: run.reps, next: false }];
  const next = s.update?.nextSide ?? null;
  return (['left', 'right'] as const).map((side) => ({
    label: side === 'left' ? 'Left' : 'Right',
    value: run.repsBySide[side],
    next: next === side,
  }));
}
