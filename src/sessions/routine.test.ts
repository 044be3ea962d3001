import { describe, expect, it } from 'vitest';
import { chooseRoutine, estimatedMinutes } from './routine.ts';
import { PRONE, SINGLE_KTC } from './test-support.ts';
import type { ExerciseDefinition, ExerciseId } from '../exercises/types.ts';
import { EXERCISES } from '../exercises/registry.ts';
import type { Relief, SessionRecord } from './types.ts';

const LONG: ExerciseDefinition = {
  ...PRONE,
  id: 'hip-flexor',
  order: 7,
  targets: { reps: { min: 3, max: 3 }, holdS: { min: 60, max: 60 }, sides: 'each' },
};

function session(day: string, ratings: readonly [ExerciseId, Relief][]): SessionRecord {
  return {
    id: day,
    startedIso: `${day}T08:00:00.000Z`,
    day,
    durationS: 600,
    stretches: ratings.map(([exercise, relief]) => ({
      exercise,
      reps: 3,
      repsBySide: { left: 0, right: 0 },
      holds: [],
      peakDepth: { left: null, right: null, none: 20 },
      unit: 'deg',
      calibrated: { left: null, right: null, none: 20 },
      stops: [],
      relief,
      pain: 2,
      durationS: 60,
    })),
  };
}

describe('routine chooser', () => {
  it('without history: every stretch, easiest first', () => {
    const r = chooseRoutine([PRONE, SINGLE_KTC], [], '2026-03-10');
    expect(r.map((i) => [i.def.id, i.included])).toEqual([
      ['single-knee-to-chest', true],
      ['prone-extension', true],
    ]);
  });

  it('drops a stretch rated worse twice in recent days, keeps one bad day', () => {
    const h = [
      session('2026-03-08', [
        ['prone-extension', 'worse'],
        ['single-knee-to-chest', 'worse'],
      ]),
      session('2026-03-09', [
        ['prone-extension', 'worse'],
        ['single-knee-to-chest', 'better'],
      ]),
    ];
    const r = chooseRoutine([PRONE, SINGLE_KTC], h, '2026-03-10');
    expect(r.find((i) => i.def.id === 'prone-extension')?.included).toBe(false);
    expect(r.find((i) => i.def.id === 'prone-extension')?.reason).toMatch(/made it worse/);
    expect(r.find((i) => i.def.id === 'single-knee-to-chest')?.included).toBe(true);
  });

  it('ratings older than two weeks no longer count', () => {
    const h = [
      session('2026-01-01', [['prone-extension', 'worse']]),
      session('2026-01-02', [['prone-extension', 'worse']]),
    ];
    expect(chooseRoutine([PRONE], h, '2026-03-10')[0]?.included).toBe(true);
  });

  it("estimates the ten stretches at the article's lower targets: all ten fit in a 20-25 minute first routine", () => {
    const minutes = EXERCISES.reduce((m, d) => m + estimatedMinutes(d), 0);
    expect(minutes).toBeGreaterThan(18);
    expect(minutes).toBeLessThan(26);
    const r = chooseRoutine(EXERCISES, [], '2026-03-10');
    expect(r.filter((i) => i.included)).toHaveLength(10); // nothing rated yet: nothing is left out for time
  });

  it('over the 15-minute goal, the stretch with least relief goes first', () => {
    expect(estimatedMinutes(LONG)).toBeGreaterThan(6);
    const many = Array.from({ length: 3 }, (_, i) => ({
      ...LONG,
      id: (['hip-flexor', 'ql-stretch', 'nerve-stretch'] as const)[i] ?? 'hip-flexor',
      order: 7 + i,
    }));
    const h = [
      session('2026-03-09', [
        ['hip-flexor', 'better'],
        ['ql-stretch', 'same'],
        ['nerve-stretch', 'better'],
      ]),
    ];
    const r = chooseRoutine(many, h, '2026-03-10');
    const kept = r.filter((i) => i.included).map((i) => i.def.id);
    expect(kept).toEqual(['hip-flexor', 'nerve-stretch']); // the two that gave relief; ql-stretch ('same') went first
    expect(r.find((i) => i.def.id === 'ql-stretch')?.reason).toMatch(/within 15 min/);
    const total = r.filter((i) => i.included).reduce((m, i) => m + estimatedMinutes(i.def), 0);
    expect(total).toBeLessThanOrEqual(15);
    // a stretch not rated yet keeps its place even over the goal (it has not had its chance yet), and so does one
    // that gives relief
    const withNew = chooseRoutine([...many, PRONE], h, '2026-03-10');
    expect(withNew.filter((i) => i.included).map((i) => i.def.id)).toEqual([
      'prone-extension',
      'hip-flexor',
      'nerve-stretch',
    ]);
  });
});
