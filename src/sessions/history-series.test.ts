import { describe, expect, it } from 'vitest';
import { stretchSeries, stretchesDone } from './history-series.ts';
import type { SessionRecord, StretchResult } from './types.ts';

const res = (fields: Partial<StretchResult>): StretchResult => ({
  exercise: 'single-knee-to-chest',
  reps: 2,
  repsBySide: { left: 1, right: 1 },
  holds: [],
  peakDepth: { left: null, right: null, none: null },
  unit: 'deg',
  calibrated: { left: null, right: null, none: null },
  stops: [],
  relief: null,
  pain: null,
  durationS: 60,
  ...fields,
});
const sess = (iso: string, stretches: StretchResult[]): SessionRecord => ({
  id: iso,
  startedIso: iso,
  day: iso.slice(0, 10),
  durationS: 600,
  stretches,
});

describe('history series', () => {
  it("one point per day, deepest range per side, the day's last rating", () => {
    const h = [
      sess('2026-03-02T18:00:00Z', [
        res({ peakDepth: { left: 100, right: 90, none: null }, relief: 'better', pain: 2 }),
      ]),
      sess('2026-03-02T08:00:00Z', [
        res({
          peakDepth: { left: 104, right: 80, none: null },
          relief: 'worse',
          pain: 5,
          calibrated: { left: 105, right: 95, none: null },
        }),
      ]),
      sess('2026-03-01T08:00:00Z', [
        res({ peakDepth: { left: 95, right: 85, none: null }, relief: 'same' }),
        res({ exercise: 'prone-extension' }),
      ]),
    ];
    expect(stretchSeries(h, 'single-knee-to-chest')).toEqual([
      {
        day: '2026-03-01',
        left: 95,
        right: 85,
        none: null,
        relief: 'same',
        pain: null,
        limit: { left: null, right: null, none: null },
      },
      {
        day: '2026-03-02',
        left: 104,
        right: 90,
        none: null,
        relief: 'better',
        pain: 2,
        limit: { left: 105, right: 95, none: null },
      },
    ]);
    expect(stretchesDone(h)).toEqual(['single-knee-to-chest', 'prone-extension']);
  });
});
