/**
 * The running guided session: it feeds the pure session reducer (sessions/session-flow.ts) with camera frames, clicks
 * and its clock, and performs the effects the reducer returns (speech, the rep sound, keeping frames, storage, the
 * people count, a new tracker). It decides nothing itself. Reached through Svelte context (session-context.ts); every
 * browser service comes in through SessionDeps, so tests run it with a fake detector and fake-indexeddb.
 */
import {
  startPoseStream,
  CameraError,
  type FrameSource,
  type PeopleCounter,
  type PoseDetector,
  type PoseFrame,
  type PoseStream,
} from '../pose/index.ts';
import type { ExerciseDefinition, ExerciseId, ExerciseTracker, TrackerOptions } from '../exercises/types.ts';
import { INITIAL_SESSION, sessionStep, type Action, type Effect, type SessionState } from '../sessions/session-flow.ts';
import type { CalibrationRecord, Relief, SessionRecord, Settings, StopChoice } from '../sessions/types.ts';
import { SessionRecorder } from '../sessions/recording.ts';
import type { SpineStore } from '../sessions/storage/spine-store.ts';
import { DRAFT_FAILED, type SessionDraft } from '../sessions/draft.ts';
import { isRunning } from '../sessions/phases.ts';
import type { VideoStore } from '../sessions/storage/video-store.ts';
import { sessionIdOf } from '../sessions/session-state.ts';
import { SessionVideo } from './session-video.svelte.ts';

/** What the session needs from the browser (session-deps.ts wires the real ones). */
export interface SessionDeps {
  /** Starts loading (and warming up) the detector that `loadDetector` will ask for, without waiting for it: called
   * when the session starts and again before the camera opens, so the model loads while the person reads the steps
   * and the camera starts. Calling it again for the same detector does nothing. */
  preloadDetector(): void;
  /** Opens the camera into `video` (the element the screen shows). */
  openSource(video: HTMLVideoElement): Promise<FrameSource>;
  /** Loads the pose detector for the open source; `onProgress` gets human-readable steps. */
  loadDetector(source: FrameSource, onProgress: (message: string) => void): Promise<PoseDetector>;
  loadPeopleCounter(): Promise<PeopleCounter>;
  createTracker(id: ExerciseId, options: TrackerOptions): ExerciseTracker;
  store(): Promise<SpineStore>;
  /** Where the optional stretch videos go; without it no video is recorded. */
  videoStore?(): VideoStore;
  settings(): Settings;
  /** Says a line; `interrupt` cuts off what is being said. */
  speak(text: string, interrupt: boolean): void;
  beep(): void;
  /** Something was stored (History's lists changed). */
  stored(): Promise<void>;
  /** Monotonic clock, ms. */
  nowMs(): number;
  nowIso(): string;
  /** Each frame's cost: the detector's and the session's own work on it (ms). `npm run bench` listens. */
  onFrameTiming?(detectorMs: number, sessionMs: number): void;
}

