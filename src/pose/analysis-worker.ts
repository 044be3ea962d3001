/**
 * Web Worker that analyses one segment of a video file (segments.ts) by itself: its own decoding worker
 * (decode-worker.ts) decodes and paints the segment from its lead on, and its own tfjs detector runs on every sampled
 * frame, handing back each frame's pose. Several of these run side by side, one per core (worker-analysis.ts), so a file is analysed in
 * parallel; the single-threaded wasm detector cannot use a second core any other way. Reached through comlink.
 */
import * as Comlink from 'comlink';
import { createBlazePoseDetector, type PoseDetector } from './detectors/blazepose.ts';
import { openDecodedFrames } from './decoded-frames.ts';
import { openDecodedInWorker } from './decoded-worker-frames.ts';
import type { FileFrameReader, FrameSourceOptions } from './file-frames.ts';
import type { DecodedFileInfo } from './decode-worker.ts';
import { inSegment, type Segment } from './segments.ts';
import type { ModelType, PoseFrame } from './types.ts';

/** One analysed frame of the segment, as the page receives it. */
export interface SegmentFrame {
  readonly frame: PoseFrame;
  readonly detectorMs: number;
  /** How long the detector waited for this frame to be decoded and painted, ms. */
  readonly waitMs: number;
  /** The frame's picture (transferred), when asked for pictures (the video page's preview). */
  readonly image?: ImageBitmap;
}

let detector: PoseDetector | null = null;
let file: { blob: Blob; opts: FrameSourceOptions } | null = null;
let reader: FileFrameReader | null = null;
let stopped = false;
/** Hand each frame's picture over with its pose (the page's preview follows this worker's segment). */
let withPictures = false;

const api = {
  /** Loads this worker's detector (the tfjs backends run in a worker; MediaPipe's runtime needs a page). */
  async load(backend: 'wasm' | 'webgl', model: ModelType): Promise<void> {
    detector ??= await createBlazePoseDetector(backend, model);
  },
  /** Opens `blob` (it is not copied: workers share a Blob's data); null when it cannot be decoded here. */
  async open(blob: Blob, opts: FrameSourceOptions): Promise<DecodedFileInfo | null> {
    const whole = await openDecodedFrames(blob, opts);
    if (!whole) return null;
    whole.close();
    file = { blob, opts };
    const { codec, durationS, width, height, sourceFps, total } = whole;
    return { codec, durationS, width, height, sourceFps, total };
  },
  /**
   * Analyses `segment` of the opened file from its lead on, with a freshly reset detector, handing each of its own
   * frames to `onFrame` in order. Resolves true when the segment is done, false when `stop()` ended it first.
   */
  async analyse(segment: Segment, pictures: boolean, onFrame: (f: SegmentFrame) => void): Promise<boolean> {
    if (!detector || !file) throw new Error('the analysis worker has no detector or no file');
    stopped = false;
    withPictures = pictures;
    reader = await openDecodedInWorker(file.blob, file.opts, {
      fromMs: segment.startMs - segment.leadMs,
      toMs: segment.endMs,
    });
    if (!reader) throw new Error('the video could not be decoded a second time');
    detector.reset();
    const frames = reader[Symbol.asyncIterator]();
    try {
      for (;;) {
        const asked = performance.now();
        const r = await frames.next();
        if (r.done) return !stopped;
        if (stopped) {
          r.value.close();
          return false;
        }
        const { image, tMs, rgb } = r.value;
        const t0 = performance.now();
        const frame = await detector.estimate(image, tMs, rgb);
        const detectorMs = performance.now() - t0;
        if (stopped || !inSegment(segment, tMs)) {
          r.value.close();
          continue;
        }
        const picture = withPictures && image instanceof ImageBitmap ? image : undefined;
        if (!picture) r.value.close();
        const out: SegmentFrame = { frame, detectorMs, waitMs: t0 - asked, image: picture };
        void onFrame(picture ? Comlink.transfer(out, [picture]) : out); // a proxied call: posted, not awaited
      }
    } finally {
      await frames.return?.(undefined);
      reader?.close();
      reader = null;
    }
  },
  /** From the next frame on, hand the pictures over too (or stop): the preview moves to this worker's segment. */
  showPictures(on: boolean): void {
    withPictures = on;
  },
  /** Ends the segment in progress after its current frame (a cancelled analysis). */
  stop(): void {
    stopped = true;
  },
};

export type AnalysisWorkerApi = typeof api;

Comlink.expose(api);
