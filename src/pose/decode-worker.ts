/**
 * Web Worker that demuxes and decodes one video file (decoded-frames.ts) off the main thread, so decoding keeps
 * running ahead while the detector holds the main thread; each sampled frame comes back as a transferred
 * ImageBitmap and its RGB values (a transferred buffer). Reached through comlink (decoded-worker-frames.ts).
 */
import * as Comlink from 'comlink';
import { openDecodedFrames } from './decoded-frames.ts';
import type { FrameRange } from './sampling.ts';
import type { RgbPixels } from './create-detector.ts';
import type { FileFrame, FileFrameReader, FrameSourceOptions } from './file-frames.ts';

/** What the main thread learns about the file when it opens. */
export type DecodedFileInfo = Pick<FileFrameReader, 'codec' | 'durationS' | 'width' | 'height' | 'sourceFps' | 'total'>;

let source: FileFrameReader | null = null;
let frames: AsyncIterator<FileFrame> | null = null;

const api = {
  /** Opens `file` (its frames in `range`, by default all); null when it cannot be demuxed or decoded here (the caller
   * falls back to seeking). */
  async open(file: Blob, opts: FrameSourceOptions, range?: FrameRange): Promise<DecodedFileInfo | null> {
    source = await openDecodedFrames(file, opts, range);
    if (!source) return null;
    frames = source[Symbol.asyncIterator]();
    const { codec, durationS, width, height, sourceFps, total } = source;
    return { codec, durationS, width, height, sourceFps, total };
  },
  /** The next sampled frame (its bitmap and RGB values transferred: the main thread owns them), or null at the end. */
  async next(): Promise<{ image: ImageBitmap; tMs: number; rgb?: RgbPixels } | null> {
    const r = await frames?.next();
    if (!r || r.done) return null;
    const image = r.value.image as ImageBitmap;
    const { tMs, rgb } = r.value;
    return Comlink.transfer({ image, tMs, rgb }, rgb ? [image, rgb.buffer] : [image]);
  },
  async close(): Promise<void> {
    await frames?.return?.();
    source?.close();
    frames = null;
    source = null;
  },
};

export type DecodeWorkerApi = typeof api;

Comlink.expose(api);
