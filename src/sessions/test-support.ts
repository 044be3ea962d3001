/**
 * Test helpers for the session and coach tests: exercise definitions shaped like the engine's, and TrackerUpdates
 * built field by field. Used only by *.test.ts files.
 */
import type { ExerciseDefinition, TrackerUpdate } from '../exercises/types.ts';
import type { SetupVerdict } from '../coach/setup-check.ts';

/** Prone extension as the article describes it: hold-reps, no sides, side view, angle signal. */
export const PRONE: ExerciseDefinition = {
  id: 'prone-extension',
  order: 5,
  name: 'Prone extension',
  summary: 'Arch the low back gently.',
  steps: ['Lie on your stomach.', 'Prop up on your elbows.', 'Hold, then lower.'],
  startPositions: ['prone'],
  view: 'side',
  cameraSetup: 'side-on, 2-3 m away',
  kind: 'hold-reps',
  targets: { reps: { min: 2, max: 3 }, holdS: { min: 5, max: 10 }, sides: 'none' },
  signal: { label: 'trunk lift', unit: 'deg' },
};

/** Single knee to chest: alternating legs, supine. */
export const SINGLE_KTC: ExerciseDefinition = {
  ...PRONE,
  id: 'single-knee-to-chest',
  order: 3,
  name: 'Single knee to chest',
  startPositions: ['supine-knees-bent'],
  kind: 'hold-reps',
  targets: { reps: { min: 1, max: 2 }, holdS: { min: 5, max: 5 }, sides: 'alternate' },
  signal: { label: 'hip flexion', unit: 'deg' },
};

export const OK_SETUP: SetupVerdict = { ok: true, problem: null, message: 'ok' };
export const BAD_SETUP: SetupVerdict = { ok: false, problem: 'move-back', message: 'Move back' };

/** A judged update in the start position with the given fields changed. */
export function upd(fields: Partial<TrackerUpdate> = {}): TrackerUpdate {
  return {
    tMs: 0,
    position: 'prone',
    view: 'side',
    started: true,
    depth: 10,
    side: null,
    notJudged: null,
    repCount: 0,
    repsBySide: { left: 0, right: 0 },
    nextSide: null,
    hold: null,
    form: { faults: [], startFault: null, notJudged: [] },
    events: [],
    ...fields,
  };
}
