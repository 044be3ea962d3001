import { describe, expect, it } from 'vitest';
import { createTracker, EXERCISE_IDS, EXERCISES, getExercise } from './registry.ts';

describe('the ten stretches', () => {
  it('are all there, in the article order, numbered by their place in the list', () => {
    expect(EXERCISE_IDS).toEqual([
      'pelvic-tilt',
      'lumbar-roll',
      'single-knee-to-chest',
      'knee-to-chest',
      'prone-extension',
      'cat-camel',
      'hip-flexor',
      'nerve-stretch',
      'ql-stretch',
      'back-block',
    ]);
    expect(EXERCISES.map((e) => [e.id, e.order])).toEqual(EXERCISE_IDS.map((id, i) => [id, i + 1]));
  });

  it.each([
    // id, kind, reps, hold seconds, cycles, sides, start position, view: the article's targets
    ['pelvic-tilt', 'reps', [10, 20], undefined, undefined, 'none', 'four-point-kneel', 'side'],
    ['lumbar-roll', 'reps', [10, 20], undefined, undefined, 'alternate', 'supine-knees-bent', 'front'],
    ['single-knee-to-chest', 'hold-reps', [10, 10], [5, 10], undefined, 'alternate', 'supine-knees-bent', 'side'],
    ['knee-to-chest', 'hold-reps', [10, 20], [5, 5], undefined, 'none', 'supine-knees-bent', 'side'],
    ['prone-extension', 'hold-reps', [10, 10], [10, 10], undefined, 'none', 'prone', 'side'],
    ['cat-camel', 'reps', [10, 20], undefined, undefined, 'none', 'four-point-kneel', 'side'],
    ['hip-flexor', 'hold', [1, 3], [30, 30], undefined, 'each', 'kneeling-lunge', 'side'],
    ['nerve-stretch', 'reps', [20, 20], undefined, undefined, 'each', 'standing', 'side'],
    ['ql-stretch', 'hold', [1, 2], [20, 30], undefined, 'each', 'standing', 'front'],
    ['back-block', 'sequence', undefined, [60, 60], [3, 5], 'none', 'supine-knees-bent', 'side'],
  ] as const)(
    '%s: %s, reps %j, hold %j s, cycles %j, sides %s, from %s, %s view',
    (id, kind, reps, holdS, cycles, sides, start, view) => {
      const d = getExercise(id);
      expect(d.kind).toBe(kind);
      expect(d.targets.reps ? [d.targets.reps.min, d.targets.reps.max] : undefined).toEqual(reps);
      expect(d.targets.holdS ? [d.targets.holdS.min, d.targets.holdS.max] : undefined).toEqual(holdS);
      expect(d.targets.cycles ? [d.targets.cycles.min, d.targets.cycles.max] : undefined).toEqual(cycles);
      expect(d.targets.sides).toBe(sides);
      expect(d.startPositions).toContain(start);
      expect(d.view).toBe(view);
      expect(d.steps.length).toBeGreaterThanOrEqual(3);
      expect(d.cameraSetup.length).toBeGreaterThan(20);
      const c = d.cues;
      expect(c && [c.start, c.deeper, c.hold, c.release].every((t) => t.length > 10)).toBe(true);
    },
  );

  it('gives each tracker its own state, and says it has not started before any frame', () => {
    const a = createTracker('knee-to-chest');
    const b = createTracker('knee-to-chest');
    const nobody = { tMs: 0, landmarks: null, worldLandmarks: null, score: 0, imageWidth: 640, imageHeight: 480 };
    const u = a.step(nobody);
    expect(u).toMatchObject({ started: false, notJudged: 'no-person', repCount: 0, depth: null });
    expect(b.definition).toBe(a.definition);
  });
});
