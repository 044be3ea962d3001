/** Where in a rep or hold the body is, from the counter's state: which form rules apply now. Pure. */
import type { ExerciseSpec } from '../counting/spec.ts';
import type { TrackerUpdate } from '../types.ts';
import type { CheckPhase } from './types.ts';

/** The phase after a frame, from its counted depth (larger = deeper) and whether a hold is running. */
export function phaseOf(spec: ExerciseSpec, u: Pick<TrackerUpdate, 'depth' | 'hold' | 'sequence'>): CheckPhase {
  // a hold that has had its time is over for the rules: the person is told to come out of it
  if (u.hold) return u.hold.elapsedMs < u.hold.targetMs ? 'hold' : 'end-range';
  const d = u.depth;
  if (d === null) return 'start';
  const c = spec.counter;
  if (c.type === 'cycle') {
    // cycles report the distance from neutral (half-way between the last two extremes); an extreme lies about half
    // a swing from neutral
    const a = Math.abs(d);
    return a >= c.swing / 2 ? 'end-range' : a > c.swing / 4 ? 'moving' : 'start';
  }
  const { enterDepth, exitDepth } = c.type === 'sequence' ? c.block : c;
  return d >= enterDepth ? 'end-range' : d > exitDepth ? 'moving' : 'start';
}
