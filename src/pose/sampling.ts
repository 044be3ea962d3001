/** Pure helpers for sampling a video file: which times to seek to, how far to scale the picture. */

/**
 * Seek targets (seconds) for sampling a clip of `durationS` at `fps` (0 = every frame of a `sourceFps` clip).
 * Targets sit in the middle of a source frame when the source rate is known, so a seek lands on that frame
 * unambiguously; the frame's own timestamp is its start, `frameStartS`.
 */
export function sampleTimesS(durationS: number, fps: number, sourceFps = 30, maxDurationS = Infinity): number[] {
  const step = fps > 0 ? 1 / fps : 1 / sourceFps;
  const end = Math.min(durationS, maxDurationS);
  const half = 0.5 / sourceFps;
  const out: number[] = [];
  for (let i = 0; ; i++) {
    const t = i * step + half;
    if (t >= end) break;
    out.push(Math.round(t * 1e6) / 1e6);
  }
  return out;
}

/** Start time (s) of the source frame on screen at time `tS`, for a clip of `sourceFps` frames per second. */
export function frameStartS(tS: number, sourceFps: number): number {
  return Math.floor(tS * sourceFps + 1e-6) / sourceFps;
}

/**
 * Size to feed the detector: the source scaled down so its longest side is at most `maxSide` (never up).
 * Per-frame time grows with input size (fromPixels and the crop dominate on the CPU paths, floor-poses.md);
 * BlazePose itself works on a 256x256 crop, so 640 px loses nothing a full-body shot needs.
 */
export function fitSize(width: number, height: number, maxSide = 640): [number, number] {
  const scale = Math.min(1, maxSide / Math.max(width, height, 1));
  return [Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale))];
}

/**
 * Chooses which decoded frames to analyse, in presentation order: the frame on screen at each sample time
 * `i / fps + half a source frame` (the same frames `sampleTimesS` + seeking picks, so tracks made either way
 * match), or every frame when `fps` is 0. Returns a function fed each frame's [start, end) in seconds, in order.
 * A frame that covers several sample times (fps above the source rate) is analysed once.
 */
export function frameSampler(
  fps: number,
  frameDurationS: number,
  maxDurationS = Infinity,
): (startS: number, endS: number) => boolean {
  const half = frameDurationS / 2;
  let i = 0;
  const next = () => i / fps + half;
  return (startS, endS) => {
    if (startS >= maxDurationS) return false;
    if (fps <= 0) return true;
    if (next() >= endS) return false;
    while (next() < endS) i++;
    return true;
  };
}

/** The part of a file to read: the sampled frames whose start time is in [fromMs, toMs) (a parallel worker's
 * segment with its lead, segments.ts); the sampling is the whole file's, so a frame is the same whichever part reads
 * it. */
export interface FrameRange {
  readonly fromMs: number;
  readonly toMs: number;
}

export const WHOLE_FILE: FrameRange = { fromMs: 0, toMs: Infinity };

/** A frame time in ms as the frames carry it: seconds rounded to the microsecond (the containers' time unit). */
export function frameTimeMs(tS: number): number {
  return Math.round(tS * 1e6) / 1e3;
}

/** Whether a frame starting at `tMs` is in `range`. */
export function inFrameRange(range: FrameRange, tMs: number): boolean {
  return tMs >= range.fromMs && tMs < range.toMs;
}

/** How many frames `frameSampler` will pick from a clip of `durationS` (for progress before decoding), of those
 * starting in `range`. */
export function sampledFrameCount(
  durationS: number,
  fps: number,
  sourceFps: number,
  maxDurationS = Infinity,
  range: FrameRange = WHOLE_FILE,
): number {
  return sampleTimesS(durationS, fps, sourceFps, maxDurationS).filter((tS) =>
    inFrameRange(range, frameTimeMs(frameStartS(tS, sourceFps))),
  ).length;
}
