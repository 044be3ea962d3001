/**
 * A video file in a <video> element: loading it for playback, and the fallback way of reading its frames (seeking
 * to each sample time) for files WebCodecs cannot decode here. See decoded-frames.ts for the usual way.
 */
import { VideoFileError, type FileFrame, type FileFrameReader, type FrameSourceOptions } from './file-frames.ts';
import { fitSize, frameStartS, frameTimeMs, sampleTimesS } from './sampling.ts';
import { quantile } from '../motion/stats.ts';

/** A video file loaded into a paused, seekable <video>. */
export interface LoadedVideo {
  readonly video: HTMLVideoElement;
  readonly durationS: number;
  readonly width: number;
  readonly height: number;
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
 * The fallback frame source: loads `url` into `video`, then seeks to each sample time (in the middle of a source
 * frame) and draws the frame into one canvas. Slower than decoding (a seek per frame, nothing runs ahead) and its
 * timestamps rest on the frame rate (`sourceFps`, else measured by playing a few frames, else 30).
 */
export async function openSeekedFrames(
  url: string,
  opts: FrameSourceOptions & { readonly sourceFps?: number; readonly video?: HTMLVideoElement } = {},
): Promise<FileFrameReader> {
  const loaded = await loadVideo(url, opts.video);
  const { video } = loaded;
  const sourceFps = opts.sourceFps ?? (await estimateSourceFps(video));
  const rate = sourceFps ?? 30;
  const times = sampleTimesS(loaded.durationS, opts.fps ?? 10, rate, opts.maxDurationS);
  const [width, height] = fitSize(loaded.width, loaded.height, opts.maxSide ?? 640);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  let closed = false;
  async function* frames(): AsyncGenerator<FileFrame> {
    video.pause();
    for (const tS of times) {
      if (closed) return;
      await seek(video, tS);
      ctx!.drawImage(video, 0, 0, width, height);
      yield { image: canvas, tMs: frameTimeMs(frameStartS(tS, rate)), close: () => {} };
    }
  }
  return {
    decodePath: 'seek',
    codec: null,
    durationS: loaded.durationS,
    width,
    height,
    sourceFps,
    total: times.length,
    close: () => {
      closed = true;
    },
    [Symbol.asyncIterator]: frames,
  };
}
