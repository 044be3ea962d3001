/**
 * Where a PoseStream's frames come from. The camera (camera.ts `openCamera`) is one; a decoded video file is meant to
 * be another. The contract a source keeps:
 *
 * - `frames(onFrame, signal)` calls `onFrame(image, tMs)` once per frame it presents, `tMs` strictly increasing (the
 *   frame's media time, ms). It never calls `onFrame` again before the promise the last call returned has settled.
 *   A live source (camera) skips the frames that arrive meanwhile, so results stay current; a file source waits for
 *   the promise instead, so every frame is analysed. It resolves when the frames end (a file) or `signal` aborts,
 *   and rejects with the first rejection of `onFrame` (the detector failed).
 * - `image` is only read during `onFrame`: a source may reuse it (a <video>) or close it afterwards (a VideoFrame).
 *   A source that has the picture's RGB values anyway (a decoded file) hands them over as `rgb` for the detector.
 * - `close()` releases what the source holds (the camera device, a decoder); it is safe to call more than once and
 *   may be called while `frames` runs (after the signal aborted).
 * - `warmupImage` is a picture of the source's first frame that the detector may time itself on before the frames
 *   start (`auto` backend choice), or null.
 */
import type { PoseImage, RgbPixels } from './create-detector.ts';

export interface FrameSource {
  /** Frame size in pixels. */
  readonly width: number;
  readonly height: number;
  readonly warmupImage: PoseImage | null;
  frames(
    onFrame: (image: PoseImage, tMs: number, rgb?: RgbPixels) => Promise<void>,
    signal: AbortSignal,
  ): Promise<void>;
  close(): void;
}
