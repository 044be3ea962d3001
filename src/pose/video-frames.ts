/**
 * Reading and analysing a video file: `openVideoFrames` decodes it with WebCodecs in a worker (decode-worker.ts) and
 * falls back to seeking a <video> (video-file.ts) only when this browser cannot demux or decode it; `analyzeFrames`
 * runs the detector over the frames in order through the one PoseStream. The video page and `npm run analyze` share
 * both.
 */
import type { PoseDetector, PoseImage } from './create-detector.ts';
import { fileFrameSource, type VideoFrameSource, type FrameSourceOptions } from './file-frames.ts';
import { startPoseStream } from './pose-stream.ts';
import type { PoseFrame } from './types.ts';
import { openSeekedFrames } from './video-file.ts';

/** Opens a file's sampled frames: decoded when WebCodecs can, else by seeking `opts.video` (or a new <video>). */
export async function openVideoFrames(
  file: Blob,
  opts: FrameSourceOptions & { readonly video?: HTMLVideoElement; readonly sourceFps?: number } = {},
): Promise<VideoFrameSource> {
  // the demuxer and decoder run in a worker, loaded with the first file (not with the app)
  const { openDecodedInWorker } = await import('./decoded-worker-frames.ts');
  const decoded = await openDecodedInWorker(file, {
    fps: opts.fps,
    maxDurationS: opts.maxDurationS,
    maxSide: opts.maxSide,
  });
  if (decoded) return fileFrameSource(decoded);
  const url = URL.createObjectURL(file);
  try {
    const seeked = await openSeekedFrames(url, opts);
    return fileFrameSource({
      ...seeked,
      [Symbol.asyncIterator]: seeked[Symbol.asyncIterator],
      close() {
        seeked.close();
        URL.revokeObjectURL(url);
      },
    });
  } catch (e) {
    URL.revokeObjectURL(url);
    throw e;
  }
}

/** What `analyzeFrames` measured besides the poses. */
export interface FrameTimings {
  /** Detector time of each frame, ms. */
  readonly detectorMs: number[];
  /** Time the detector waited for each frame from the source (decode or seek and draw), ms. */
  readonly waitMs: number[];
  /** Wall time from asking for the first frame to the last pose, ms. */
  readonly wallMs: number;
  /** Detectors that ran side by side (segments in analysis workers, worker-analysis.ts); 1 for one detector. */
  readonly workers: number;
}

/** Options of `analyzeFrames`. */
export interface AnalyzeFramesOptions {
  readonly signal?: AbortSignal;
  /** Called after every analysed frame, with its picture (valid during the call only, e.g. to show it). */
  readonly onFrame?: (frame: PoseFrame, detectorMs: number, done: number, total: number, image: PoseImage) => void;
}

/**
 * Runs `detector` over every frame of `source` in order through a PoseStream (which resets the detector first, so the
 * same file gives the same poses whatever ran before, and closes the source at the end). The detector stays the
 * caller's. Stops early, keeping what it has, when `signal` aborts.
 */
export async function analyzeFrames(
  source: VideoFrameSource,
  detector: PoseDetector,
  opts: AnalyzeFramesOptions = {},
): Promise<{ frames: PoseFrame[]; timings: FrameTimings; cancelled: boolean }> {
  const frames: PoseFrame[] = [];
  const detectorMs: number[] = [];
  const waitMs: number[] = [];
  const t0 = performance.now();
  let asked = t0;
  const stream = startPoseStream({
    openSource: () => Promise.resolve(source),
    loadDetector: () => Promise.resolve(detector),
    keepDetector: true,
    onFrame: (frame, ms, image) => {
      waitMs.push(performance.now() - ms - asked);
      detectorMs.push(ms);
      frames.push(frame);
      opts.onFrame?.(frame, ms, frames.length, source.total, image);
      asked = performance.now();
    },
  });
  const stop = () => stream.stop();
  opts.signal?.addEventListener('abort', stop, { once: true });
  if (opts.signal?.aborted) stop();
  try {
    await stream.done;
  } finally {
    opts.signal?.removeEventListener('abort', stop);
  }
  return {
    frames,
    timings: { detectorMs, waitMs, wallMs: performance.now() - t0, workers: 1 },
    cancelled: opts.signal?.aborted ?? false,
  };
}
