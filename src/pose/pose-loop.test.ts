import { afterEach, describe, expect, it, vi } from 'vitest';
import { runPoseLoop } from './pose-loop.ts';
import type { PoseDetector } from './create-detector.ts';
import type { PoseFrame } from './types.ts';

/** A <video> stand-in that presents a new frame every 33 ms (30 fps) through requestVideoFrameCallback. */
function fakeVideo() {
  let next = 0;
  const callbacks = new Map<number, VideoFrameRequestCallback>();
  let mediaTime = 0;
  const timer = setInterval(() => {
    mediaTime += 1 / 30;
    const due = [...callbacks.values()];
    callbacks.clear();
    for (const cb of due)
      cb(performance.now(), {
        mediaTime,
        presentedFrames: 0,
        width: 640,
        height: 480,
        expectedDisplayTime: 0,
        presentationTime: 0,
      });
  }, 33);
  return {
    readyState: 4,
    requestVideoFrameCallback: (cb: VideoFrameRequestCallback) => (callbacks.set(++next, cb), next),
    cancelVideoFrameCallback: (id: number) => callbacks.delete(id),
    stop: () => clearInterval(timer),
    now: () => mediaTime * 1000,
  };
}

afterEach(() => vi.useRealTimers());

describe('runPoseLoop', () => {
  it('skips frames while the detector is busy: results keep up with the video instead of queueing', async () => {
    const video = fakeVideo();
    let calls = 0;
    // a detector 4x slower than the frame rate (about 130 ms per frame at 30 fps)
    const engine: PoseDetector = {
      backend: 'wasm',
      model: 'lite',
      dispose() {},
      reset() {},
      estimate: (_img, tMs) => {
        calls++;
        return new Promise((r) =>
          setTimeout(
            () => r({ tMs, landmarks: null, worldLandmarks: null, score: 0, imageWidth: 640, imageHeight: 480 }),
            130,
          ),
        );
      },
    };
    const frames: PoseFrame[] = [];
    const ac = new AbortController();
    const loop = runPoseLoop(video as unknown as HTMLVideoElement, engine, (f) => frames.push(f), ac.signal);
    await new Promise((r) => setTimeout(r, 1000));
    const lagMs = video.now() - (frames.at(-1)?.tMs ?? 0);
    ac.abort();
    await loop;
    video.stop();
    expect(calls).toBeGreaterThanOrEqual(5); // about 7 results a second
    expect(calls).toBeLessThanOrEqual(9); // not one per presented frame (30)
    expect(lagMs).toBeLessThan(300); // the last result is of a recent frame, not of a frame queued long ago
    for (let i = 1; i < frames.length; i++) expect(frames[i]!.tMs).toBeGreaterThan(frames[i - 1]!.tMs);
  });

  it('stops calling the detector once aborted', async () => {
    const video = fakeVideo();
    const estimate = vi.fn(async (_i: unknown, tMs: number): Promise<PoseFrame> => ({
      tMs,
      landmarks: null,
      worldLandmarks: null,
      score: 0,
      imageWidth: 1,
      imageHeight: 1,
    }));
    const ac = new AbortController();
    const loop = runPoseLoop(
      video as unknown as HTMLVideoElement,
      { backend: 'wasm', model: 'lite', dispose() {}, reset() {}, estimate },
      () => {},
      ac.signal,
    );
    await new Promise((r) => setTimeout(r, 200));
    ac.abort();
    await loop;
    const n = estimate.mock.calls.length;
    await new Promise((r) => setTimeout(r, 200));
    video.stop();
    expect(n).toBeGreaterThan(0);
    expect(estimate.mock.calls.length).toBe(n);
  });
});
