import type { PoseFrame } from './types.ts';
import type { PoseDetector } from './create-detector.ts';
import { fitSize, frameStartS, sampleTimesS } from './sampling.ts';
import { quantile } from '../motion/stats.ts';

/** Options for analysing a video file frame by frame. */
export interface VideoFileOptions {
  /** Sampling rate in frames per second; 0 analyses every source frame. Default 10. */
  readonly fps?: number;
  /** The file's frame rate when known (from the container); makes timestamps frame-accurate. Default 30. */
  readonly sourceFps?: number;
  /** Analyse only the first this-many seconds. */
  readonly maxDurationS?: number;
  /** Longest side of the picture fed to the detector, in pixels. Default 640. */
  readonly maxSide?: number;
  readonly signal?: AbortSignal;
  /** Called after every analysed frame with the detector's time for it. */
  readonly onFrame?: (frame: PoseFrame, detectorMs: number, index: number, total: number) => void;
}

/** A video file loaded into a paused, seekable <video>. */
export interface LoadedVideo {
  readonly video: HTMLVideoElement;
  readonly durationS: number;
  readonly width: number;
  readonly height: number;
}

/** Thrown when the browser cannot decode the file. */
export class VideoFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VideoFileError';
  }
}

/** Loads a URL (object URL of a file, or same-origin) into a <video>, rejecting clearly when it cannot be decoded. */
export function loadVideo(
  url: string,
  video: HTMLVideoElement = document.createElement('video'),
): Promise<LoadedVideo> {
  return new Promise((resolve, reject) => {
    video.muted = true;
    video.playsInline = true;
    video.preload = 'auto';
    const done = () => {
      video.removeEventListener('loadeddata', onData);
      video.removeEventListener('error', onError);
    };
    const onData = () => {
      done();
      if (!video.videoWidth || !Number.isFinite(video.duration)) {
        reject(new VideoFileError('This file has no video picture the browser can show.'));
        return;
      }
      video.width = video.videoWidth;
      video.height = video.videoHeight;
      resolve({ video, durationS: video.duration, width: video.videoWidth, height: video.videoHeight });
    };
    const onError = () => {
      done();
      reject(
        new VideoFileError(
          'This file cannot be read as a video (unsupported or damaged). Try an MP4 (H.264) or WebM file.',
        ),
      );
    };
    video.addEventListener('loadeddata', onData);
    video.addEventListener('error', onError);
    video.src = url;
    video.load();
  });
}

/** The frame at `tS` drawn on a canvas scaled to `maxSide` (what `analyzeVideo` feeds the detector). */
export async function frameCanvas(loaded: LoadedVideo, tS: number, maxSide = 640): Promise<HTMLCanvasElement> {
  const [w, h] = fitSize(loaded.width, loaded.height, maxSide);
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  await seek(loaded.video, tS);
  canvas.getContext('2d')?.drawImage(loaded.video, 0, 0, w, h);
  return canvas;
}

/**
 * Estimates a file's frame rate in the browser (which does not expose it): plays a few frames muted and takes the
 * lower-quartile step between presented frames' media times. Returns null when the browser cannot tell.
 */
export async function estimateSourceFps(video: HTMLVideoElement, frames = 12): Promise<number | null> {
  if (typeof video.requestVideoFrameCallback !== 'function') return null;
  const times: number[] = [];
  const start = video.currentTime;
  await new Promise<void>((resolve) => {
    const timeout = setTimeout(resolve, 3000);
    const onFrame = (_now: number, meta: VideoFrameCallbackMetadata) => {
      times.push(meta.mediaTime);
      if (times.length >= frames) {
        clearTimeout(timeout);
        resolve();
      } else video.requestVideoFrameCallback(onFrame);
    };
    video.requestVideoFrameCallback(onFrame);
    video.play().catch(() => resolve());
  });
  video.pause();
  await seek(video, start);
  const steps = times
    .slice(1)
    .map((t, i) => t - (times[i] ?? t))
    .filter((d) => d > 0.001);
  const step = quantile(steps, 0.25); // lower quartile: dropped frames only make steps longer
  return step ? Math.round((1 / step) * 100) / 100 : null;
}

function seek(video: HTMLVideoElement, tS: number): Promise<void> {
  return new Promise((resolve) => {
    if (Math.abs(video.currentTime - tS) < 1e-6 && !video.seeking) return resolve();
    video.addEventListener('seeked', () => resolve(), { once: true });
    video.currentTime = tS;
  });
}

/**
 * Analyses a loaded video by seeking to each sample time (so a slow detector never skips frames), drawing the
 * frame scaled to `maxSide` and running the detector on it. Returns one `PoseFrame` per sample, whose `tMs` is
 * the start of the source frame shown.
 */
export async function analyzeVideo(
  loaded: LoadedVideo,
  engine: PoseDetector,
  opts: VideoFileOptions = {},
): Promise<PoseFrame[]> {
  const { video } = loaded;
  const sourceFps = opts.sourceFps && opts.sourceFps > 0 ? opts.sourceFps : 30;
  const times = sampleTimesS(loaded.durationS, opts.fps ?? 10, sourceFps, opts.maxDurationS);
  const [w, h] = fitSize(loaded.width, loaded.height, opts.maxSide ?? 640);
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d', { willReadFrequently: false });
  if (!ctx) throw new Error('no 2D canvas');
  video.pause();
  const frames: PoseFrame[] = [];
  for (const [i, tS] of times.entries()) {
    if (opts.signal?.aborted) break;
    await seek(video, tS);
    ctx.drawImage(video, 0, 0, w, h);
    const t0 = performance.now();
    const frame = await engine.estimate(canvas, Math.round(frameStartS(tS, sourceFps) * 1e6) / 1e3);
    const ms = performance.now() - t0;
    frames.push(frame);
    opts.onFrame?.(frame, ms, i, times.length);
  }
  return frames;
}
