import type { PoseFrame } from './types.ts';
import type { PoseDetector } from './create-detector.ts';

/**
 * Runs the detector on a playing <video> (camera or file), driven by requestVideoFrameCallback.
 * A frame that arrives while the detector is still busy is skipped, so results never lag behind a queue of stale
 * frames. `onTiming` receives each estimate's duration in ms. Resolves when `signal` aborts.
 */
export function runPoseLoop(
  video: HTMLVideoElement,
  engine: PoseDetector,
  onFrame: (frame: PoseFrame) => void,
  signal: AbortSignal,
  onTiming?: (detectorMs: number) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return resolve();
    let busy = false;
    let handle = 0;
    const t0 = performance.now();
    const hasRvfc = typeof video.requestVideoFrameCallback === 'function';
    const schedule = () => {
      if (signal.aborted) return;
      handle = hasRvfc ? video.requestVideoFrameCallback(tick) : requestAnimationFrame(() => tick(performance.now()));
    };
    const tick = (now: DOMHighResTimeStamp, meta?: VideoFrameCallbackMetadata) => {
      schedule();
      if (busy || signal.aborted || video.readyState < 2) return;
      busy = true;
      const tMs = meta ? meta.mediaTime * 1000 : now - t0;
      const start = performance.now();
      engine
        .estimate(video, tMs)
        .then((frame) => {
          if (signal.aborted) return;
          onTiming?.(performance.now() - start);
          onFrame(frame);
        })
        .catch((e: unknown) => {
          cancel();
          reject(e instanceof Error ? e : new Error(String(e)));
        })
        .finally(() => (busy = false));
    };
    const cancel = () => {
      if (hasRvfc) video.cancelVideoFrameCallback(handle);
      else cancelAnimationFrame(handle);
    };
    signal.addEventListener(
      'abort',
      () => {
        cancel();
        resolve();
      },
      { once: true },
    );
    schedule();
  });
}
