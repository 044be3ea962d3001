/**
 * Web Worker that demuxes and decodes one video file (decoded-frames.ts) off the main thread, so decoding keeps
 * running ahead while the detector holds the main thread; each sampled frame comes back as a transferred
 * VideoFrame, which the page paints (frame-picture.ts). Reached through comlink (decoded-worker-frames.ts).
 */
import * as Comlink from 'comlink';
import { openDecodedFrames, type DecodedFrame, type DecodedFrameReader } from './decoded-frames.ts';
import type { FrameSourceOptions } from './file-frames.ts';

/** What the main thread learns about the file when it opens. */
export type DecodedFileInfo = Pick<
  DecodedFrameReader,
  'codec' | 'durationS' | 'width' | 'height' | 'sourceFps' | 'total'
>;

let source: DecodedFrameReader | null = null;
let frames: AsyncIterator<DecodedFrame> | null = null;

const api = {
  /** Opens `file`; null when it cannot be demuxed or decoded here (the caller falls back to seeking). */
  async open(file: Blob, opts: FrameSourceOptions): Promise<DecodedFileInfo | null> {
    source = await openDecodedFrames(file, opts);
    if (!source) return null;
    frames = source[Symbol.asyncIterator]();
    const { codec, durationS, width, height, sourceFps, total } = source;
    return { codec, durationS, width, height, sourceFps, total };
  },
  /** The next sampled frame (its VideoFrame transferred: the main thread owns and closes it), or null at the end. */
  async next(): Promise<Omit<DecodedFrame, 'close'> | null> {
    const r = await frames?.next();
    if (!r || r.done) return null;
    const { frame, rotation, flip, tMs } = r.value;
    return Comlink.transfer({ frame, rotation, flip, tMs }, [frame]);
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
