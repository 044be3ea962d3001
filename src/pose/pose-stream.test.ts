import { describe, expect, it } from 'vitest';
import { startPoseStream, type PoseStreamStage } from './pose-stream.ts';
import type { FrameSource } from './frame-source.ts';
import type { PoseDetector, PoseImage } from './create-detector.ts';
import type { PoseFrame } from './types.ts';

const IMAGE = {} as PoseImage;
const settle = () => new Promise((r) => setTimeout(r, 0));

/** A file-like source presenting the given frame times one after the other, waiting for each. */
function fakeSource(timesMs: readonly number[]) {
  const state = { closed: 0, running: false };
  const source: FrameSource = {
    width: 640,
    height: 360,
    warmupImage: null,
    async frames(onFrame, signal) {
      state.running = true;
      for (const t of timesMs) {
        if (signal.aborted) break;
        await onFrame(IMAGE, t);
      }
      // a live source keeps going until stopped
      if (timesMs.length === 0) await new Promise((r) => signal.addEventListener('abort', r, { once: true }));
    },
    close: () => void state.closed++,
  };
  return { source, state };
}

/** A detector that takes `costMs` of the injected clock per frame. */
function fakeDetector(clock: { ms: number }, costMs: number, failAtMs = Infinity) {
  const state = { disposed: 0, resets: 0 };
  const detector: PoseDetector = {
    backend: 'wasm',
    model: 'lite',
    estimate(_image, tMs): Promise<PoseFrame> {
      clock.ms += costMs;
      if (tMs >= failAtMs) return Promise.reject(new Error('out of memory'));
      return Promise.resolve({
        tMs,
        landmarks: null,
        worldLandmarks: null,
        score: 0,
        imageWidth: 640,
        imageHeight: 360,
      });
    },
    reset: () => void state.resets++,
    dispose: () => void state.disposed++,
  };
  return { detector, state };
}

describe('PoseStream', () => {
  it('opens the source, then loads the detector on it, and delivers each frame with its detector time', async () => {
    const clock = { ms: 0 };
    const src = fakeSource([0, 100, 200]);
    const det = fakeDetector(clock, 30);
    const stages: PoseStreamStage[] = [];
    const got: [number, number][] = [];
    let loadedOn: FrameSource | null = null;
    const stream = startPoseStream({
      openSource: () => Promise.resolve(src.source),
      loadDetector: (s) => ((loadedOn = s), Promise.resolve(det.detector)),
      onFrame: (f, ms) => got.push([f.tMs, ms]),
      onStage: (s) => stages.push(s),
      nowMs: () => clock.ms,
    });
    await stream.done;
    expect(loadedOn).toBe(src.source);
    expect(stages).toEqual(['opening-source', 'loading-detector', 'running']);
    expect(got).toEqual([
      [0, 30],
      [100, 30],
      [200, 30],
    ]);
    expect([src.state.closed, det.state.disposed]).toEqual([1, 1]); // a finished file releases everything
  });

  it('stop() releases the camera and the detector at once, and no frame is delivered after it', async () => {
    const clock = { ms: 0 };
    const src = fakeSource([]);
    const det = fakeDetector(clock, 10);
    let frames = 0;
    const stream = startPoseStream({
      openSource: () => Promise.resolve(src.source),
      loadDetector: () => Promise.resolve(det.detector),
      onFrame: () => frames++,
      nowMs: () => clock.ms,
    });
    await settle();
    expect(src.state.running).toBe(true);
    stream.stop();
    expect([src.state.closed, det.state.disposed]).toEqual([1, 1]); // before `done` settles
    await stream.done;
    stream.stop();
    expect(frames).toBe(0);
  });

  it('stopped while the detector loads: the detector is disposed when it arrives, nothing runs', async () => {
    const clock = { ms: 0 };
    const src = fakeSource([0, 100]);
    const det = fakeDetector(clock, 10);
    let arrive: (d: PoseDetector) => void = () => {};
    let frames = 0;
    const stream = startPoseStream({
      openSource: () => Promise.resolve(src.source),
      loadDetector: () => new Promise<PoseDetector>((r) => (arrive = r)),
      onFrame: () => frames++,
    });
    await settle();
    stream.stop();
    arrive(det.detector);
    await stream.done;
    expect([src.state.closed, det.state.disposed, frames]).toEqual([1, 1, 0]);
  });

  it.each([
    ['the source cannot be opened', 'no camera', true],
    ['the detector cannot load', 'no wasm', false],
  ])('%s: done rejects with the reason, and what was opened is released', async (_name, reason, sourceFails) => {
    const src = fakeSource([0]);
    const stream = startPoseStream({
      openSource: () => (sourceFails ? Promise.reject(new Error(reason)) : Promise.resolve(src.source)),
      loadDetector: () => Promise.reject(new Error(reason)),
      onFrame: () => {},
    });
    await expect(stream.done).rejects.toThrow(reason);
    expect(src.state.closed).toBe(sourceFails ? 0 : 1);
  });

  it('a detector failing on a frame ends the stream with its error and releases both', async () => {
    const clock = { ms: 0 };
    const src = fakeSource([0, 100, 200]);
    const det = fakeDetector(clock, 5, 100);
    const seen: number[] = [];
    const stream = startPoseStream({
      openSource: () => Promise.resolve(src.source),
      loadDetector: () => Promise.resolve(det.detector),
      onFrame: (f) => seen.push(f.tMs),
      nowMs: () => clock.ms,
    });
    await expect(stream.done).rejects.toThrow('out of memory');
    expect(seen).toEqual([0]);
    expect([src.state.closed, det.state.disposed]).toEqual([1, 1]);
  });

  it("resets the detector before the first frame; a kept detector (the video page's) is not disposed", async () => {
    const clock = { ms: 0 };
    const det = fakeDetector(clock, 30);
    const src = fakeSource([0, 100]);
    const resetsAtFirstFrame: number[] = [];
    const stream = startPoseStream({
      openSource: () => Promise.resolve(src.source),
      loadDetector: () => Promise.resolve(det.detector),
      keepDetector: true,
      onFrame: () => void resetsAtFirstFrame.push(det.state.resets),
    });
    await stream.done;
    expect(resetsAtFirstFrame).toEqual([1, 1]);
    expect(det.state.disposed).toBe(0);
    expect(src.state.closed).toBe(1);
  });
});
