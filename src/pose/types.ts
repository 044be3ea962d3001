/**
 * The pose types every layer shares. Only `src/pose/` produces them; `motion/`, `exercises/`, `coach/` and
 * `sessions/` consume them with `import type` and never see a vendor type.
 */

/** One landmark in normalised image coordinates: x, y in [0, 1] of the frame width/height (may lie slightly
 * outside when the body leaves the frame), z relative depth in the same scale as x (smaller = nearer the camera). */
export interface ImageLandmark {
  readonly x: number;
  readonly y: number;
  readonly z: number;
  /** 0..1, the detector's belief that the point is visible (not occluded, in frame). */
  readonly visibility: number;
}

/** One landmark in metres, origin at the hip centre, y pointing down, as BlazePose gives it. */
export interface WorldLandmark {
  readonly x: number;
  readonly y: number;
  readonly z: number;
  readonly visibility: number;
}

/** What the pose layer yields for one video frame, from any source (camera, file, replayed track). */
export interface PoseFrame {
  /** Presentation time of the frame in ms from the start of the source. */
  readonly tMs: number;
  /** 33 BlazePose landmarks, or null when no person was found. */
  readonly landmarks: readonly ImageLandmark[] | null;
  /** 33 world landmarks in metres, or null when none (no person, or the runtime gives none). */
  readonly worldLandmarks: readonly WorldLandmark[] | null;
  /** Pose presence score 0..1 (0 when no person). */
  readonly score: number;
  /** Size of the analysed image in pixels, so that normalised coordinates can be turned into pixels. */
  readonly imageWidth: number;
  readonly imageHeight: number;
  /** True when the image was mirrored before detection (selfie view): the person's left is on the image's left. */
  readonly mirrored?: boolean;
}

/** A whole recorded landmark track: what `npm run analyze -- --landmarks` writes and the replay source reads. */
export interface LandmarkTrack {
  readonly format: 'spine-coach-track';
  readonly version: 1;
  /** The source file name or 'camera'. */
  readonly source: string;
  readonly backend: string;
  readonly model: ModelType;
  /** Sampling rate used, frames per second (0 = every decoded frame). */
  readonly fps: number;
  readonly durationS: number;
  readonly frames: readonly PoseFrame[];
}

/** BlazePose's three models, fastest first: the one list (pickers, settings, URL and command-line options). */
export const MODEL_TYPES = ['lite', 'full', 'heavy'] as const;
export type ModelType = (typeof MODEL_TYPES)[number];

/** Every pose backend, `auto` first: the one list (pickers, settings, URL and command-line options, the auto
 * backend's cache). `auto` warms each candidate up on this device and keeps the fastest. */
export const BACKEND_CHOICES = ['auto', 'wasm', 'mediapipe-cpu', 'mediapipe-gpu', 'webgl'] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];
export type Backend = Exclude<BackendChoice, 'auto'>;

/** True for a concrete backend (not `auto`): a value read back from storage or typed by a person. */
export function isBackend(v: unknown): v is Backend {
  return v !== 'auto' && (BACKEND_CHOICES as readonly unknown[]).includes(v);
}
