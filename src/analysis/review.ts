/**
 * What the video review shows after a recording has been counted: a headline, each rep and hold with its time (to
 * jump to) and the spans the engine could not judge, in words. Pure.
 */
import { checkWords } from '../coach/form-cues.ts';
import type { CheckId } from '../exercises/checks/types.ts';
import type { CountingReport, ExerciseDefinition, NotJudgedReason } from '../exercises/types.ts';
import { formatDepth } from '../sessions/session-view.ts';

export interface ReviewItem {
  /** Where to jump to in the video, seconds. */
  readonly startS: number;
  readonly text: string;
  /** The form faults found in it, in words ("You are up on straight arms."). */
  readonly faults: readonly string[];
}

export interface Review {
  readonly headline: string;
  readonly reps: readonly ReviewItem[];
  readonly holds: readonly ReviewItem[];
  /** Not-judged time per reason, longest first, e.g. "12.4 s: not in the start position". */
  readonly notJudged: readonly string[];
  /** Each form fault found, in time order, with where to jump to: "0:04.9–0:10.2: You are up on straight arms.
   * Come down onto your forearms, elbows under your shoulders." */
  readonly faults: readonly ReviewItem[];
}

/** Why a span was not judged, in words. */
export const NOT_JUDGED_WORDS: Record<NotJudgedReason, string> = {
  'no-person': 'nobody in the picture',
  'low-visibility': 'the joints it needs were not seen clearly',
  'out-of-frame': 'part of the body was out of the picture',
  'wrong-view': 'filmed from the wrong side for this stretch',
  'not-in-start-position': 'not in the start position',
  'implausible-pose': 'the detection was unreliable (title cards, blur, cuts)',
};

/** m:ss.s */
export function clock(s: number): string {
  const tenths = Math.round(s * 10);
  const m = Math.floor(tenths / 600);
  return `${m}:${((tenths - m * 600) / 10).toFixed(1).padStart(4, '0')}`;
}

const sideText = (side: string | undefined) => (side ? `, ${side}` : '');

export function reviewOf(report: CountingReport, def: ExerciseDefinition): Review {
  const target = def.targets.holdS?.min;
  const words = (ids: readonly CheckId[] | undefined) => (ids ?? []).map((id) => checkWords(def, id)?.fault ?? id);
  const reps = report.reps.map((r) => ({
    startS: r.startS,
    faults: words(r.faults),
    text: `${clock(r.startS)}–${clock(r.endS)}${sideText(r.side)}: ${def.signal.label} ${formatDepth(r.peakDepth, def.signal.unit)}`,
  }));
  const holds = report.holds.map((h) => ({
    startS: h.startS,
    faults: words(h.faults),
    text: `${clock(h.startS)}–${clock(h.endS)}${sideText(h.side)}: held ${h.heldS.toFixed(1)} s${target !== undefined && h.heldS < target ? ` (under the ${target} s target)` : ''}`,
  }));
  const byReason = new Map<NotJudgedReason, number>();
  for (const s of report.notJudged) byReason.set(s.reason, (byReason.get(s.reason) ?? 0) + s.endS - s.startS);
  const notJudged = [...byReason]
    .sort((a, b) => b[1] - a[1])
    .map(([reason, s]) => `${s.toFixed(1)} s: ${NOT_JUDGED_WORDS[reason]}`);
  const n = report.repCount;
  const plural = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
  const counted =
    def.kind === 'reps'
      ? plural(n, 'rep')
      : def.kind === 'sequence'
        ? plural(n, 'cycle')
        : `${plural(n, 'hold')} counted`;
  const headline =
    def.kind !== 'reps' && holds.length !== n ? `${counted} (${plural(holds.length, 'hold')} found)` : counted;
  const faults = report.faults.map((f) => {
    const w = checkWords(def, f.check);
    return {
      startS: f.startS,
      text: `${clock(f.startS)}–${clock(f.endS)}${sideText(f.side)}: ${w ? `${w.fault} ${w.cue}` : f.check}`,
      faults: [w?.fault ?? f.check],
    };
  });
  return { headline, reps, holds, notJudged, faults };
}
