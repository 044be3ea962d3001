/** What the bench page measures besides the session itself: heap, the people check's cost, a downscaled detector. */
import { createPeopleCounter, type PoseDetector } from '../pose/index.ts';

/** Live JS heap in MB after a forced full GC (Chromium with --js-flags=--expose-gc; else as it stands). */
export function heapMB(): number {
  window.gc?.();
  window.gc?.();
  return (performance.memory?.usedJSHeapSize ?? NaN) / 2 ** 20;
}

/** Wraps an engine so each frame is first drawn into a `width`-pixel-wide canvas (timed as detector work). */
export function downscaled(inner: PoseDetector, width: number): PoseDetector {
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  return {
    backend: inner.backend,
    model: inner.model,
    estimate(image, tMs, rgb) {
      const w = image instanceof HTMLVideoElement ? image.videoWidth : image.width;
      const h = image instanceof HTMLVideoElement ? image.videoHeight : image.height;
      if (!ctx || w <= width) return inner.estimate(image, tMs, rgb);
      canvas.width = width;
      canvas.height = Math.round((h * width) / w);
      ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
      return inner.estimate(canvas, tMs);
    },
    reset: () => inner.reset(),
    dispose: () => inner.dispose(),
  };
}

/** The video's current picture, at its size. */
export function snapshot(video: HTMLVideoElement): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  canvas.getContext('2d')?.drawImage(video, 0, 0);
  return canvas;
}

/** Times the session's people check (one warm-up call, then 5) on a camera picture, with the detector stopped. */
export async function timePeopleChecks(video: HTMLCanvasElement): Promise<number[]> {
  const counter = await createPeopleCounter();
  try {
    await counter.scores(video);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await counter.scores(video);
      times.push(performance.now() - t0);
    }
    return times;
  } finally {
    counter.dispose();
  }
}
