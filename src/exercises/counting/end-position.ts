/**
 * Where a hold really began and ended: the span in which the signal stayed near its plateau, which is what a person
 * watching calls "in the end position". The hold timer's own start and end fire on thresholds (start as soon as the
 * limb settles past the entry depth, end half a second after it drops below the exit depth), so they lead or lag
 * the eye by the length of the approach and the release. Pure.
 */
import { median } from '../../motion/stats.ts';

export interface DepthSample {
  readonly tMs: number;
  readonly v: number;
}

/** In the end position = within this fraction of the way from the plateau down to the exit depth. 0.6 puts the
 * boundaries of adaptx/knee_to_chest (plateaus 125-147, exit 90) at 110-115 degrees, where the knee arrives and
 * leaves by eye (0.35 starts the 2nd single hold 0.9 s late: the knee keeps drawing in for 2 s after it arrives);
 * on generated holds with a 2-3 s approach it puts the start 0.6-1 s early. */
export const PLATEAU_FRACTION = 0.6;

/** The depth above which the signal is "in the end position" during [startMs, endMs], or null when too few
 * samples tell. */
export function endPositionLevel(
  samples: readonly DepthSample[],
  startMs: number,
  endMs: number,
  exitDepth: number,
  fraction = PLATEAU_FRACTION,
): number | null {
  const inHold = samples.filter((s) => s.tMs >= startMs && s.tMs <= endMs);
  if (inHold.length < 3) return null;
  const plateau = median(inHold.map((s) => s.v));
  return plateau - fraction * (plateau - exitDepth);
}

/** Refines a hold [startMs, endMs] against the samples around it (which may start before `startMs`). */
export function endPositionSpan(
  samples: readonly DepthSample[],
  startMs: number,
  endMs: number,
  exitDepth: number,
  fraction = PLATEAU_FRACTION,
): { startMs: number; endMs: number } {
  const level = endPositionLevel(samples, startMs, endMs, exitDepth, fraction);
  if (level === null) return { startMs, endMs };
  let i = samples.findIndex((s) => s.tMs >= startMs);
  if (i < 0) return { startMs, endMs };
  if (samples[i]!.v >= level) {
    // already there before the timer fired: walk back to where it arrived
    while (i > 0 && samples[i - 1]!.v >= level) i--;
  } else {
    while (i < samples.length - 1 && samples[i]!.tMs < endMs && samples[i]!.v < level) i++;
  }
  let j = samples.length - 1;
  while (j > i && (samples[j]!.tMs > endMs || samples[j]!.v < level)) j--;
  const start = samples[i]!.tMs;
  const end = samples[j]!.tMs;
  return end > start ? { startMs: start, endMs: end } : { startMs, endMs };
}
