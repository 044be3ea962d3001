/**
 * The session controller performs what the session reducer decides, against a fake camera and detector (a synthetic
 * person's landmarks, frame by frame), a fake people counter and fake-indexeddb for storage.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { SessionController, type SessionDeps } from './session.svelte.ts';
import { openSpineStore, type SpineStore } from '../sessions/storage/spine-store.ts';
import { synthesize } from '../exercises/synthesize.ts';
import { createTracker, getExercise } from '../exercises/registry.ts';
import { DEFAULT_SETTINGS, type CalibrationRecord } from '../sessions/types.ts';
import { CameraError, cameraErrorMessage } from '../pose/index.ts';
import type { FrameSource, PeopleCounter, PoseDetector, PoseFrame, PoseImage } from '../pose/index.ts';
import { CAMERA_STOPPED } from '../sessions/session-flow.ts';
import { DRAFT_FAILED } from '../sessions/draft.ts';

const VIDEO = {} as HTMLVideoElement;
const settle = () => new Promise((r) => setTimeout(r, 0));
let dbCount = 0;

/** A camera the test shows frames on; its "image" is the frame, which the fake detector hands back. */
function fakeCamera() {
  let deliver: ((image: PoseImage, tMs: number) => Promise<void>) | null = null;
  let unplug: (() => void) | null = null;
  const state = { closed: false };
  const source: FrameSource = {
    width: 640,
    height: 360,
    warmupImage: null,
    frames: (onFrame, signal) =>
      new Promise((resolve, reject) => {
        deliver = onFrame;
        state.closed = false;
        unplug = () => reject(new CameraError('lost', cameraErrorMessage('lost')));
        signal.addEventListener('abort', () => resolve(), { once: true });
      }),
    close: () => void (state.closed = true),
  };
  return {
    source,
    state,
    running: () => deliver !== null && !state.closed,
    show: (f: PoseFrame) => deliver?.(f as unknown as PoseImage, f.tMs) ?? Promise.resolve(),
    /** The camera's track ends (unplugged, taken by another app). */
    unplug: () => unplug?.(),
  };
}

const detector = (): PoseDetector & { disposed: boolean } => ({
  backend: 'wasm',
  model: 'lite',
  disposed: false,
  reset() {},
  estimate: (image) => Promise.resolve(image as unknown as PoseFrame),
  dispose() {
    this.disposed = true;
  },
});

interface Options {
  /** Person scores the fake people counter answers. */
  readonly people?: readonly number[];
  readonly failStore?: boolean;
  readonly failCamera?: Error;
}

function setup(o: Options = {}) {
  const clock = { ms: 0 };
  const camera = fakeCamera();
  const det = detector();
  const spoken: [string, boolean][] = [];
  const peopleAsked: PoseImage[] = [];
  let stored = 0;
  const dbName = `test-${++dbCount}`;
  const real = openSpineStore(dbName);
  const flags = { failStore: o.failStore ?? false };
  const store = async (): Promise<SpineStore> => {
    const s = await real;
    if (!flags.failStore) return s;
    return {
      ...s,
      saveSession: () => Promise.reject(new Error('disk full')),
      saveRecording: () => Promise.reject(new Error('disk full')),
      saveDraft: () => Promise.reject(new Error('disk full')),
    };
  };
  const counter: PeopleCounter & { disposed: boolean } = {
    disposed: false,
    scores: (image) => (peopleAsked.push(image), Promise.resolve(o.people ?? [0.8, 0.01])),
    dispose() {
      this.disposed = true;
    },
  };
  /** The order in which the session reached for the detector and the camera. */
  const calls: string[] = [];
  const deps: SessionDeps = {
    preloadDetector: () => void calls.push('preload detector'),
    openSource: async () => {
      calls.push('open camera');
      await settle(); // a camera takes a while to open
      if (o.failCamera) throw o.failCamera;
      calls.push('camera open');
      return camera.source;
    },
    loadDetector: () => (calls.push('load detector'), Promise.resolve(det)),
    loadPeopleCounter: () => Promise.resolve(counter),
    createTracker,
    store,
    settings: () => DEFAULT_SETTINGS,
    speak: (text, interrupt) => spoken.push([text, interrupt]),
    beep: () => {},
    stored: async () => void stored++,
    nowMs: () => clock.ms,
    nowIso: () => new Date(Date.UTC(2026, 2, 2, 8, 0, 0) + clock.ms).toISOString(),
  };
  const session = new SessionController(deps);
  /** Shows the frames at their times (from `t0`), one detector result each. */
  const show = async (frames: readonly PoseFrame[], t0 = 0) => {
    for (const f of frames) {
      clock.ms = t0 + f.tMs;
      await camera.show({ ...f, tMs: t0 + f.tMs });
      await settle();
    }
  };
  return { session, camera, det, counter, spoken, peopleAsked, show, clock, real, flags, calls, stored: () => stored };
}

