/**
 * The landmarks of each stretch of a session, kept so that the session can be reviewed afterwards (replayed as a
 * skeleton and counted again). Frames are packed into typed arrays (33 image + 33 world landmarks x 4 numbers =
 * 1 KB a frame, where plain landmark objects take ~5 KB), in memory and in IndexedDB. Pure.
 */
import type { ExerciseId } from '../exercises/types.ts';
import type { ImageLandmark, LandmarkTrack, ModelType, PoseFrame, WorldLandmark } from '../pose/types.ts';
import { LANDMARK_COUNT } from '../pose/landmarks.ts';

/** Frames kept per second: the rate the footage tracks were counted at (10 fps). */
const KEEP_FPS = 10;
/** A frame is kept when at least this long after the last one kept (90 % of the frame interval, so a camera at 30 fps
 * still yields 10). */
const MIN_GAP_MS = (1000 / KEEP_FPS) * 0.9;
/** At most this many frames are kept per stretch: its first 10 minutes at 10 fps (~6.3 MB), twice the longest stretch
 * of the programme (back block: up to 5 cycles of a 60 s hold and a knee to chest, ~5 min). A stretch left running
 * longer (a session left on for 2 hours) keeps its first 10 minutes for review; its counts are unaffected. */
export const MAX_RECORDED_FRAMES = 10 * 60 * KEEP_FPS;
/** Numbers per landmark list: x, y, z, visibility for each of the 33. */
const PER_LIST = LANDMARK_COUNT * 4;

/** How a stored recording is named in lists: `sessionId/exercise`. */
export const recordingKey = (sessionId: string, exercise: string): string => `${sessionId}/${exercise}`;

/** One stretch of one session, as stored: the frames packed column-wise. */
export interface StretchRecording {
  readonly sessionId: string;
  readonly exercise: ExerciseId;
  readonly backend: string;
  readonly model: ModelType;
  readonly imageWidth: number;
  readonly imageHeight: number;
  /** Session time of the first frame, ms (where the session's stops fall on this recording); absent in recordings
   * made before it was kept. */
  readonly startSessionMs?: number;
  /** Frame times from the stretch's first frame, ms. */
  readonly tMs: Float64Array;
  readonly score: Float32Array;
  /** Per frame, PER_LIST numbers each; NaN where the frame had no landmarks (no person) or no world landmarks. */
  readonly image: Float32Array;
  readonly world: Float32Array;
}

class Packed {
  n = 0;
  tMs = new Float64Array(64);
  score = new Float32Array(64);
  image = new Float32Array(64 * PER_LIST);
  world = new Float32Array(64 * PER_LIST);
  imageWidth = 0;
  imageHeight = 0;
  startSessionMs: number | undefined;

  push(f: PoseFrame, sessionMs: number | undefined): void {
    if (this.n >= MAX_RECORDED_FRAMES) return;
    if (this.n === 0) this.startSessionMs = sessionMs;
    if (this.n === this.tMs.length) this.#grow();
    const i = this.n++;
    this.tMs[i] = f.tMs;
    this.score[i] = f.score;
    this.imageWidth = f.imageWidth;
    this.imageHeight = f.imageHeight;
    write(this.image, i, f.landmarks);
    write(this.world, i, f.worldLandmarks);
  }

  #grow(): void {
    const cap = Math.min(this.tMs.length * 2, MAX_RECORDED_FRAMES);
    const more = <T extends Float32Array | Float64Array>(a: T, make: (n: number) => T, per: number): T => {
      const b = make(cap * per);
      b.set(a);
      return b;
    };
    this.tMs = more(this.tMs, (k) => new Float64Array(k), 1);
    this.score = more(this.score, (k) => new Float32Array(k), 1);
    this.image = more(this.image, (k) => new Float32Array(k), PER_LIST);
    this.world = more(this.world, (k) => new Float32Array(k), PER_LIST);
  }
}

function write(into: Float32Array, i: number, list: readonly (ImageLandmark | WorldLandmark)[] | null): void {
  const o = i * PER_LIST;
  if (!list) {
    into.fill(NaN, o, o + PER_LIST);
    return;
  }
  for (let j = 0; j < LANDMARK_COUNT; j++) {
    const l = list[j];
    into[o + j * 4] = l?.x ?? NaN;
    into[o + j * 4 + 1] = l?.y ?? NaN;
    into[o + j * 4 + 2] = l?.z ?? NaN;
    into[o + j * 4 + 3] = l?.visibility ?? 0;
  }
}

function read(from: Float32Array, i: number): { x: number; y: number; z: number; visibility: number }[] | null {
  const o = i * PER_LIST;
  if (Number.isNaN(from[o])) return null;
  return Array.from({ length: LANDMARK_COUNT }, (_, j) => ({
    x: from[o + j * 4]!,
    y: from[o + j * 4 + 1]!,
    z: from[o + j * 4 + 2]!,
    visibility: from[o + j * 4 + 3]!,
  }));
}

export class SessionRecorder {
  readonly #packs = new Map<ExerciseId, Packed>();

  /** Offers a frame seen while `exercise` was being done, at `sessionMs` on the session clock. */
  add(exercise: ExerciseId, frame: PoseFrame, sessionMs?: number): void {
    let p = this.#packs.get(exercise);
    if (!p) this.#packs.set(exercise, (p = new Packed()));
    if (p.n > 0 && frame.tMs - p.tMs[p.n - 1]! < MIN_GAP_MS) return;
    p.push(frame, sessionMs);
  }

  /** Whether frames of `exercise` are held. */
  has(exercise: ExerciseId): boolean {
    return (this.#packs.get(exercise)?.n ?? 0) > 0;
  }

  /** The exercises with frames kept. */
  get exercises(): ExerciseId[] {
    return [...this.#packs.keys()];
  }

  /** Takes `exercise`'s frames out of memory as a recording of `sessionId` (null when none were kept). */
  take(exercise: ExerciseId, sessionId: string, meta: { backend: string; model: ModelType }): StretchRecording | null {
    const p = this.#packs.get(exercise);
    this.#packs.delete(exercise);
    if (!p || p.n === 0) return null;
    const t0 = p.tMs[0]!;
    return {
      sessionId,
      exercise,
      ...meta,
      imageWidth: p.imageWidth,
      imageHeight: p.imageHeight,
      ...(p.startSessionMs === undefined ? {} : { startSessionMs: p.startSessionMs }),
      tMs: p.tMs.slice(0, p.n).map((t) => t - t0),
      score: p.score.slice(0, p.n),
      image: p.image.slice(0, p.n * PER_LIST),
      world: p.world.slice(0, p.n * PER_LIST),
    };
  }

  clear(): void {
    this.#packs.clear();
  }
}

/** A stored recording as a landmark track, to replay and count. */
export function recordingTrack(r: StretchRecording): LandmarkTrack {
  const frames: PoseFrame[] = Array.from(r.tMs, (tMs, i) => ({
    tMs,
    score: r.score[i] ?? 0,
    imageWidth: r.imageWidth,
    imageHeight: r.imageHeight,
    landmarks: read(r.image, i),
    worldLandmarks: read(r.world, i),
  }));
  return {
    format: 'spine-coach-track',
    version: 1,
    source: r.sessionId,
    backend: r.backend,
    model: r.model,
    fps: KEEP_FPS,
    durationS: (r.tMs.at(-1) ?? 0) / 1000,
    frames,
  };
}
