/**
 * The frames of a video file. Each way of reading a file (decoding in a worker, decoded-worker-frames.ts; seeking a
 * <video>, video-file.ts) is a `FileFrameReader`: an async iterable the reader fills ahead of its consumer. The rest
 * of the app sees one kind of source, `VideoFrameSource`, which is a PoseStream `FrameSource` (frame-source.ts): the
 * video page, `npm run analyze` and the live camera all run the detector through `startPoseStream`.
 *
 * Why the file is pulled inside and pushed outside: a file must never drop a frame (the camera skips frames while the
 * detector is busy; a file waits for it), and decoding must run ahead of the detector within a bounded queue. Pulling
 * gives both for free: the reader's queue fills while the detector works and stops when full. `fileFrameSource` is the
 * one place where pulled frames become pushed ones.
 */
import type { RgbPixels } from './create-detector.ts';
import type { FrameSource } from './frame-source.ts';

/** One analysed frame of a file: a picture scaled for the detector and its presentation time. */
export interface FileFrame {
  /** The picture, at most `maxSide` on its long side; valid until `close()`. */
  readonly image: ImageBitmap | HTMLCanvasElement;
  /** Presentation time of the source frame in ms (from the container when decoded). */
  readonly tMs: number;
  /** The picture's RGB values for the detector, where the reader has them (decoding); see `RgbPixels`. */
  readonly rgb?: RgbPixels;
  /** Releases the picture; the consumer calls it once it is done with the frame. */
  close(): void;
}

/** How the frames were obtained: WebCodecs decoding, or seeking a <video> (fallback). */
export type DecodePath = 'webcodecs' | 'seek';

/** What is known of a file once it is open. */
export interface VideoFileInfo {
  readonly decodePath: DecodePath;
  /** The codec string (e.g. `avc1.64001f`, `vp09.00.30.08`) when the file was demuxed, else null. */
  readonly codec: string | null;
  readonly durationS: number;
  /** Size of the pictures handed to the detector. */
  readonly width: number;
  readonly height: number;
  /** Source frame rate (from the frame timestamps, or measured by playing when seeking); null when unknown. */
  readonly sourceFps: number | null;
  /** How many frames the iteration will yield (from the duration and the sampling rate). */
  readonly total: number;
}

/** The sampled frames of one video file, pulled in presentation order, with their teardown (internal to src/pose). */
export interface FileFrameReader extends AsyncIterable<FileFrame>, VideoFileInfo {
  /** Stops decoding and frees the file; safe to call more than once. */
  close(): void;
}

/** A video file as a PoseStream frame source: every sampled frame, in order, each waiting for the last one's detector
 * (see frame-source.ts); `total` of them. */
export interface VideoFrameSource extends FrameSource, VideoFileInfo {}

/**
 * A reader's frames pushed to `onFrame` one at a time, each closed once `onFrame` has settled. When `signal` aborts,
 * `frames` resolves at once, also while the reader is still working on the next frame (a closed decoder never
 * answers); the frame then in hand is closed and the reader's queue is emptied by `close()`.
 */
export function fileFrameSource(reader: FileFrameReader): VideoFrameSource {
  const { decodePath, codec, durationS, width, height, sourceFps, total } = reader;
  return {
    decodePath,
    codec,
    durationS,
    width,
    height,
    sourceFps,
    total,
    warmupImage: null,
    async frames(onFrame, signal) {
      if (signal.aborted) return;
      const frames = reader[Symbol.asyncIterator]();
      const aborted = new Promise<null>((resolve) => signal.addEventListener('abort', () => resolve(null)));
      let finished = false;
      try {
        for (;;) {
          const next = frames.next();
          const r = await Promise.race([next, aborted]);
          if (r === null) {
            void next.then(
              (late) => late.done || late.value.close(),
              () => undefined,
            );
            return;
          }
          if (r.done) {
            finished = true;
            return;
          }
          try {
            await onFrame(r.value.image, r.value.tMs, r.value.rgb);
          } finally {
            r.value.close();
          }
          if (signal.aborted) return;
        }
      } finally {
        // stops the reader's queue (closing what it holds); not awaited once aborted, as the reader may never answer
        if (!finished) void frames.return?.()?.catch(() => undefined);
      }
    },
    close: () => reader.close(),
  };
}

/** Options shared by both ways of reading a file. */
export interface FrameSourceOptions {
  /** Sampling rate in frames per second; 0 analyses every source frame. Default 10. */
  readonly fps?: number;
  /** Analyse only the first this-many seconds. */
  readonly maxDurationS?: number;
  /** Longest side of the picture fed to the detector, in pixels. Default 640. */
  readonly maxSide?: number;
}

/** Thrown when the browser cannot read the file as a video. */
export class VideoFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VideoFileError';
  }
}
