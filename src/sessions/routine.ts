/**
 * Today's routine. Default: the article's ten stretches, easiest to hardest. With history, the article's advice
 * ("keep the stretches that give you most relief") applies: stretches rated worse in recent sessions are dropped,
 * and when the routine runs past the 15-minute goal the ones rated as giving no relief go first.
 */
import type { ExerciseDefinition, ExerciseId } from '../exercises/types.ts';
import type { Relief, SessionRecord } from './types.ts';

/** Ratings from this many recent days count (older ones reflect a back that has changed). */
const RECENT_DAYS = 14;
/** The daily goal's upper end, minutes (the article: 10-15 minutes a day). */
export const GOAL_MAX_MIN = 15;
export const GOAL_MIN_MIN = 10;

const RELIEF_SCORE: Record<Relief, number> = { better: 1, same: 0, worse: -1 };

/** Estimated minutes for one stretch at the article's lower targets (the daily routine; more is the user's choice):
 * reps at ~5 s each plus any hold, each side for 'each' (alternating reps are a total across both legs), and ~40 s
 * to read the steps and set up. */
export function estimatedMinutes(def: ExerciseDefinition): number {
  const t = def.targets;
  const sides = t.sides === 'each' ? 2 : 1;
  const reps = t.reps?.min ?? 1;
  const perRepS = (t.holdS?.min ?? 0) + 5; // a rep of these stretches takes 3-6 s, plus any hold
  const cycles = t.cycles?.min ?? 1;
  return (sides * reps * perRepS * cycles + 40) / 60;
}

/** Mean relief per stretch over the recent days: +1 better .. -1 worse, with how many ratings it rests on. */
export function reliefScores(
  history: readonly SessionRecord[],
  today: string,
): Map<ExerciseId, { mean: number; n: number }> {
  const since = Date.parse(`${today}T00:00:00Z`) - RECENT_DAYS * 86_400_000;
  const sums = new Map<ExerciseId, { sum: number; n: number }>();
  for (const s of history) {
    if (Date.parse(`${s.day}T00:00:00Z`) < since) continue;
    for (const r of s.stretches) {
      if (!r.relief) continue;
      const e = sums.get(r.exercise) ?? { sum: 0, n: 0 };
      sums.set(r.exercise, { sum: e.sum + RELIEF_SCORE[r.relief], n: e.n + 1 });
    }
  }
  return new Map([...sums].map(([id, { sum, n }]) => [id, { mean: sum / n, n }]));
}

export interface RoutineItem {
  readonly def: ExerciseDefinition;
  /** Why it is in (or out of) today's routine, for the Home screen. */
  readonly reason: string;
  readonly included: boolean;
}

/** Today's routine in the article's order, each with a reason; `included` ones form the default selection. */
export function chooseRoutine(
  all: readonly ExerciseDefinition[],
  history: readonly SessionRecord[],
  today: string,
): RoutineItem[] {
  const scores = reliefScores(history, today);
  const sorted = [...all].sort((a, b) => a.order - b.order);
  const score = (d: ExerciseDefinition) => scores.get(d.id)?.mean ?? 0;
  // "made it worse" needs two ratings on average below zero: one bad day is not a verdict
  const worse = (d: ExerciseDefinition) => (scores.get(d.id)?.n ?? 0) >= 2 && score(d) < 0;
  const kept = new Set(sorted.filter((d) => !worse(d)).map((d) => d.id));
  let minutes = sorted.filter((d) => kept.has(d.id)).reduce((m, d) => m + estimatedMinutes(d), 0);
  // only stretches rated as giving no relief make way for time: an unrated one has not had its chance to show
  // whether it helps, and one that helps is what the article says to keep; so with no ratings the routine is all ten
  const byLeastRelief = sorted
    .filter((d) => kept.has(d.id) && scores.has(d.id) && score(d) <= 0)
    .sort((a, b) => score(a) - score(b) || b.order - a.order);
  for (const d of byLeastRelief) {
    if (minutes <= GOAL_MAX_MIN || kept.size <= 1) break;
    kept.delete(d.id);
    minutes -= estimatedMinutes(d);
  }
  return sorted.map((def) => {
    const s = scores.get(def.id);
    const rated = s
      ? `relief ${s.mean > 0 ? '+' : ''}${s.mean.toFixed(1)} over ${s.n} rating${s.n === 1 ? '' : 's'}`
      : 'not rated yet';
    const why = worse(def)
      ? `left out: made it worse (${rated})`
      : !kept.has(def.id)
        ? `left out to keep within ${GOAL_MAX_MIN} min (${rated})`
        : rated;
    return { def, reason: why, included: kept.has(def.id) };
  });
}
