import type { Backend, ModelType, PoseFrame } from './types.ts';

/** What the live and video screens publish on `window.__spinePose` for end-to-end tests and `npm run analyze`. */
export interface PoseProbe {
  backend: Backend | null;
  model: ModelType | null;
  /** Frames analysed so far, and how many of them had a person. */
  frames: number;
  framesWithPose: number;
  last: PoseFrame | null;
  /** ms from the screen starting (camera / file open) to the first frame with a person. */
  firstPoseMs: number | null;
  detectorMs: number[];
  error: string | null;
  done: boolean;
}

declare global {
  interface Window {
    __spinePose?: PoseProbe;
  }
}

/** Resets and returns the page's probe. */
export function resetProbe(): PoseProbe {
  const probe: PoseProbe = {
    backend: null,
    model: null,
    frames: 0,
    framesWithPose: 0,
    last: null,
    firstPoseMs: null,
    detectorMs: [],
    error: null,
    done: false,
  };
  window.__spinePose = probe;
  return probe;
}

/** Records one analysed frame in the probe (keeps the last 500 detector times). */
export function recordFrame(probe: PoseProbe, frame: PoseFrame, detectorMs: number, startMs: number): void {
  probe.frames++;
  probe.last = frame;
  probe.detectorMs.push(detectorMs);
  if (probe.detectorMs.length > 500) probe.detectorMs.shift();
  if (frame.landmarks) {
    probe.framesWithPose++;
    probe.firstPoseMs ??= performance.now() - startMs;
  }
}
