import { describe, expect, it } from 'vitest';
import { lastDays, streakDays } from './progress.ts';
import type { SessionRecord } from './types.ts';

const s = (day: string, durationS = 600): SessionRecord => ({
  id: day,
  startedIso: `${day}T08:00:00.000Z`,
  day,
  durationS,
  stretches: [],
});

describe('streak and minutes per day', () => {
  it('counts consecutive days ending today', () => {
    expect(streakDays([s('2026-02-27'), s('2026-02-28'), s('2026-03-01'), s('2026-03-01')], '2026-03-01')).toBe(3);
  });
  it('a streak is not lost before today is over, but a missed day breaks it', () => {
    expect(streakDays([s('2026-02-27'), s('2026-02-28')], '2026-03-01')).toBe(2);
    expect(streakDays([s('2026-02-26'), s('2026-02-28')], '2026-03-02')).toBe(0);
  });
  it('adds the minutes of every session of a day', () => {
    const d = lastDays([s('2026-03-01', 300), s('2026-03-01', 420), s('2026-02-27', 60)], '2026-03-01', 3);
    expect(d).toEqual([
      { day: '2026-02-27', minutes: 1 },
      { day: '2026-02-28', minutes: 0 },
      { day: '2026-03-01', minutes: 12 },
    ]);
  });
});
