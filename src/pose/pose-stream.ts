/**
 * The one pose pipeline: a frame source -> the detector -> PoseFrames, with its teardown. The live page, the guided
 * session and `npm run bench` run it on the camera; the video page and `npm run analyze` on a file
 * (file-frames.ts `fileFrameSource`, through video-frames.ts `analyzeFrames`), so every path times what a person runs.
 *
 *   const stream = startPoseStream({
 *     openSource: () => openCamera(videoElement, { deviceId }),       // any FrameSource (see frame-source.ts)
 *     loadDetector: (source) => createPoseDetector({ backend, model, warmupImage: source.warmupImage ?? undefined }),
 *     onFrame: (frame, detectorMs) => ...,
 *   });
 *   stream.stop();            // releases the source and the detector at once; `stream.done` then resolves
 *
 * A frame source plugs in by implementing FrameSource: the camera does (camera.ts), and so does a file (it waits for
 * each frame's promise instead of skipping). The detector is reset before the first frame, so the same frames give the
 * same poses whatever it saw before. `done` rejects with the first failure (the source could not be opened,
 * the detector could not load or failed on a frame) after everything opened so far has been released; a failure after
 * `stop()` is ignored.
 */
import type { PoseFrame } from './types.ts';
import type { PoseDetector, PoseImage } from './create-detector.ts';
import type { FrameSource } from './frame-source.ts';

/** Where the stream is: opening its source, loading its detector, or delivering frames. */
export type PoseStreamStage = 'opening-source' | 'loading-detector' | 'running';

export interface PoseStreamOptions<S extends FrameSource = FrameSource> {
  readonly openSource: () => Promise<S>;
  /** Loads the detector once the source is open (so `auto` can time the candidates on its first frame). */
  readonly loadDetector: (source: S) => Promise<PoseDetector>;
  /** Each frame's pose, how long the detector took on it (ms), and its picture (valid during the call only). */
  readonly onFrame: (frame: PoseFrame, detectorMs: number, image: PoseImage) => void;
  /** The caller keeps the detector after the stream (the video page reuses one across files): not disposed here. */
  readonly keepDetector?: boolean;
  readonly onStage?: (stage: PoseStreamStage) => void;
  /** Both are ready, before the first frame. */
  readonly onReady?: (source: S, detector: PoseDetector) => void;
  /** The clock the detector is timed with (ms); performance.now by default. */
  readonly nowMs?: () => number;
}

export interface PoseStream {
  /** Resolves when stopped (or a file source ran out of frames); rejects with the first failure. */
  readonly done: Promise<void>;
  /** Stops the frames and releases the source and the detector now. Safe to call more than once. */
  stop(): void;
}

/** Starts a pose stream (see the file's header). */
export function startPoseStream<S extends FrameSource>(opts: PoseStreamOptions<S>): PoseStream {
  const ac = new AbortController();
  const nowMs = opts.nowMs ?? (() => performance.now());
  let source: S | null = null;
  let detector: PoseDetector | null = null;
  const release = () => {
    source?.close();
    if (!opts.keepDetector) detector?.dispose();
    source = null;
    detector = null;
  };
  const run = async () => {
    opts.onStage?.('opening-source');
    const src = await opts.openSource();
    if (ac.signal.aborted) return src.close();
    source = src;
    opts.onStage?.('loading-detector');
    const det = await opts.loadDetector(src);
    if (ac.signal.aborted) return opts.keepDetector ? undefined : det.dispose();
    detector = det;
    det.reset();
    opts.onReady?.(src, det);
    opts.onStage?.('running');
    await src.frames(async (image, tMs, rgb) => {
      const t0 = nowMs();
      const frame = await det.estimate(image, tMs, rgb);
      if (!ac.signal.aborted) opts.onFrame(frame, nowMs() - t0, image);
    }, ac.signal);
  };
  const done = run().then(
    () => release(),
    (e: unknown) => {
      release();
      if (!ac.signal.aborted) throw e;
    },
  );
  return {
    done,
    stop() {
      ac.abort();
      release();
    },
  };
}
