import { describe, expect, it } from 'vitest';
import type { BodyFeatures } from '../motion/features.ts';
import { supine } from '../motion/synth/poses.ts';
import { Script } from '../motion/synth/script.ts';
import { defineStretch, type StretchDeclaration } from './define-stretch.ts';

const lying: StretchDeclaration<'test-stretch'> = {
  definition: {
    id: 'test-stretch',
    name: 'Test stretch',
    summary: 'A stretch made up for the test.',
    steps: ['Lie down.', 'Stretch.', 'Rest.'],
    startPositions: ['supine-knees-bent', 'supine-knees-straight'],
    view: 'side',
    cameraSetup: 'Side-on to the camera at floor level.',
    kind: 'hold-reps',
    targets: { reps: { min: 2, max: 3 }, holdS: { min: 5, max: 5 }, sides: 'none' },
    signal: { label: 'trunk lift', unit: 'deg' },
  },
  measure: (f) => ({ depth: f.trunkElevationDeg, side: null }),
  counter: { type: 'hold', enterDepth: 10, exitDepth: 5, settlePerS: 10, minReportMs: 1000, graceMs: 1000 },
  scenario: () => ({ pose: supine, script: new Script({}), floor: true }),
  checks: [],
};
const anyBody = {} as BodyFeatures;

describe('defineStretch', () => {
  it('takes the start-position gate from the start positions, so the two cannot disagree', () => {
    const s = defineStretch(lying);
    expect(s.inPosition(anyBody, 'supine-knees-bent')).toBe(true);
    expect(s.inPosition(anyBody, 'supine-knees-straight')).toBe(true);
    expect(s.inPosition(anyBody, 'prone')).toBe(false);
  });

  it('keeps a gate of its own, and judges the signal in the stretch view unless told more views', () => {
    const own = defineStretch({ ...lying, inPosition: () => false });
    expect(own.inPosition(anyBody, 'supine-knees-bent')).toBe(false);
    expect(own.views).toEqual(['side']);
    expect(defineStretch({ ...lying, views: ['side', 'front'] }).views).toEqual(['side', 'front']);
  });

  it.each([
    ['views that leave out its own view', { ...lying, views: ['front'] as const }, /leave out its view, side/],
    [
      'a counter that cannot count its kind',
      { ...lying, counter: { type: 'reps', enterDepth: 10, exitDepth: 5, minPhaseMs: 500 } as const },
      /a reps counter cannot count a stretch of kind hold-reps/,
    ],
  ])('refuses %s', (_what, declared, message) => {
    expect(() => defineStretch(declared)).toThrow(message);
  });
});
