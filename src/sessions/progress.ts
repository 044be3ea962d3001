/** Daily streak and minutes per day against the article's 10-15 minute goal. */
import type { SessionRecord } from './types.ts';

/** The day before `day` ('YYYY-MM-DD'). */
export function previousDay(day: string): string {
  const t = Date.parse(`${day}T12:00:00Z`) - 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Minutes of stretching per day. */
export function minutesByDay(sessions: readonly SessionRecord[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const s of sessions) m.set(s.day, (m.get(s.day) ?? 0) + s.durationS / 60);
  return m;
}

/** Days in a row with a session, ending today, or yesterday when today has none yet (the streak is not lost
 * before the day is over). */
export function streakDays(sessions: readonly SessionRecord[], today: string): number {
  const days = new Set(sessions.map((s) => s.day));
  let d = days.has(today) ? today : previousDay(today);
  let n = 0;
  while (days.has(d)) {
    n += 1;
    d = previousDay(d);
  }
  return n;
}

/** The last `n` days ending today, oldest first, with their minutes (0 for days without a session). */
export function lastDays(
  sessions: readonly SessionRecord[],
  today: string,
  n: number,
): { day: string; minutes: number }[] {
  const m = minutesByDay(sessions);
  const out: { day: string; minutes: number }[] = [];
  let d = today;
  for (let i = 0; i < n; i++) {
    out.unshift({ day: d, minutes: m.get(d) ?? 0 });
    d = previousDay(d);
  }
  return out;
}
