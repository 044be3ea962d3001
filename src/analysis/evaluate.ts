/** Compares a counting report with ground truth counted by eye. Pure. */
import type { CountingReport, ExerciseId, HoldRecord } from '../exercises/types.ts';

export interface ClipLabel {
  readonly track: string;
  readonly exercise: ExerciseId;
  readonly reps: number;
  /** Holds as the manifest gives them; `reachedS` is where frames show the end position reached, when the
   * manifest's start is earlier (it often marks where the movement towards it begins). */
  readonly holds?: readonly {
    readonly startS: number;
    readonly endS: number;
    readonly reachedS?: number;
    readonly reachedBy?: string;
  }[];
  readonly negative?: boolean;
  readonly note?: string;
  /** Why the engine is known to disagree with this label (shown by eval, relaxes the boundary test). */
  readonly knownMiss?: string;
  /** Indexes of labelled holds that the known miss loses altogether. */
  readonly holdsMissed?: readonly number[];
}

export interface ClipResult {
  readonly track: string;
  readonly exercise: ExerciseId;
  readonly expected: number;
  readonly counted: number;
  readonly exact: boolean;
  readonly negative: boolean;
  /** One entry per expected hold: the errors of the best-overlapping detected hold, or null when none overlaps. The
   * start error is from where the end position was reached (reachedS, else the manifest's start); manifestStartErrS
   * is from the manifest's start. */
  readonly holdErrors: readonly ({
    readonly startErrS: number;
    readonly endErrS: number;
    readonly manifestStartErrS: number;
  } | null)[];
}

function overlapS(a: { startS: number; endS: number }, b: HoldRecord): number {
  return Math.max(0, Math.min(a.endS, b.endS) - Math.max(a.startS, b.startS));
}

export function evaluateClip(label: ClipLabel, report: CountingReport): ClipResult {
  const holdErrors = (label.holds ?? []).map((h) => {
    const best = [...report.holds].sort((x, y) => overlapS(h, y) - overlapS(h, x))[0];
    if (!best || overlapS(h, best) <= 0) return null;
    return {
      startErrS: best.startS - (h.reachedS ?? h.startS),
      endErrS: best.endS - h.endS,
      manifestStartErrS: best.startS - h.startS,
    };
  });
  return {
    track: label.track,
    exercise: label.exercise,
    expected: label.reps,
    counted: report.repCount,
    exact: report.repCount === label.reps,
    negative: label.negative ?? false,
    holdErrors,
  };
}

export interface EvalTotals {
  readonly stretchClips: number;
  readonly exactRate: number;
  readonly offByOneRate: number;
  readonly holdsExpected: number;
  readonly holdsMatched: number;
  readonly meanHoldBoundaryErrS: number;
  readonly boundariesWithinHalfS: number;
  readonly negatives: number;
  readonly negativesZero: number;
}

export function summarize(rows: readonly ClipResult[]): EvalTotals {
  const stretch = rows.filter((r) => !r.negative);
  const neg = rows.filter((r) => r.negative);
  const errs = stretch.flatMap((r) => r.holdErrors);
  const matched = errs.filter((e): e is NonNullable<typeof e> => e !== null);
  const bounds = matched.flatMap((e) => [Math.abs(e.startErrS), Math.abs(e.endErrS)]);
  return {
    stretchClips: stretch.length,
    exactRate: stretch.length ? stretch.filter((r) => r.exact).length / stretch.length : 0,
    offByOneRate: stretch.length
      ? stretch.filter((r) => Math.abs(r.counted - r.expected) <= 1).length / stretch.length
      : 0,
    holdsExpected: errs.length,
    holdsMatched: matched.length,
    meanHoldBoundaryErrS: bounds.length ? bounds.reduce((a, b) => a + b, 0) / bounds.length : 0,
    boundariesWithinHalfS: bounds.filter((b) => b <= 0.5).length,
    negatives: neg.length,
    negativesZero: neg.filter((r) => r.counted === 0).length,
  };
}
