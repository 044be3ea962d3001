/**
 * Reading and analysing a video file: `openVideoFrames` decodes it with WebCodecs in a worker (decode-worker.ts) and
 * falls back
 * to seeking a <video> (video-file.ts) only when this browser cannot demux or decode it; `analyzeFrames` runs the
 * detector over the frames in order. The video page and `npm run analyze` share both.
 */
import type { PoseDetector } from './create-detector.ts';
import type { VideoFrameSource, FrameSourceOptions } from './file-frames.ts';
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
  if (decoded) return decoded;
  const url = URL.createObjectURL(file);
  try {
    const seeked = await openSeekedFrames(url, opts);
    return {
      ...seeked,
      [Symbol.asyncIterator]: seeked[Symbol.asyncIterator],
      close() {
        seeked.close();
        URL.revokeObjectURL(url);
      },
    };
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
}

/** Options of `analyzeFrames`. */
export interface AnalyzeFramesOptions {
  readonly signal?: AbortSignal;
  /** Called after every analysed frame, with its picture (valid during the call only, e.g. to show it). */
  readonly onFrame?: (
    frame: PoseFrame,
    detectorMs: number,
    done: number,
    total: number,
    image: ImageBitmap | HTMLCanvasElement,
  ) => void;
}

/**
 * Runs `detector` over every frame of `source` in order (reset first, so the same file gives the same poses
 * whatever ran before), closing each frame once detected. Stops early, keeping what it has, when `signal` aborts.
 */
export async function analyzeFrames(
  source: VideoFrameSource,
  detector: PoseDetector,
  opts: AnalyzeFramesOptions = {},
): Promise<{ frames: PoseFrame[]; timings: FrameTimings; cancelled: boolean }> {
  detector.reset();
  const frames: PoseFrame[] = [];
  const detectorMs: number[] = [];
  const waitMs: number[] = [];
  const t0 = performance.now();
  let asked = t0;
  for await (const item of source) {
    try {
      waitMs.push(performance.now() - asked);
      if (opts.signal?.aborted) break;
      const start = performance.now();
      const frame = await detector.estimate(item.image, item.tMs);
      detectorMs.push(performance.now() - start);
      frames.push(frame);
      opts.onFrame?.(frame, detectorMs.at(-1) ?? 0, frames.length, source.total, item.image);
    } finally {
      item.close();
    }
    asked = performance.now();
  }
  return {
    frames,
    timings: { detectorMs, waitMs, wallMs: performance.now() - t0 },
    cancelled: opts.signal?.aborted ?? false,
  };
}
