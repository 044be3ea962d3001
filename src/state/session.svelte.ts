/**
 * The running guided session: owns the camera, the pose engine, the engine's tracker and the pure session reducer,
 * and exposes what the screen shows as runes. It performs the reducer's effects (speech, storage, new tracker).
 */
import {
  createPeopleCounter,
  createPoseDetector,
  openCamera,
  runPoseLoop,
  CameraError,
  type PeopleCounter,
  type PoseDetector,
} from '../pose/index.ts';
import type { PoseFrame } from '../pose/types.ts';
import type { ExerciseDefinition, ExerciseId, ExerciseTracker, TrackerUpdate } from '../exercises/types.ts';
import { createTracker } from '../exercises/registry.ts';
import { checkSetup, type SetupVerdict } from '../coach/setup-check.ts';
import {
  INITIAL_PEOPLE_CHECK,
  PEOPLE_CHECK_COUNTING_MS,
  PEOPLE_CHECK_SETUP_MS,
  PEOPLE_CHECK_UNAVAILABLE,
  peopleCheckStep,
} from '../coach/people-check.ts';
import { cuesFor, standingCue, type CuePriority } from '../coach/cues.ts';
import { INITIAL_CUE_THROTTLE, offerCue } from '../coach/cue-throttle.ts';
import {
  INITIAL_SESSION,
  sessionIdOf,
  sessionStep,
  type Action,
  type Effect,
  type SessionState,
} from '../sessions/session-flow.ts';
import type { CalibrationRecord, Relief, SessionRecord, StopChoice } from '../sessions/types.ts';
import { SessionRecorder } from '../sessions/recording.ts';
import { settings } from './settings.svelte.ts';
import { history } from './history.svelte.ts';
import { spineStore } from './store.ts';
import { beep, speak } from './voice.ts';

/** An event cue stays on screen this long before the standing instruction returns. */
const EVENT_CUE_MS = 3000;

/** The phases whose frames are kept for review: from the camera check to the end of counting. */
const RECORDED_PHASES: ReadonlySet<string> = new Set(['setup', 'start-position', 'calibrate', 'counting']);

declare global {
  interface Window {
    /** Test hook: the session's phase and counts (read by the e2e tests for diagnostics). */
    __spine?: { phase: string; reps: number; depth: number | null; stops: number; savedId: string | null };
  }
}

class SessionController {
  state: SessionState = $state.raw(INITIAL_SESSION);
  frame: PoseFrame | null = $state.raw(null);
  verdict: SetupVerdict | null = $state.raw(null);
  /** The instruction on screen now. */
  cue = $state('');
  /** Session clock, ms since start, updated every frame. */
  clockMs = $state(0);
  status = $state('');
  cameraError: string | null = $state(null);
  saveError: string | null = $state(null);
  savedId: string | null = $state(null);
  /** Set when a stretch's landmark recording (for review) could not be stored; the session record is saved apart. */
  recordingError: string | null = $state(null);
  private tracker: ExerciseTracker | null = null;
  private prev: TrackerUpdate | null = null;
  private throttle = INITIAL_CUE_THROTTLE;
  private eventCueMs = -Infinity;
  private t0 = 0;
  private pending: SessionRecord | null = null;
  private teardown: (() => void) | null = null;
  /** Until the people check has answered once (or cannot run here), the setup check waits. */
  private people = INITIAL_PEOPLE_CHECK;
  private peopleCounter: PeopleCounter | null = null;
  private peopleCheckBusy = false;
  private lastPeopleCheckMs = -Infinity;
  private video: HTMLVideoElement | null = null;
  private readonly recorder = new SessionRecorder();
  private engineMeta: { backend: string; model: 'lite' | 'full' | 'heavy' } = { backend: 'unknown', model: 'full' };

  private now(): number {
    return performance.now() - this.t0;
  }

