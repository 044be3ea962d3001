import { describe, expect, it } from 'vitest';
import { pumpVideoFrames, type LoopVideo } from './pose-loop.ts';

/** A <video> stand-in whose frames the test presents one by one (no timers: the test is the clock). */
function fakeVideo(readyState = 4) {
  let next = 0;
  const callbacks = new Map<number, VideoFrameRequestCallback>();
  const video: LoopVideo & { present(mediaTimeS: number): void; waiting(): number } = {
    readyState,
    requestVideoFrameCallback: (cb) => (callbacks.set(++next, cb), next),
    cancelVideoFrameCallback: (id) => void callbacks.delete(id),
    present(mediaTimeS) {
      const due = [...callbacks.values()];
      callbacks.clear();
      const meta = { mediaTime: mediaTimeS, presentedFrames: 0, width: 640, height: 480 };
      for (const cb of due) cb(0, { ...meta, expectedDisplayTime: 0, presentationTime: 0 });
    },
    waiting: () => callbacks.size,
  };
  return video;
}

/** An onFrame whose promises the test settles, recording the frame times it was handed. */
function controlledHandler() {
  const seen: number[] = [];
  const pending: { resolve: () => void; reject: (e: Error) => void }[] = [];
  return {
    seen,
    onFrame: (_image: unknown, tMs: number) =>
      new Promise<void>((resolve, reject) => {
        seen.push(tMs);
        pending.push({ resolve, reject });
      }),
    finishOldest: () => pending.shift()?.resolve(),
    failOldest: (e: Error) => pending.shift()?.reject(e),
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('pumpVideoFrames', () => {
  it('hands each frame its media time, and skips frames that arrive while the last one is still being detected', async () => {
    const video = fakeVideo();
    const h = controlledHandler();
    const ac = new AbortController();
    const loop = pumpVideoFrames(video, h.onFrame, ac.signal, () => 0);
    video.present(0.0);
    video.present(1 / 30); // detector still busy on frame 0: skipped
    video.present(2 / 30); // skipped
    h.finishOldest();
    await settle();
    video.present(3 / 30); // detector free again: taken
    h.finishOldest();
    await settle();
    ac.abort();
    await loop;
    expect(h.seen).toEqual([0, 100]);
  });

  it('waits for a video that has no frame data yet (readyState < 2)', async () => {
    const video = fakeVideo(1);
    const h = controlledHandler();
    const ac = new AbortController();
    const loop = pumpVideoFrames(video, h.onFrame, ac.signal, () => 0);
    video.present(0.5);
    ac.abort();
    await loop;
    expect(h.seen).toEqual([]);
  });

  it('stops asking for frames once aborted', async () => {
    const video = fakeVideo();
    const h = controlledHandler();
    const ac = new AbortController();
    const loop = pumpVideoFrames(video, h.onFrame, ac.signal, () => 0);
    video.present(0);
    h.finishOldest();
    await settle();
    ac.abort();
    await loop;
    expect(video.waiting()).toBe(0);
    video.present(0.1);
    expect(h.seen).toEqual([0]);
  });

  it("rejects with the handler's failure and stops", async () => {
    const video = fakeVideo();
    const h = controlledHandler();
    const loop = pumpVideoFrames(video, h.onFrame, new AbortController().signal, () => 0);
    video.present(0);
    h.failOldest(new Error('detector lost its context'));
    await expect(loop).rejects.toThrow('detector lost its context');
    expect(video.waiting()).toBe(0);
  });
});

describe('pumpVideoFrames without requestVideoFrameCallback', () => {
  it('falls back to animation frames, with frame times from the injected clock', async () => {
    const rafs: FrameRequestCallback[] = [];
    const g = globalThis as unknown as Record<string, unknown>;
    g.requestAnimationFrame = (cb: FrameRequestCallback) => rafs.push(cb);
    g.cancelAnimationFrame = () => {};
    try {
      let clockMs = 5000;
      const video = { readyState: 4 } as unknown as LoopVideo;
      const h = controlledHandler();
      const ac = new AbortController();
      const loop = pumpVideoFrames(video, h.onFrame, ac.signal, () => clockMs);
      for (const stepMs of [40, 40]) {
        clockMs += stepMs;
        rafs.shift()?.(clockMs);
        h.finishOldest();
        await settle();
      }
      ac.abort();
      await loop;
      expect(h.seen).toEqual([40, 80]);
    } finally {
      delete g.requestAnimationFrame;
      delete g.cancelAnimationFrame;
    }
  });
});
