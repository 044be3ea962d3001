/**
 * The one live pose pipeline: a frame source -> the detector -> PoseFrames, with its teardown. The live page, the
 * guided session and `npm run bench` all run through it, so the bench times what a person runs.
 *
 *   const stream = startPoseStream({
 *     openSource: () => openCamera(videoElement, { deviceId }),       // any FrameSource (see frame-source.ts)
 *     loadDetector: (source) => createPoseDetector({ backend, model, warmupImage: source.warmupImage ?? undefined }),
 *     onFrame: (frame, detectorMs) => ...,
 *   });
 *   stream.stop();            // releases the source and the detector at once; `stream.done` then resolves
 *
 * A frame source plugs in by implementing FrameSource: the camera does (camera.ts), a decoded file can (it waits for
 * each frame's promise instead of skipping). `done` rejects with the first failure (the source could not be opened,
 * the detector could not load or failed on a frame) after everything opened so far has been released; a failure after
 * `stop()` is ignored.
 */
import type { PoseFrame } from './types.ts';
import type { PoseDetector } from './create-detector.ts';
import type { FrameSource } from './frame-source.ts';

/** Where the stream is: opening its source, loading its detector, or delivering frames. */
export type PoseStreamStage = 'opening-source' | 'loading-detector' | 'running';

export interface PoseStreamOptions<S extends FrameSource = FrameSource> {
  readonly openSource: () => Promise<S>;
  /** Loads the detector once the source is open (so `auto` can time the candidates on its first frame). */
  readonly loadDetector: (source: S) => Promise<PoseDetector>;
  /** Each frame's pose, and how long the detector took on it (ms). */
  readonly onFrame: (frame: PoseFrame, detectorMs: number) => void;
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
    detector?.dispose();
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
    if (ac.signal.aborted) return det.dispose();
    detector = det;
    opts.onReady?.(src, det);
    opts.onStage?.('running');
    await src.frames(async (image, tMs) => {
      const t0 = nowMs();
      const frame = await det.estimate(image, tMs);
      if (!ac.signal.aborted) opts.onFrame(frame, nowMs() - t0);
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
