/**
 * Optional video of a guided session: when a stretch's video starts and stops, what is kept when something goes
 * wrong, and what the person is told. One video per stretch, next to its landmark recording (recording.ts): it starts
 * with the first frame kept for the stretch's landmarks and stops when the stretch ends. Pure: the glue
 * (state/session-video.svelte.ts) runs the MediaRecorder and the store and feeds the outcomes back as events.
 */
import type { ExerciseId } from '../exercises/types.ts';

/** Why recording stopped for the rest of the session: the disk filled up, storage or the recorder is unavailable. */
export type VideoStopKind = 'full' | 'unavailable' | 'unknown' | 'unsupported';

export interface VideoRecordingState {
  /** The stretch being recorded now. */
  readonly current: ExerciseId | null;
  /** Stretches of this session that already have a video (a stretch is recorded once: its first stretch of time). */
  readonly recorded: readonly ExerciseId[];
  /** Set when recording stopped for the rest of the session; nothing more is started. */
  readonly stopped: VideoStopKind | null;
  /** The sentence to show about it (null when all is well). */
  readonly message: string | null;
}

export const INITIAL_VIDEO_RECORDING: VideoRecordingState = {
  current: null,
  recorded: [],
  stopped: null,
  message: null,
};

export type VideoEvent =
  /** A frame was kept for `exercise`'s landmarks; `enabled` is the person's video switch now. */
  | { type: 'frame-kept'; exercise: ExerciseId; enabled: boolean }
  /** The video switch was turned on or off. */
  | { type: 'switched'; enabled: boolean }
  /** The stretch is over (rated, stopped, skipped). */
  | { type: 'stretch-ended'; exercise: ExerciseId }
  /** The camera stopped (the session screen was left): its stream, and so the recorder's, has ended. */
  | { type: 'camera-stopped' }
  /** Writing a chunk failed (`full`: QuotaExceededError), or the browser could not start a recorder. */
  | { type: 'failed'; kind: VideoStopKind };

export type VideoEffect = { type: 'start'; exercise: ExerciseId } | { type: 'stop'; exercise: ExerciseId };

/** What the person is told when recording stops by itself, per cause; each says what is kept and that the session
 * goes on. */
export const VIDEO_STOP_MESSAGES: Record<VideoStopKind, string> = {
  full: 'Video recording stopped because this device’s storage is full: the video up to this moment and all of this session’s counts and movements are kept, and the session goes on.',
  unavailable:
    'Video recording stopped because this browser does not let Spine Coach store files here: the session’s counts and movements are still kept, and the session goes on.',
  unknown:
    'Video recording stopped because saving the video failed: what was saved up to this moment and all of this session’s counts and movements are kept, and the session goes on.',
  unsupported:
    'This browser cannot record video here, so only the counts and movements of this session are kept; the session goes on.',
};

/** What a video cut short keeps (a reload, a crash or a full disk in the middle of it): shown with it in Watch. */
export const INTERRUPTED_VIDEO_NOTE =
  'This video was cut short while recording (the page was closed or reloaded, or the storage filled up): it plays up to the last second saved.';

type Result = { state: VideoRecordingState; effects: VideoEffect[] };

const stopCurrent = (s: VideoRecordingState): VideoEffect[] =>
  s.current ? [{ type: 'stop', exercise: s.current }] : [];

/** The decision for one event. */
export function videoStep(s: VideoRecordingState, e: VideoEvent): Result {
  switch (e.type) {
    case 'frame-kept': {
      if (!e.enabled) return { state: { ...s, current: null }, effects: stopCurrent(s) };
      if (s.current === e.exercise || s.stopped || s.recorded.includes(e.exercise)) return { state: s, effects: [] };
      // a frame of another stretch while one is recording: that one is over
      return {
        state: { ...s, current: e.exercise, recorded: [...s.recorded, e.exercise] },
        effects: [...stopCurrent(s), { type: 'start', exercise: e.exercise }],
      };
    }
    case 'switched':
      return e.enabled ? { state: s, effects: [] } : { state: { ...s, current: null }, effects: stopCurrent(s) };
    case 'stretch-ended':
      return s.current === e.exercise
        ? { state: { ...s, current: null }, effects: stopCurrent(s) }
        : { state: s, effects: [] };
    case 'camera-stopped':
      return { state: { ...s, current: null }, effects: stopCurrent(s) };
    case 'failed':
      return {
        state: { ...s, current: null, stopped: e.kind, message: VIDEO_STOP_MESSAGES[e.kind] },
        effects: stopCurrent(s),
      };
  }
}

/** Where in the video (ms) a landmark frame of the stretch's track is: `trackMs` (the landmark recording's tMs) plus
 * the offset stored with the video (the video's time of the track's first frame). */
export const videoMsOf = (trackMs: number, offsetMs: number): number => trackMs + offsetMs;

/** The landmark frame to draw over the video at `videoMs`: the nearest in time (binary search over the track's
 * increasing `tMs`), or -1 when none is within `maxGapMs` (before the track, after it, or in a pause of the stretch:
 * nothing is drawn rather than a skeleton that does not belong to the picture). */
export function frameIndexAt(tMs: ArrayLike<number>, videoMs: number, offsetMs: number, maxGapMs: number): number {
  const t = videoMs - offsetMs;
  let lo = 0;
  let hi = tMs.length; // the first frame after t is in [lo, hi]
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tMs[mid] ?? Infinity) <= t) lo = mid + 1;
    else hi = mid;
  }
  const gap = (i: number) => Math.abs((tMs[i] ?? Infinity) - t);
  const best = lo > 0 && gap(lo - 1) <= gap(lo) ? lo - 1 : lo;
  return best < tMs.length && gap(best) <= maxGapMs ? best : -1;
}