  /** Starts a session over `routine`, with the stored calibrations. */
  start(routine: readonly ExerciseDefinition[], calibrations: readonly CalibrationRecord[]): void {
    this.t0 = performance.now();
    this.savedId = null;
    this.saveError = null;
    this.recordingError = null;
    this.recorder.clear();
    this.throttle = INITIAL_CUE_THROTTLE;
    this.dispatch({
      type: 'start',
      routine,
      calibrations,
      marginPct: settings.value.stopMarginPct,
      nowMs: 0,
      nowIso: new Date().toISOString(),
    });
  }

  dispatch(a: Action): void {
    const before = this.state.run?.def.id;
    const r = sessionStep(this.state, a);
    this.state = r.state;
    // a stretch is over (rated, skipped, or the session ended): its landmarks go to storage and out of memory
    const now =
      RECORDED_PHASES.has(this.state.phase) || this.state.phase === 'stopped' ? this.state.run?.def.id : undefined;
    if (before && before !== now && this.recorder.has(before)) void this.flushRecording(before);
    for (const e of r.effects) this.perform(e);
    window.__spine = {
      phase: this.state.phase,
      reps: this.state.run?.reps ?? 0,
      depth: this.state.update?.depth ?? null,
      stops: this.state.run?.stops.length ?? 0,
      savedId: this.savedId,
    };
  }

  begin = () => this.dispatch({ type: 'begin', nowMs: this.now() });
  pain = () => this.dispatch({ type: 'pain', nowMs: this.now(), nowIso: new Date().toISOString() });
  choose = (choice: StopChoice) => this.dispatch({ type: 'stop-choice', choice });
  rate = (relief: Relief, pain: number) => this.dispatch({ type: 'rate', relief, pain, nowMs: this.now() });
  acceptCalibration = () => this.dispatch({ type: 'accept-calibration', nowIso: new Date().toISOString() });
  recalibrate = () => this.dispatch({ type: 'recalibrate' });
  finishStretch = () => this.dispatch({ type: 'finish-stretch' });
  skipStretch = () => this.dispatch({ type: 'skip-stretch', nowMs: this.now() });

  private say(text: string, priority: CuePriority): void {
    const r = offerCue(this.throttle, { text, priority }, this.now());
    this.throttle = r.state;
    if (r.say) speak(text, settings.value, priority === 'urgent');
    this.cue = text;
    this.eventCueMs = this.now();
  }

  private perform(e: Effect): void {
    if (e.type === 'say') this.say(e.text, 'urgent');
    else if (e.type === 'new-tracker') {
      this.tracker = createTracker(e.def.id, {
        calibratedDepth: e.calibratedDepth,
        strictForm: settings.value.strictForm,
      });
      this.prev = null;
    } else if (e.type === 'save-calibration') {
      spineStore()
        .then((s) => s.saveCalibration(e.record))
        .catch((err: unknown) => (this.saveError = String(err instanceof Error ? err.message : err)));
    } else {
      this.pending = e.record;
      void this.saveSession();
    }
  }

  /** Saves the finished session (again, after a failure); nothing saved before is touched. */
  async saveSession(): Promise<void> {
    const record = this.pending;
    if (!record) return;
    try {
      await (await spineStore()).saveSession(record);
      this.pending = null;
      this.saveError = null;
      this.savedId = record.id;
      if (window.__spine) window.__spine.savedId = record.id;
      await history.refresh();
    } catch (err) {
      this.saveError = err instanceof Error ? err.message : String(err);
    }
  }

  /** Keeps one stretch's landmarks for review; saved apart from the session record, which a failure here never costs. */
  private async flushRecording(exercise: ExerciseId): Promise<void> {
    const rec = this.recorder.take(exercise, sessionIdOf(this.state.startedIso), this.engineMeta);
    if (!rec) return;
    try {
      await (await spineStore()).saveRecording(rec);
      await history.refresh();
    } catch (err) {
      this.recordingError = `A stretch's recording for review could not be kept (the session record is saved on its own): ${err instanceof Error ? err.message : String(err)}`;
    }
  }

