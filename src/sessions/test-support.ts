/**
 * Test helpers for the session and coach tests: exercise definitions shaped like the engine's, and TrackerUpdates
 * built field by field. Used only by *.test.ts files.
 */
import type { ExerciseDefinition, TrackerUpdate } from '../exercises/types.ts';
import type { ImageLandmark, PoseFrame } from '../pose/types.ts';
import { INITIAL_SESSION, sessionStep, type Action, type Effect, type SessionState } from './session-flow.ts';
import { INITIAL_SESSION_PEOPLE, peopleCounterStatus } from './session-people.ts';

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

/** A person lying side-on across a 640x360 picture, head left, each landmark changeable: passes the camera check. */
export function lyingFrame(change: (i: number, p: ImageLandmark) => ImageLandmark = (_i, p) => p): PoseFrame {
  const at = (i: number): ImageLandmark => {
    const x = i <= 10 ? 0.2 : i <= 22 ? 0.3 : i <= 24 ? 0.5 : i <= 26 ? 0.65 : 0.8;
    return change(i, { x, y: 0.6, z: 0, visibility: 0.95 });
  };
  return {
    tMs: 0,
    landmarks: Array.from({ length: 33 }, (_, i) => at(i)),
    worldLandmarks: null,
    score: 0.9,
    imageWidth: 640,
    imageHeight: 360,
  };
}

/** A frame with nobody in it: fails the camera check. */
export const NOBODY_FRAME: PoseFrame = { ...lyingFrame(), landmarks: null, score: 0 };

/** Before any session, where the people counter cannot run (one person assumed): the camera check need not wait. */
export const NO_PEOPLE_COUNTER: SessionState = {
  ...INITIAL_SESSION,
  people: peopleCounterStatus(INITIAL_SESSION_PEOPLE, 'unavailable'),
};

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

export const TEST_ISO = '2026-03-02T08:00:00.000Z';

/** Runs actions through the session reducer, collecting every effect. */
export function runActions(
  actions: readonly Action[],
  s: SessionState = NO_PEOPLE_COUNTER,
): { s: SessionState; effects: Effect[] } {
  const effects: Effect[] = [];
  for (const a of actions) {
    const r = sessionStep(s, a);
    s = r.state;
    effects.push(...r.effects);
  }
  return { s, effects };
}

/** Frames at 10 fps from t0 with the given updates. */
export const framesAt = (t0: number, us: readonly TrackerUpdate[], frame: PoseFrame = lyingFrame()): Action[] =>
  us.map((update, i) => ({ type: 'frame', frame, update, nowMs: t0 + i * 100, nowIso: TEST_ISO }));

/** `n` copies of an update. */
export const times = (n: number, u: TrackerUpdate): TrackerUpdate[] => Array<TrackerUpdate>(n).fill(u);