declare global {
  interface Window {
    /** Test hook: the session's phase and counts (read by the e2e tests for diagnostics). */
    __spine?: {
      phase: string;
      reps: number;
      depth: number | null;
      stops: number;
      savedId: string | null;
      /** Reps of the current stretch in the last draft stored. */
      draftedReps: number | null;
    };
  }
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class SessionController {
  state: SessionState = $state.raw(INITIAL_SESSION);
  frame: PoseFrame | null = $state.raw(null);
  /** Session clock, ms since start, updated every frame. */
  clockMs = $state(0);
  status = $state('');
  cameraError: string | null = $state(null);
  saveError: string | null = $state(null);
  savedId: string | null = $state(null);
  /** Set when a stretch's landmark recording (for review) could not be stored; the session record is saved apart. */
  recordingError: string | null = $state(null);
  /** Set while the session so far cannot be kept as a draft (the session goes on in memory). */
  draftError: string | null = $state(null);
  readonly #deps: SessionDeps;
  readonly #recorder = new SessionRecorder();
  #tracker: ExerciseTracker | null = null;
  #t0 = 0;
  #pending: SessionRecord | null = null;
  #stream: PoseStream | null = null;
  #video: HTMLVideoElement | null = null;
  #counter: PeopleCounter | null = null;
  #detectorMeta: { backend: string; model: 'lite' | 'full' | 'heavy' } = { backend: 'unknown', model: 'full' };
  /** Draft writes, one after the other (the last one written wins), and the session record after them. */
  #drafts: Promise<void> = Promise.resolve();
  #draftedReps: number | null = null;
  /** Frame times made to keep rising across cameras (a camera that came back may start its clock again). */
  #frameShiftMs = 0;
  #lastFrameMs = -Infinity;

  /** The optional video of each stretch (session-video.svelte.ts). */
  readonly video: SessionVideo;

  constructor(deps: SessionDeps) {
    this.#deps = deps;
    const videoStore = deps.videoStore;
    this.video = new SessionVideo({
      store: () => videoStore!(),
      camera: () => this.#video,
      enabled: () => !!videoStore && deps.settings().videoOn,
      nowIso: () => deps.nowIso(),
      stored: () => void deps.stored(),
    });
  }

  /** The camera check on the latest frame. */
  get verdict() {
    return this.state.setup;
  }

  /** The instruction on screen while counting. */
  get cue(): string {
    return this.state.cue;
  }

  #now(): number {
    return this.#deps.nowMs() - this.#t0;
  }

  #reset(): void {
    this.#t0 = this.#deps.nowMs();
    this.savedId = null;
    this.saveError = null;
    this.recordingError = null;
    this.draftError = null;
    this.#draftedReps = null;
    this.#recorder.clear();
  }

  /** Starts a session over `routine`, with the stored calibrations. */
  start(routine: readonly ExerciseDefinition[], calibrations: readonly CalibrationRecord[]): void {
    this.#reset();
    this.#deps.preloadDetector();
    this.#dispatch({
      type: 'start',
      routine,
      calibrations,
      marginPct: this.#deps.settings().stopMarginPct,
      nowMs: 0,
      nowIso: this.#deps.nowIso(),
    });
    this.video.reset(sessionIdOf(this.state.startedIso));
  }

  /** Goes on with a session kept as a draft; `routine` holds the definitions of the draft's stretches. */
  restore(draft: SessionDraft, routine: readonly ExerciseDefinition[]): void {
    this.#reset();
    this.#dispatch({ type: 'restore', draft, routine, nowMs: 0 });
  }

  /** After the camera stopped: opens it again into `video` (the session goes on once pictures come). */
  resume = (video: HTMLVideoElement) => this.attach(video);
  /** Ends the session now and saves what was done. */
  endSession = () => this.#dispatch({ type: 'end-session', nowMs: this.#now() });
  begin = () => this.#dispatch({ type: 'begin', nowMs: this.#now() });
  pain = () => this.#dispatch({ type: 'pain', nowMs: this.#now(), nowIso: this.#deps.nowIso() });
  choose = (choice: StopChoice) => this.#dispatch({ type: 'stop-choice', choice, nowMs: this.#now() });
  rate = (relief: Relief, pain: number) => this.#dispatch({ type: 'rate', relief, pain, nowMs: this.#now() });
  acceptCalibration = () =>
    this.#dispatch({ type: 'accept-calibration', nowMs: this.#now(), nowIso: this.#deps.nowIso() });
  recalibrate = () => this.#dispatch({ type: 'recalibrate', nowMs: this.#now() });
  finishStretch = () => this.#dispatch({ type: 'finish-stretch', nowMs: this.#now() });
  skipStretch = () => this.#dispatch({ type: 'skip-stretch', nowMs: this.#now() });

  #dispatch(a: Action): void {
    const r = sessionStep(this.state, a);
    this.state = r.state;
    for (const e of r.effects) this.#perform(e);
    if (typeof window !== 'undefined')
      window.__spine = {
        phase: this.state.phase,
        reps: this.state.run?.reps ?? 0,
        depth: this.state.update?.depth ?? null,
        stops: this.state.run?.stops.length ?? 0,
        savedId: this.savedId,
        draftedReps: this.#draftedReps,
      };
  }

  #perform(e: Effect): void {
    switch (e.type) {
      case 'say':
        return this.#deps.speak(e.text, e.priority === 'urgent');
      case 'beep':
        return this.#deps.beep();
      case 'record':
        this.video.frameKept(e.exercise, e.frame.tMs);
        return this.#recorder.add(e.exercise, e.frame, e.sessionMs);
      case 'stretch-ended':
        this.video.stretchEnded(e.exercise);
        return void this.#storeRecording(e.exercise, e.sessionId);
      case 'count-people':
        return this.#countPeople();
      case 'new-tracker':
        this.#tracker = this.#deps.createTracker(e.def.id, {
          calibratedDepth: e.calibratedDepth,
          strictForm: this.#deps.settings().strictForm,
        });
        return;
      case 'save-calibration':
        this.#deps
          .store()
          .then((s) => s.saveCalibration(e.record))
          .catch((err: unknown) => (this.saveError = message(err)));
        return;
      case 'save-session':
        this.#pending = e.record;
        return void this.saveSession();
      case 'save-draft':
        return this.#saveDraft(e.draft);
    }
  }

  /** Keeps the session so far; a failure says so and the session goes on. */
  #saveDraft(draft: Omit<SessionDraft, 'savedIso'>): void {
    const d: SessionDraft = { ...draft, savedIso: this.#deps.nowIso() };
    this.#drafts = this.#drafts
      .then(async () => {
        await (await this.#deps.store()).saveDraft(d);
        this.draftError = null;
        this.#draftedReps = d.current?.reps ?? null;
        if (typeof window !== 'undefined' && window.__spine) window.__spine.draftedReps = this.#draftedReps;
      })
      .catch(() => {
        this.draftError = DRAFT_FAILED;
      });
  }

  /** Saves the finished session (again, after a failure); nothing saved before is touched. */
  async saveSession(): Promise<void> {
    const record = this.#pending;
    if (!record) return;
    try {
      await this.#drafts; // the session's last draft is written before the record that replaces it
      await (await this.#deps.store()).saveSession(record);
      this.#pending = null;
      this.saveError = null;
      this.savedId = record.id;
      if (typeof window !== 'undefined' && window.__spine) window.__spine.savedId = record.id;
      await this.#deps.stored();
    } catch (err) {
      this.saveError = message(err);
    }
  }

  /** Stores one stretch's landmarks for review, apart from the session record (which a failure here never costs). */
  async #storeRecording(exercise: ExerciseId, sessionId: string): Promise<void> {
    const rec = this.#recorder.take(exercise, sessionId, this.#detectorMeta);
    if (!rec) return;
    try {
      await (await this.#deps.store()).saveRecording(rec);
      await this.#deps.stored();
    } catch (err) {
      this.recordingError = `A stretch's recording for review could not be kept (the session record is saved on its own): ${message(err)}`;
    }
  }

  #countPeople(): void {
    const counter = this.#counter;
    const video = this.#video;
    const answer = (scores: readonly number[] | null) =>
      this.#dispatch({ type: 'people-counted', scores, nowMs: this.#now() });
    if (!counter || !video) return queueMicrotask(() => answer(null));
    counter
      .scores(video)
      .then(answer)
      .catch((e: unknown) => {
        console.warn('people check failed', e);
        answer(null);
      });
  }

  #onFrame(camFrame: PoseFrame, detectorMs: number): void {
    const t0 = this.#deps.nowMs();
    if (camFrame.tMs + this.#frameShiftMs <= this.#lastFrameMs)
      this.#frameShiftMs = this.#lastFrameMs + 1 - camFrame.tMs;
    const f = this.#frameShiftMs === 0 ? camFrame : { ...camFrame, tMs: camFrame.tMs + this.#frameShiftMs };
    this.#lastFrameMs = f.tMs;
    this.frame = f;
    this.clockMs = this.#now();
    if (this.#tracker && this.state.run)
      this.#dispatch({
        type: 'frame',
        frame: f,
        update: this.#tracker.step(f),
        nowMs: this.clockMs,
        nowIso: this.#deps.nowIso(),
      });
    this.#deps.onFrameTiming?.(detectorMs, this.#deps.nowMs() - t0);
  }

  /** Opens the camera into `video` and runs the detector until `detach`; resolves when it stops. */
  async attach(video: HTMLVideoElement): Promise<void> {
    this.detach();
    this.cameraError = null;
    this.#dispatch({ type: 'people-counter', status: 'loading', nowMs: this.#now() });
    this.#deps.preloadDetector();
    const stream = startPoseStream({
      openSource: () => this.#deps.openSource(video),
      loadDetector: (source) => this.#deps.loadDetector(source, (m) => (this.status = m)),
      onStage: (stage) =>
        (this.status =
          stage === 'opening-source'
            ? 'Starting the camera…'
            : stage === 'loading-detector'
              ? 'Loading the pose model…'
              : ''),
      onReady: (_source, detector) => {
        this.#video = video;
        this.#detectorMeta = { backend: detector.backend, model: detector.model };
        this.#loadPeopleCounter(stream);
        if (this.state.phase === 'paused') this.#dispatch({ type: 'camera-back', nowMs: this.#now() });
      },
      onFrame: (f, ms) => this.#onFrame(f, ms),
    });
    this.#stream = stream;
    try {
      await stream.done;
    } catch (e) {
      if (this.#stream !== stream) return;
      this.status = '';
      this.detach();
      // the picture stopped in the middle of a session: the session pauses (and says why) until Resume
      if (e instanceof CameraError && e.kind === 'lost' && isRunning(this.state.phase))
        return this.#dispatch({ type: 'camera-lost', nowMs: this.#now() });
      this.cameraError = e instanceof CameraError ? e.message : `The pose detector failed: ${message(e)}`;
    }
  }

  /** Loaded in the background (9.7 MB on first use, then cached): the session does not wait for it. */
  #loadPeopleCounter(stream: PoseStream): void {
    this.#deps
      .loadPeopleCounter()
      .then((c) => {
        if (this.#stream !== stream) return c.dispose();
        this.#counter = c;
        this.#dispatch({ type: 'people-counter', status: 'ready', nowMs: this.#now() });
      })
      .catch((e: unknown) => {
        // the session goes on without it: the camera check stops waiting for an answer that cannot come
        console.warn('no people check in this browser', e);
        if (this.#stream === stream)
          this.#dispatch({ type: 'people-counter', status: 'unavailable', nowMs: this.#now() });
      });
  }

  /** Stops the camera, the detector and the people counter (the session state stays). */
  detach(): void {
    this.video.cameraStopped();
    this.#stream?.stop();
    this.#stream = null;
    this.#counter?.dispose();
    this.#counter = null;
    this.#video = null;
    this.frame = null;
  }
}
