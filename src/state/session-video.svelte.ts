/**
 * The guided session's optional video: a MediaRecorder on the stream the session's camera already plays (no second
 * camera), one video per stretch, each chunk saved to the device as it arrives (sessions/storage/video-store.ts).
 * The decisions (start, stop, what a failure means and the sentence for it) are sessions/video-recording.ts's; this
 * glue performs them and feeds back what happened.
 *
 * Alignment with the landmarks: a landmark frame's tMs is the camera's media time (requestVideoFrameCallback's
 * mediaTime). The time the recorder is started at is read on the performance clock, and turned into media time with
 * the camera's clock origin, captureTime - mediaTime of a frame (constant: it varied by 0.1 ms over 30 frames in
 * session-video.spec.ts, where the <video>'s currentTime lagged the frames' mediaTime by up to 1.4 s on a busy main
 * thread, so it is not used). The video's time of the stretch's first landmark frame is then that frame's media time
 * minus the start's. The recorder's first frame is the next one the camera delivers: the error is about one frame.
 */
import type { ExerciseId } from '../exercises/types.ts';
import {
  INITIAL_VIDEO_RECORDING,
  videoStep,
  type VideoEffect,
  type VideoEvent,
  type VideoStopKind,
} from '../sessions/video-recording.ts';
import { StorageError } from '../sessions/storage/errors.ts';
import type { VideoStore, VideoWriter } from '../sessions/storage/video-store.ts';

/** The formats tried in order: VP8 first, the cheapest to encode on a laptop CPU that also runs the pose model. */
const MIME_TYPES = ['video/webm;codecs=vp8', 'video/webm;codecs=vp9', 'video/webm'];
/** 1 Mbit/s: a clear 640x480 picture of a person at ~7.5 MB a minute (a 15-minute session ≈ 110 MB). */
const VIDEO_BITS_PER_SECOND = 1_000_000;
/** A chunk is handed over (and saved) every second: at most the last second is lost to a reload or a crash. */
const TIMESLICE_MS = 1000;

export interface SessionVideoDeps {
  store(): VideoStore;
  /** The camera's stream and the element playing it, or null while the camera is closed. */
  camera(): HTMLVideoElement | null;
  /** The person's video switch. */
  enabled(): boolean;
  nowIso(): string;
  /** A video was saved or stopped (History's lists changed). */
  stored(): void;
}

interface Active {
  readonly exercise: ExerciseId;
  readonly recorder: MediaRecorder;
  readonly writer: Promise<VideoWriter>;
}

/** The camera's media clock origin on the performance clock (ms): captureTime - mediaTime of its next frame;
 * presentationTime where the browser gives no captureTime (one frame's delivery later: it varied by 66 ms). */
function mediaClockOriginMs(camera: HTMLVideoElement): Promise<number> {
  return new Promise((resolve) =>
    camera.requestVideoFrameCallback((_now, m) => resolve((m.captureTime ?? m.presentationTime) - m.mediaTime * 1000)),
  );
}

const kindOf = (e: unknown): VideoStopKind => (e instanceof StorageError ? e.kind : 'unknown');

export class SessionVideo {
  state = $state.raw(INITIAL_VIDEO_RECORDING);
  readonly #deps: SessionVideoDeps;
  #active: Active | null = null;
  /** The media time of each stretch's first kept landmark frame (its track's tMs 0). */
  #firstMediaMs: Partial<Record<ExerciseId, number>> = {};
  #sessionId = '';

  constructor(deps: SessionVideoDeps) {
    this.#deps = deps;
  }

  /** The stretch being recorded now (the REC indicator shows while set). */
  get recording(): ExerciseId | null {
    return this.state.current;
  }

  /** A new session: stops what was recording (keeping it) and forgets the last session. */
  reset(sessionId: string): void {
    this.#dispatch({ type: 'camera-stopped' });
    this.state = INITIAL_VIDEO_RECORDING;
    this.#firstMediaMs = {};
    this.#sessionId = sessionId;
  }

  /** A landmark frame at media time `mediaMs` was kept for `exercise`. */
  frameKept(exercise: ExerciseId, mediaMs: number): void {
    this.#firstMediaMs[exercise] ??= mediaMs;
    this.#dispatch({ type: 'frame-kept', exercise, enabled: this.#deps.enabled() });
  }

  switched = (enabled: boolean) => this.#dispatch({ type: 'switched', enabled });
  stretchEnded = (exercise: ExerciseId) => this.#dispatch({ type: 'stretch-ended', exercise });
  cameraStopped = () => this.#dispatch({ type: 'camera-stopped' });

  #dispatch(e: VideoEvent): void {
    const r = videoStep(this.state, e);
    this.state = r.state;
    for (const effect of r.effects) this.#perform(effect);
  }

  #fail(active: Active | null, e: unknown, kind: VideoStopKind = kindOf(e)): void {
    if (active && this.#active !== active) return; // already stopped: a late chunk's refusal says nothing new
    console.warn('video recording stopped', e);
    this.#dispatch({ type: 'failed', kind });
  }

  #perform(effect: VideoEffect): void {
    if (effect.type === 'stop') {
      const active = this.#active;
      this.#active = null;
      if (active && active.recorder.state !== 'inactive') active.recorder.stop();
      return;
    }
    const camera = this.#deps.camera();
    const stream = camera?.srcObject;
    const mimeType =
      typeof MediaRecorder === 'undefined' ? '' : MIME_TYPES.find((t) => MediaRecorder.isTypeSupported(t));
    if (!camera || !(stream instanceof MediaStream) || !mimeType)
      return this.#fail(null, 'no MediaRecorder for this camera', 'unsupported');
    let recorder: MediaRecorder;
    try {
      recorder = new MediaRecorder(stream, { mimeType, videoBitsPerSecond: VIDEO_BITS_PER_SECOND });
    } catch (e) {
      return this.#fail(null, e, 'unsupported');
    }
    const exercise = effect.exercise;
    try {
      recorder.start(TIMESLICE_MS);
    } catch (e) {
      return this.#fail(null, e, 'unsupported');
    }
    const startedMs = performance.now(); // the clock captureTime is on
    const writer = mediaClockOriginMs(camera).then((originMs) => {
      const startMediaMs = startedMs - originMs;
      return this.#deps.store().start({
        sessionId: this.#sessionId,
        exercise,
        mimeType: recorder.mimeType || mimeType,
        offsetMs: (this.#firstMediaMs[exercise] ?? startMediaMs) - startMediaMs,
        startedIso: this.#deps.nowIso(),
      });
    });
    const active: Active = { exercise, recorder, writer };
    this.#active = active;
    writer.catch((e: unknown) => this.#fail(active, e));
    recorder.ondataavailable = (ev) => {
      writer.then((w) => w.append(ev.data)).catch((e: unknown) => this.#fail(active, e));
    };
    recorder.onstop = () => {
      const durationMs = performance.now() - startedMs;
      writer
        .then((w) => w.finish(durationMs))
        .then(() => this.#deps.stored())
        .catch((e: unknown) => this.#fail(active, e));
    };
    recorder.onerror = (ev) => this.#fail(active, (ev as Event & { error?: unknown }).error ?? 'recorder error');
  }
}
