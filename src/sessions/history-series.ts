/** Per-stretch series for the History chart: range and relief per day, left/right compared. */
import type { ExerciseId } from '../exercises/types.ts';
import type { Relief, SessionRecord } from './types.ts';

export interface DayPoint {
  readonly day: string;
  /** Deepest depth that day per side (null = not measured). */
  readonly left: number | null;
  readonly right: number | null;
  readonly none: number | null;
  /** The day's last relief rating. */
  readonly relief: Relief | null;
  readonly pain: number | null;
  /** The calibrated comfortable limit in use that day per side (the day's last), null when not calibrated. */
  readonly limit: { readonly left: number | null; readonly right: number | null; readonly none: number | null };
}

const max = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));

/** One point per day on which `exercise` was done, oldest first. */
export function stretchSeries(sessions: readonly SessionRecord[], exercise: ExerciseId): DayPoint[] {
  const byDay = new Map<string, DayPoint>();
  const ordered = [...sessions].sort((a, b) => a.startedIso.localeCompare(b.startedIso));
  for (const s of ordered) {
    for (const r of s.stretches) {
      if (r.exercise !== exercise) continue;
      const p = byDay.get(s.day);
      byDay.set(s.day, {
        day: s.day,
        left: max(p?.left ?? null, r.peakDepth.left),
        right: max(p?.right ?? null, r.peakDepth.right),
        none: max(p?.none ?? null, r.peakDepth.none),
        relief: r.relief ?? p?.relief ?? null,
        pain: r.pain ?? p?.pain ?? null,
        limit: {
          left: r.calibrated.left ?? p?.limit.left ?? null,
          right: r.calibrated.right ?? p?.limit.right ?? null,
          none: r.calibrated.none ?? p?.limit.none ?? null,
        },
      });
    }
  }
  return [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
}

/** The stretches that appear in any session, in first-seen order. */
export function stretchesDone(sessions: readonly SessionRecord[]): ExerciseId[] {
  return [...new Set(sessions.flatMap((s) => s.stretches.map((r) => r.exercise)))];
}
