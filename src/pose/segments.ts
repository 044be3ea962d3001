/**
 * Splitting a file's analysis into time segments that detectors in parallel workers analyse side by side (pure).
 *
 * BlazePose tracks: each frame's region of interest comes from the previous frame's landmarks, so a frame's pose
 * depends on the frames before it. A segment therefore starts its detector `leadMs` before its own first frame and
 * throws those lead poses away: by the segment's first frame the detector tracks the person rather than finding them
 * afresh. A segment's poses depend only on the segment (its detector is reset at its start), not on which worker ran
 * it or what ran before; the plan depends only on the file's duration and the number of workers, so the same file on
 * the same machine always gives the same segments, and so the same report.
 */

/** One worker's share: the frames whose start time is in [startMs, endMs), analysed from `startMs - leadMs`. */
export interface Segment {
  readonly startMs: number;
  /** Exclusive; Infinity for the last segment (it also takes the file's tail). */
  readonly endMs: number;
  /** Frames analysed before `startMs` to settle the tracking, their poses discarded (0 for the first segment). */
  readonly leadMs: number;
}

/** The shortest segment worth its own detector: its lead (LEAD_MS) is then at most a twentieth of its frames. */
export const MIN_SEGMENT_S = 6;

/** Frames detected before a segment and thrown away (3 frames at the default 10 fps): the first frame after a reset
 * finds the person afresh, the next ones track. The tracking never falls back onto one pass's exact regions, so a
 * longer lead buys little: on sphinx split in 4, its later segments' landmarks were a median 3.0 px (95th percentile
 * 7.4 px) from one pass with this lead, 2.8 px (5.3 px) with 1 s. */
export const LEAD_MS = 300;

/**
 * Splits `durationS` seconds into one equal segment per worker, each at least MIN_SEGMENT_S long (fewer segments
 * than workers when the file is too short). Also tried on 2026-12-03, three segments per worker taken from a queue:
 * adaptx/pelvic_tilt.mp4 (a person in half of its frames) ran at 1.23-1.30x against 1.06-1.22x with one
 * each, but sphinx at 1.62-1.97x against 2.18-2.21x: every segment starts a decoding worker, a decoder from a key
 * frame and a lead, and every start makes the poses after it differ a little from one pass.
 */
export function planSegments(durationS: number, workers: number): Segment[] {
  const n = Math.max(1, Math.min(Math.floor(workers), Math.floor(durationS / MIN_SEGMENT_S)));
  const lengthMs = (durationS * 1000) / n;
  return Array.from({ length: n }, (_, i) => ({
    startMs: i === 0 ? 0 : Math.round(i * lengthMs),
    endMs: i === n - 1 ? Infinity : Math.round((i + 1) * lengthMs),
    leadMs: i === 0 ? 0 : LEAD_MS,
  }));
}

/** Whether a frame starting at `tMs` is one of the segment's own (not its lead). */
export function inSegment(s: Segment, tMs: number): boolean {
  return tMs >= s.startMs && tMs < s.endMs;
}

/**
 * The analysis so far as one run from the start of the file: every finished segment's frames in order, up to and
 * including the first unfinished segment's frames (later segments' frames, which leave a gap, are dropped). What a
 * cancelled analysis keeps: "the first m:ss".
 */
export function contiguousFrames<T>(perSegment: readonly (readonly T[])[], finished: readonly boolean[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < perSegment.length; i++) {
    out.push(...(perSegment[i] ?? []));
    if (!finished[i]) break;
  }
  return out;
}
