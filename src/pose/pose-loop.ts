import type { PoseImage } from './create-detector.ts';

/** What the loop reads of a <video>: its readiness and its frame callbacks (a fake stands in for it in tests). */
export type LoopVideo = Pick<HTMLVideoElement, 'readyState' | 'requestVideoFrameCallback' | 'cancelVideoFrameCallback'>;

/**
 * Hands each new frame of a playing, rendered <video> (a camera) to `onFrame`, driven by requestVideoFrameCallback
 * (requestAnimationFrame where it is missing). A frame that arrives while the last `onFrame` promise is still pending
 * is skipped, so results never lag behind a queue of stale frames. `tMs` is the frame's media time (else the time
 * since the loop began, read from `nowMs`). Resolves when `signal` aborts; rejects with `onFrame`'s first failure.
 */
export function pumpVideoFrames(
  video: LoopVideo,
  onFrame: (image: PoseImage, tMs: number) => Promise<void>,
  signal: AbortSignal,
  nowMs: () => number = () => performance.now(),
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return resolve();
    let busy = false;
    let handle = 0;
    const t0 = nowMs();
    const hasRvfc = typeof video.requestVideoFrameCallback === 'function';
    const schedule = () => {
      if (signal.aborted) return;
      handle = hasRvfc ? video.requestVideoFrameCallback(tick) : requestAnimationFrame(() => tick(nowMs()));
    };
    const cancel = () => {
      if (hasRvfc) video.cancelVideoFrameCallback(handle);
      else cancelAnimationFrame(handle);
    };
    const tick = (now: DOMHighResTimeStamp, meta?: VideoFrameCallbackMetadata) => {
      schedule();
      if (busy || signal.aborted || video.readyState < 2) return;
      busy = true;
      onFrame(video as HTMLVideoElement, meta ? meta.mediaTime * 1000 : now - t0)
        .catch((e: unknown) => {
          cancel();
          reject(e instanceof Error ? e : new Error(String(e)));
        })
        .finally(() => (busy = false));
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
