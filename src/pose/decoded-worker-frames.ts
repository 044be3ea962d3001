/** The detector's side of decode-worker.ts (the page, or an analysis worker): the decoded frames of a file, read
 * ahead of the detector. */
import * as Comlink from 'comlink';
import type { DecodeWorkerApi } from './decode-worker.ts';
import type { FrameRange } from './sampling.ts';
import type { FileFrame, FileFrameReader, FrameSourceOptions } from './file-frames.ts';
import { prefetch } from './prefetch.ts';

/** Frames asked of the worker ahead of the detector: one in flight while the detector works on the current one. */
const AHEAD = 2;

/** Opens `file` (its frames in `range`, by default all) in a decoding worker; null when this browser cannot demux or
 * decode it. */
export async function openDecodedInWorker(
  file: Blob,
  opts: FrameSourceOptions,
  range?: FrameRange,
): Promise<FileFrameReader | null> {
  if (typeof Worker === 'undefined' || typeof VideoDecoder === 'undefined') return null;
  const worker = new Worker(new URL('./decode-worker.ts', import.meta.url), { type: 'module', name: 'video-decoder' });
  const remote = Comlink.wrap<DecodeWorkerApi>(worker);
  const failed = new Promise<never>((_, reject) => {
    worker.onerror = (e) => reject(new Error(e.message || 'the video decoding worker failed to start'));
  });
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    remote[Comlink.releaseProxy]();
    worker.terminate();
  };
  let info;
  try {
    info = await Promise.race([remote.open(file, opts, range), failed]);
  } catch (e) {
    close();
    throw e;
  }
  if (!info) {
    close();
    return null;
  }
  async function* frames(): AsyncGenerator<FileFrame> {
    for (;;) {
      const f = await remote.next();
      if (!f) return;
      yield { image: f.image, tMs: f.tMs, rgb: f.rgb, close: () => f.image.close() };
    }
  }
  return {
    ...info,
    decodePath: 'webcodecs',
    close,
    [Symbol.asyncIterator]: () => prefetch(frames(), AHEAD, (f) => f.close())[Symbol.asyncIterator](),
  };
}
