/**
 * The landmarks of each stretch of a session, kept so that the session can be reviewed afterwards (replayed as a
 * skeleton and counted again). Pure: frames in, landmark tracks out.
 */
import type { ExerciseId } from '../exercises/types.ts';
import type { LandmarkTrack, PoseFrame } from '../pose/types.ts';
import { roundFrame } from '../pose/round-frame.ts';

/** Frames kept per second: the rate the footage tracks were counted at (10 fps), ~1 KB a frame as stored, so a
 * 15-minute session is ~9 MB. */
const KEEP_FPS = 10;
/** A frame is kept when at least this long after the last one kept (90 % of the frame interval, so a camera at 30 fps
 * still yields 10). */
const MIN_GAP_MS = (1000 / KEEP_FPS) * 0.9;

/** One stretch of one session, as stored. */
export interface StretchRecording {
  readonly sessionId: string;
  readonly exercise: ExerciseId;
  readonly track: LandmarkTrack;
}

export class SessionRecorder {
  readonly #frames = new Map<ExerciseId, PoseFrame[]>();
  readonly #lastMs = new Map<ExerciseId, number>();

  /** Offers a frame seen while `exercise` was being done. */
  add(exercise: ExerciseId, frame: PoseFrame): void {
    const last = this.#lastMs.get(exercise);
    if (last !== undefined && frame.tMs - last < MIN_GAP_MS) return;
    this.#lastMs.set(exercise, frame.tMs);
    const list = this.#frames.get(exercise) ?? [];
    list.push(roundFrame(frame));
    this.#frames.set(exercise, list);
  }

  /** The stretches recorded, each as a track starting at 0 s, for `sessionId`. */
  recordings(sessionId: string, meta: { backend: string; model: LandmarkTrack['model'] }): StretchRecording[] {
    return [...this.#frames].flatMap(([exercise, frames]) => {
      const t0 = frames[0]?.tMs ?? 0;
      const shifted = frames.map((f) => ({ ...f, tMs: f.tMs - t0 }));
      const durationS = (shifted.at(-1)?.tMs ?? 0) / 1000;
      if (shifted.length === 0) return [];
      const track: LandmarkTrack = { format: 'spine-coach-track', version: 1, source: sessionId, ...meta, fps: KEEP_FPS, durationS, frames: shifted };
      return [{ sessionId, exercise, track }];
    });
  }

  clear(): void {
    this.#frames.clear();
    this.#lastMs.clear();
  }
}