const TILT = getExercise('pelvic-tilt');
/** Pelvic tilts calibrated at 25° (the synthetic person tilts ~16°: well inside, so nothing stops). */
const CALIBRATED: CalibrationRecord = {
  exercise: 'pelvic-tilt',
  side: 'none',
  depth: 25,
  unit: 'deg',
  atIso: '2026-03-01T08:00:00.000Z',
};
const tenTilts = synthesize('pelvic-tilt', { reps: 10 }).track.frames;

/** Attaches the camera and waits until frames can be shown; `done` resolves when the session lets go of it. */
async function attached(h: ReturnType<typeof setup>): Promise<{ done: Promise<void> }> {
  const done = h.session.attach(VIDEO);
  for (let i = 0; i < 20 && !h.camera.running(); i++) await settle();
  return { done };
}

describe('SessionController', () => {
  it('runs a session on the camera: counts ten tilts, asks for the rating, stores the session and its recording', async () => {
    const h = setup();
    h.session.start([TILT], [CALIBRATED]);
    h.session.begin();
    const { done } = await attached(h);
    expect(h.session.status).toBe('');
    await h.show(tenTilts);
    expect(h.session.state.phase).toBe('rating');
    expect(h.session.state.run?.reps).toBe(10);
    expect(h.peopleAsked.length).toBeGreaterThan(0); // the people check ran on the camera's video
    expect(h.peopleAsked[0]).toBe(VIDEO);
    expect(h.spoken).toContainEqual(['Well done. How does your back feel?', false]);
    expect(h.spoken.filter(([t]) => /^\d+\.$/.test(t)).length).toBeGreaterThan(0); // rep numbers, throttled
    h.session.rate('better', 1);
    for (let i = 0; i < 20 && h.session.savedId === null; i++) await settle();
    const db = await h.real;
    const [saved] = await db.listSessions();
    expect(saved).toMatchObject({
      id: h.session.savedId,
      stretches: [{ exercise: 'pelvic-tilt', reps: 10, relief: 'better' }],
    });
    const rec = await db.loadRecording(saved!.id, 'pelvic-tilt');
    expect(rec?.tMs.length).toBeGreaterThan(100); // ~10 frames a second of the counted stretch were kept for review
    expect(h.stored()).toBeGreaterThanOrEqual(2);
    h.session.detach();
    await done;
    expect([h.camera.state.closed, h.det.disposed, h.counter.disposed]).toEqual([true, true, true]);
  });

  it('a second person in the picture holds the camera check with a message', async () => {
    const h = setup({ people: [0.8, 0.5] });
    h.session.start([TILT], [CALIBRATED]);
    h.session.begin();
    const { done } = await attached(h);
    await h.show(tenTilts.slice(0, 40));
    expect(h.session.state.phase).toBe('setup');
    expect(h.session.verdict?.problem).toBe('several-people');
    h.session.detach();
    await done;
  });

  it('PAIN cuts off what is being said; routine prompts do not', async () => {
    const h = setup();
    h.session.start([TILT], [CALIBRATED]);
    h.session.begin();
    const { done } = await attached(h);
    await h.show(tenTilts.slice(0, 40));
    h.session.pain();
    expect(h.spoken.at(-1)).toEqual(['Stopped. Rest a moment.', true]);
    expect(h.spoken.slice(0, -1).every(([, interrupt]) => !interrupt)).toBe(true);
    h.session.detach();
    await done;
  });

  it('storage failing: the session says so and can save again; the recording failure is reported apart', async () => {
    const h = setup({ failStore: true });
    h.session.start([TILT], [CALIBRATED]);
    h.session.begin();
    const { done } = await attached(h);
    await h.show(tenTilts.slice(0, 60));
    // the draft cannot be kept: said, and the session goes on counting
    expect(h.session.draftError).toBe(DRAFT_FAILED);
    expect(h.session.state.phase).toBe('counting');
    expect(h.session.state.run?.reps).toBeGreaterThan(0);
    h.session.skipStretch(); // the stretch ends: its recording cannot be stored
    for (let i = 0; i < 20 && (h.session.saveError === null || h.session.recordingError === null); i++) await settle();
    expect(h.session.state.phase).toBe('done');
    expect(h.session.state.results).toHaveLength(0); // skipped: in memory until saved
    expect(h.session.saveError).toBe('disk full');
    expect(h.session.recordingError).toMatch(/could not be kept.*disk full/);
    h.flags.failStore = false; // space was freed: "Save again"
    await h.session.saveSession();
    expect(h.session.saveError).toBeNull();
    expect((await (await h.real).listSessions()).map((r) => r.id)).toEqual([h.session.savedId]);
    h.session.detach();
    await done;
  });

  it('starts loading the detector when the session starts, and again before the camera opens', async () => {
    const h = setup();
    h.session.start([TILT], [CALIBRATED]);
    expect(h.calls).toEqual(['preload detector']); // while the person reads the stretch's steps
    const { done } = await attached(h);
    expect(h.calls).toEqual([
      'preload detector',
      'preload detector', // a no-op for the same detector; loads it if the session was entered another way
      'open camera',
      'camera open',
      'load detector', // takes the preloaded one (create-detector.ts)
    ]);
    h.session.detach();
    await done;
  });

  it('a camera that cannot open leaves a message and nothing running', async () => {
    const h = setup({ failCamera: new Error('NotReadableError') });
    h.session.start([TILT], [CALIBRATED]);
    await h.session.attach(VIDEO);
    expect(h.session.cameraError).toBe('The pose detector failed: NotReadableError');
    expect(h.det.disposed).toBe(false); // never loaded
  });

  it('the camera unplugged mid-stretch: pauses with the message, Resume goes on with the reps counted so far', async () => {
    const h = setup();
    h.session.start([TILT], [CALIBRATED]);
    h.session.begin();
    const first = await attached(h);
    await h.show(tenTilts.slice(0, 70));
    const reps = h.session.state.run?.reps ?? 0;
    expect(h.session.state.phase).toBe('counting');
    expect(reps).toBeGreaterThan(0);
    h.camera.unplug();
    await first.done;
    expect(h.session.state.phase).toBe('paused');
    expect(h.spoken.at(-1)).toEqual([CAMERA_STOPPED, true]);
    expect(h.session.cameraError).toBeNull(); // the pause says it, not a camera error
    expect(h.camera.state.closed).toBe(true);
    // 40 s later the camera is back: the same stretch goes on through the camera check, its reps kept
    const again = h.session.resume(VIDEO);
    for (let i = 0; i < 20 && !h.camera.running(); i++) await settle();
    expect(h.session.state.phase).toBe('setup');
    expect(h.session.state.run?.reps).toBe(reps);
    await h.show(tenTilts, 40_000 + h.clock.ms);
    expect(h.session.state.phase).toBe('rating'); // the target reached with the reps from before the pause
    expect(h.session.state.run?.reps).toBeGreaterThanOrEqual(10);
    h.session.detach();
    await again;
  });

  it('keeps the session as a draft while it runs, and drops the draft when the session is saved', async () => {
    const h = setup();
    h.session.start([TILT], [CALIBRATED]);
    h.session.begin();
    const { done } = await attached(h);
    await h.show(tenTilts.slice(0, 70));
    const db = await h.real;
    let draft = await db.latestDraft();
    for (let i = 0; i < 20 && !draft?.current?.reps; i++) draft = (await settle(), await db.latestDraft());
    expect(draft?.id).toBe(`session-${new Date(Date.UTC(2026, 2, 2, 8)).toISOString()}`);
    expect(draft?.current?.reps).toBeGreaterThan(0);
    h.session.finishStretch();
    h.session.rate('same', 0);
    for (let i = 0; i < 20 && h.session.savedId === null; i++) await settle();
    expect(await db.latestDraft()).toBeUndefined();
    expect(await db.listSessions()).toHaveLength(1);
    h.session.detach();
    await done;
  });
});
