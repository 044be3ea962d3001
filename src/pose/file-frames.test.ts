import { describe, expect, it } from 'vitest';
import { fileFrameSource, type FileFrame, type FileFrameReader } from './file-frames.ts';
import type { PoseImage } from './create-detector.ts';

const settle = () => new Promise((r) => setTimeout(r, 0));

/** A reader of frames at the given times; `stallAt` makes the reader never deliver that frame (a closed decoder). */
function reader(timesMs: readonly number[], stallAt = -1) {
  const closed: number[] = [];
  const r: FileFrameReader = {
    decodePath: 'webcodecs',
    codec: 'avc1.4d001f',
    durationS: 1,
    width: 360,
    height: 640,
    sourceFps: 30,
    total: timesMs.length,
    close: () => undefined,
    async *[Symbol.asyncIterator](): AsyncGenerator<FileFrame> {
      for (const tMs of timesMs) {
        if (tMs === stallAt) await new Promise(() => undefined);
        yield { image: { tMs } as unknown as PoseImage, tMs, close: () => void closed.push(tMs) } as FileFrame;
      }
    },
  };
  return { r, closed };
}

describe('fileFrameSource', () => {
  it('hands over every frame in order, never one before the last was done with, and closes each after', async () => {
    const { r, closed } = reader([0, 100, 200, 300]);
    const seen: number[] = [];
    let busy = false;
    await fileFrameSource(r).frames(async (_image, tMs) => {
      expect(busy).toBe(false);
      busy = true;
      await settle(); // a slow detector: a file waits for it, dropping nothing
      expect(closed).not.toContain(tMs);
      seen.push(tMs);
      busy = false;
    }, new AbortController().signal);
    expect(seen).toEqual([0, 100, 200, 300]);
    expect(closed).toEqual([0, 100, 200, 300]);
  });

  it('resolves at once when stopped while the reader is still working on the next frame', async () => {
    const { r } = reader([0, 100, 200], 100);
    const ac = new AbortController();
    const seen: number[] = [];
    const done = fileFrameSource(r).frames(async (_image, tMs) => void seen.push(tMs), ac.signal);
    await settle();
    ac.abort();
    await done; // would hang if it waited for the stalled reader
    expect(seen).toEqual([0]);
  });

  it('rejects with the detector failure and still closes the frame it was given', async () => {
    const { r, closed } = reader([0, 100, 200]);
    const run = fileFrameSource(r).frames(async (_image, tMs) => {
      if (tMs === 100) throw new Error('detector failed');
    }, new AbortController().signal);
    await expect(run).rejects.toThrow('detector failed');
    expect(closed).toEqual([0, 100]);
  });

  it('is a FrameSource with the file facts and no warm-up picture', () => {
    const s = fileFrameSource(reader([0]).r);
    expect([s.width, s.height, s.total, s.decodePath, s.warmupImage]).toEqual([360, 640, 1, 'webcodecs', null]);
  });
});
