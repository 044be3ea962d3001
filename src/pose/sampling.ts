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