  private onFrame(f: PoseFrame): void {
    this.frame = f;
    this.clockMs = this.now();
    const run = this.state.run;
    if (!this.tracker || !run || this.state.phase === 'done') return;
    const u = this.tracker.step(f);
    if (RECORDED_PHASES.has(this.state.phase)) this.recorder.add(run.def.id, f);
    this.checkPeople();
    this.verdict = checkSetup(
      f,
      u,
      run.def,
      !this.people.checked ? 'unchecked' : this.people.several ? 'several' : 'one',
    );
    if (this.state.phase === 'counting') {
      for (const c of cuesFor(u, this.prev, run.def)) {
        if (c.beep) beep(settings.value);
        this.say(c.text, c.priority);
      }
    }
    this.prev = u;
    this.dispatch({
      type: 'frame',
      update: u,
      setup: this.verdict,
      nowMs: this.clockMs,
      nowIso: new Date().toISOString(),
    });
    if (this.state.phase === 'counting' && this.now() - this.eventCueMs > EVENT_CUE_MS)
      this.cue = standingCue(u, run.def);
  }

  /** Now and then, between frames, asks how many people are in the picture. */
  private checkPeople(): void {
    const counter = this.peopleCounter;
    const video = this.video;
    const every = this.state.phase === 'counting' ? PEOPLE_CHECK_COUNTING_MS : PEOPLE_CHECK_SETUP_MS;
    if (!counter || !video || this.peopleCheckBusy || this.now() - this.lastPeopleCheckMs < every) return;
    this.peopleCheckBusy = true;
    this.lastPeopleCheckMs = this.now();
    counter
      .scores(video)
      .then((scores) => (this.people = peopleCheckStep(this.people, scores)))
      .catch((e: unknown) => console.warn('people check failed', e))
      .finally(() => (this.peopleCheckBusy = false));
  }

  /** Opens the camera into `video` and runs the detector until `detach`. */
  async attach(video: HTMLVideoElement): Promise<void> {
    this.detach();
    const ac = new AbortController();
    let engine: PoseDetector | null = null;
    let stopCamera = () => {};
    this.teardown = () => {
      ac.abort();
      stopCamera();
      engine?.dispose();
      this.peopleCounter?.dispose();
      this.peopleCounter = null;
      this.video = null;
    };
    this.people = INITIAL_PEOPLE_CHECK;
    this.cameraError = null;
    try {
      this.status = 'Starting the camera…';
      const id = settings.value.cameraId;
      const cam = await openCamera(id ? { deviceId: id } : {});
      stopCamera = () => {
        cam.stop();
        video.srcObject = null;
      };
      if (ac.signal.aborted) return stopCamera();
      cam.video.pause();
      video.srcObject = cam.video.srcObject;
      await video.play();
      this.status = 'Loading the pose model…';
      engine = await createPoseDetector({
        backend: settings.value.backend,
        model: settings.value.model,
        onProgress: (m) => (this.status = m),
      });
      if (ac.signal.aborted) return engine.dispose();
      this.status = '';
      this.video = video;
      this.engineMeta = { backend: engine.backend, model: engine.model };
      // loaded in the background (9.7 MB on first use, then cached): the session does not wait for it
      createPeopleCounter()
        .then((c) => (ac.signal.aborted ? c.dispose() : (this.peopleCounter = c)))
        .catch((e: unknown) => {
          // the session goes on without it: the setup check stops waiting for an answer that cannot come
          console.warn('no people check in this browser', e);
          this.people = PEOPLE_CHECK_UNAVAILABLE;
        });
      await runPoseLoop(video, engine, (f) => this.onFrame(f), ac.signal);
    } catch (e) {
      if (ac.signal.aborted) return;
      this.cameraError =
        e instanceof CameraError
          ? e.message
          : `The pose detector failed: ${e instanceof Error ? e.message : String(e)}`;
      this.status = '';
      this.teardown?.();
    }
  }

  /** Stops the camera and the detector (the session state stays). */
  detach(): void {
    this.teardown?.();
    this.teardown = null;
    this.frame = null;
  }
}

/** The app's one guided session. */
export const session = new SessionController();
