/** Progress of a file analysis, for the page and the command line alike (pure). */

export interface AnalysisProgress {
  readonly done: number;
  readonly total: number;
  /** 0..1 */
  readonly fraction: number;
  /** Seconds left at the rate so far; null until a few frames have been timed. */
  readonly secondsLeft: number | null;
}

/** Frames timed before a time-left estimate is shown: the first frames include the detector's warm-up. */
const FRAMES_BEFORE_ESTIMATE = 5;

/** Progress after `done` of `total` frames, `elapsedMs` after the first frame started. */
export function analysisProgress(done: number, total: number, elapsedMs: number): AnalysisProgress {
  const safeTotal = Math.max(total, done, 1);
  const left = safeTotal - done;
  return {
    done,
    total: safeTotal,
    fraction: done / safeTotal,
    secondsLeft: done >= FRAMES_BEFORE_ESTIMATE ? Math.round(((elapsedMs / done) * left) / 1000) : null,
  };
}

/** "120 / 264 frames, 0:42 left" */
export function formatProgress(p: AnalysisProgress): string {
  const left = p.secondsLeft === null ? '' : `, ${formatClock(p.secondsLeft)} left`;
  return `${p.done} / ${p.total} frames${left}`;
}

/** Seconds as m:ss (h:mm:ss from an hour). */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return hh > 0 ? `${hh}:${String(mm).padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}
