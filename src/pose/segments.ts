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

/** Segments per worker, taken from a queue: a worker whose segments go faster (frames without a person are detected
 * in about a third of the time) takes the next one, so the workers end within about a third of a share of each other.
 * On adaptx/pelvic_tilt.mp4, empty for its first half, one segment per worker left one worker idle for a third of the
 * run (README, Performance). */
export const SEGMENTS_PER_WORKER = 3;

/** Frames detected before a segment and thrown away (3 frames at the default 10 fps): the first frame after a reset
 * finds the person afresh, the next ones track. A longer lead does not bring the poses closer to one pass: the
 * tracking never falls back onto that run's exact regions (README, Performance). */
export const LEAD_MS = 300;

/**
 * Splits `durationS` seconds for `workers` workers: one segment when there is one worker; else a multiple of
 * `workers` equal segments (so that equally fast segments end together), up to SEGMENTS_PER_WORKER each, of at least
 * MIN_SEGMENT_S; fewer segments than workers when the file is too short for one each.
 */
export function planSegments(durationS: number, workers: number): Segment[] {
  const w = Math.max(1, Math.floor(workers));
  const fit = Math.floor(durationS / MIN_SEGMENT_S);
  const perWorker = Math.min(SEGMENTS_PER_WORKER, Math.floor(fit / w));
  const n = w === 1 ? 1 : Math.max(1, perWorker > 0 ? perWorker * w : Math.min(w, fit));
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
