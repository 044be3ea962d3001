/**
 * The review timeline of a counted recording (the video page and History's Watch): the depth signal over time, the
 * comfortable limit and the counting target as lines, a band per rep and hold, the spans not judged with their reason,
 * form faults, range stops and PAIN presses as markers, and a row per rep with its range and tempo. Pure: the
 * components draw it and seek to the times it names.
 */
import { checkWords } from '../coach/form-cues.ts';
import { targetDepth } from '../exercises/counting/counting.ts';
import type { ExerciseSpec } from '../exercises/counting/spec.ts';
import { getSpec } from '../exercises/registry.ts';
import type { CountingReport, ExerciseId, NotJudgedReason, Side, TrackerOptions } from '../exercises/types.ts';
import { median } from '../motion/stats.ts';
import type { LandmarkTrack } from '../pose/types.ts';
import { formatDepth } from '../sessions/session-view.ts';
import type { SideKey, StopRecord, StretchResult } from '../sessions/types.ts';
import { countTrackCurve, type DepthCurve } from './count-track.ts';
import { clock, NOT_JUDGED_WORDS } from './review.ts';

export interface TimelineBand {
  readonly kind: 'rep' | 'hold';
  /** 1-based, within its kind. */
  readonly n: number;
  readonly startS: number;
  readonly endS: number;
  readonly side: Side | null;
  /** A hold that lasted its target (it counted as a rep); reps always count. */
  readonly counted: boolean;
  /** "Rep 2, left: 14°" / "Hold 1, right: 20° held 8.2 s (under the 10 s target)" */
  readonly label: string;
}

export interface TimelineSpan {
  readonly startS: number;
  readonly endS: number;
  readonly reason: NotJudgedReason;
  /** "Not judged 0:01.0–0:03.4: nobody in the picture" */
  readonly label: string;
}

export type MarkerKind = 'fault' | 'over-range' | 'pain';

export interface TimelineMarker {
  readonly kind: MarkerKind;
  readonly tS: number;
  /** Faults last: where they end (the marker's start is where to seek). */
  readonly endS: number | null;
  readonly label: string;
}

export interface TimelineLine {
  readonly kind: 'limit' | 'target';
  readonly side: SideKey;
  readonly depth: number;
  /** "Comfortable limit, left: 105°" / "Counts from 12°" */
  readonly label: string;
}

/** One row of the per-rep table: a rep, or a hold (holds that did not last their target have no rep number). */
export interface RepRow {
  readonly rep: number | null;
  readonly startS: number;
  readonly endS: number;
  readonly side: string;
  /** Peak depth against the limit: "18° (limit 20°)", "23° (over the 20° limit)", "18°". */
  readonly range: string;
  readonly overLimit: boolean;
  /** "1.2 s out, 0.9 s back" for reps; "4.1 s a cycle" for cat/camel; "14.0 s in all" for holds. */
  readonly tempo: string;
  /** "8.2 s" for holds, "" for reps. */
  readonly held: string;
}

export interface Timeline {
  readonly durationS: number;
  readonly unit: 'deg' | 'ratio';
  readonly signalLabel: string;
  readonly curve: DepthCurve;
  /** One analysed frame, seconds (the median gap between frames): what the arrow keys step. */
  readonly frameS: number;
  /** The depth axis: the curve and the lines, with 10 % headroom. */
  readonly yMin: number;
  readonly yMax: number;
  readonly lines: readonly TimelineLine[];
  readonly bands: readonly TimelineBand[];
  readonly spans: readonly TimelineSpan[];
  readonly markers: readonly TimelineMarker[];
  readonly rows: readonly RepRow[];
  /** Stops that cannot be placed on this recording's time (recorded before recordings kept their session time). */
  readonly unplaced: readonly string[];
}

/** What a stored session adds to a recording: the limits in use, and its stops in session time. */
export interface SessionMarks {
  readonly calibrated: StretchResult['calibrated'];
  readonly stops: readonly StopRecord[];
  /** Session time of the recording's first frame, ms; null for recordings made before it was kept. */
  readonly recordingStartSessionMs: number | null;
}

export interface TimelineInput {
  readonly report: CountingReport;
  readonly curve: DepthCurve;
  readonly spec: ExerciseSpec;
  readonly durationS: number;
  readonly session?: SessionMarks | null;
}

/** The counting options a stored session's limits give (the session counted with them). */
export function sessionOptions(session: SessionMarks | null | undefined): TrackerOptions {
  const c = session?.calibrated;
  if (!c) return {};
  const calibratedDepth = Object.fromEntries(Object.entries(c).filter(([, v]) => typeof v === 'number'));
  return { calibratedDepth };
}

/** Counts a track (with a stored session's limits, as the session did) and lays out its timeline. */
export function countedTimeline(
  track: LandmarkTrack,
  exercise: ExerciseId,
  session?: SessionMarks | null,
): { readonly report: CountingReport; readonly timeline: Timeline } {
  const { report, curve } = countTrackCurve(track, exercise, sessionOptions(session));
  return {
    report,
    timeline: timelineOf({ report, curve, spec: getSpec(exercise), durationS: track.durationS, session }),
  };
}

const SIDE_WORD: Record<SideKey, string> = { left: 'left', right: 'right', none: '' };
const sideText = (side: Side | null | undefined) => (side ? `, ${side}` : '');

/** The limit that applies to a rep on `side`: its own side's, else the unsided one. */
function limitFor(c: StretchResult['calibrated'] | undefined, side: Side | undefined): number | null {
  if (!c) return null;
  return (side ? c[side] : null) ?? c.none ?? null;
}

/** Index of the curve's deepest judged point within [startS, endS], or -1. */
function peakIndex(curve: DepthCurve, startS: number, endS: number): number {
  let best = -1;
  for (let i = 0; i < curve.tS.length; i++) {
    const t = curve.tS[i]!;
    if (t < startS || t > endS || Number.isNaN(curve.depth[i])) continue;
    if (best < 0 || curve.depth[i]! > curve.depth[best]!) best = i;
  }
  return best;
}

function stopMarker(stop: StopRecord, startMs: number, unit: 'deg' | 'ratio'): TimelineMarker {
  const tS = (stop.sessionMs - startMs) / 1000;
  const at = clock(Math.max(0, tS));
  const label =
    stop.reason === 'pain'
      ? `${at}: PAIN pressed${stop.depth !== null ? ` at ${formatDepth(stop.depth, unit)}` : ''}`
      : `${at}: range stop, ${stop.depth !== null ? formatDepth(stop.depth, unit, 1) : 'past'} over the ${stop.limit !== null ? formatDepth(stop.limit, unit, 1) : ''} limit`;
  return { kind: stop.reason === 'pain' ? 'pain' : 'over-range', tS, endS: null, label };
}

export function timelineOf(input: TimelineInput): Timeline {
  const { report, curve, spec, durationS, session } = input;
  const def = spec.definition;
  const target = targetDepth(spec, sessionOptions(session));
  const cycles = spec.counter.type === 'cycle';
  const unit = def.signal.unit;
  const fmt = (v: number) => formatDepth(v, unit);
  const holdTarget = def.targets.holdS?.min;
  const calibrated = session?.calibrated;

  const lines: TimelineLine[] = [];
  for (const side of ['left', 'right', 'none'] as const) {
    const v = calibrated?.[side];
    if (typeof v === 'number')
      lines.push({
        kind: 'limit',
        side,
        depth: v,
        label: `Comfortable limit${side === 'none' ? '' : `, ${SIDE_WORD[side]}`}: ${fmt(v)}`,
      });
  }
  if (target !== null) lines.push({ kind: 'target', side: 'none', depth: target, label: `Counts from ${fmt(target)}` });

  const repStarts = new Map(report.reps.map((r, i) => [r.startS, i + 1]));
  const bands: TimelineBand[] =
    def.kind === 'reps'
      ? report.reps.map((r, i) => ({
          kind: 'rep',
          n: i + 1,
          startS: r.startS,
          endS: r.endS,
          side: r.side ?? null,
          counted: true,
          label: `Rep ${i + 1}${sideText(r.side)}: ${fmt(r.peakDepth)}`,
        }))
      : report.holds.map((h, i) => {
          const short = holdTarget !== undefined && h.heldS < holdTarget;
          return {
            kind: 'hold',
            n: i + 1,
            startS: h.startS,
            endS: h.endS,
            side: h.side ?? null,
            counted: repStarts.has(h.startS),
            label: `Hold ${i + 1}${sideText(h.side)}: ${fmt(h.peakDepth)}, held ${h.heldS.toFixed(1)} s${short ? ` (under the ${holdTarget} s target)` : ''}`,
          };
        });

  const spans = report.notJudged.map((s) => ({
    ...s,
    label: `Not judged ${clock(s.startS)}–${clock(s.endS)}: ${NOT_JUDGED_WORDS[s.reason]}`,
  }));

  const markers: TimelineMarker[] = report.faults.map((f) => ({
    kind: 'fault',
    tS: f.startS,
    endS: f.endS,
    label: `${clock(f.startS)}–${clock(f.endS)}${sideText(f.side)}: ${checkWords(def, f.check)?.fault ?? f.check}`,
  }));
  const unplaced: string[] = [];
  for (const stop of session?.stops ?? []) {
    const startMs = session?.recordingStartSessionMs;
    const m = typeof startMs === 'number' ? stopMarker(stop, startMs, unit) : null;
    // a stop a little past the last frame still belongs to this recording (the last frame kept is up to 0.1 s old)
    if (m && m.tS >= 0 && m.tS <= durationS + 1) markers.push({ ...m, tS: Math.min(m.tS, durationS) });
    else
      unplaced.push(
        `${stop.reason === 'pain' ? 'PAIN pressed' : 'Range stop'} in rep ${stop.rep}${stop.depth !== null ? ` at ${fmt(stop.depth)}` : ''}`,
      );
  }
  markers.sort((a, b) => a.tS - b.tS);

  const rows: RepRow[] = bands.map((b) => {
    const hold = b.kind === 'hold' ? report.holds[b.n - 1] : undefined;
    const peak = (hold ?? report.reps[b.n - 1])?.peakDepth ?? 0;
    const limit = limitFor(calibrated, b.side ?? undefined);
    const over = limit !== null && peak > limit;
    const range =
      limit === null
        ? fmt(peak)
        : over
          ? `${fmt(peak)} (over the ${fmt(limit)} limit)`
          : `${fmt(peak)} (limit ${fmt(limit)})`;
    const total = b.endS - b.startS;
    let tempo = `${total.toFixed(1)} s in all`;
    if (b.kind === 'rep' && cycles) tempo = `${total.toFixed(1)} s a cycle`;
    else if (b.kind === 'rep') {
      const p = peakIndex(curve, b.startS, b.endS);
      const peakS = p >= 0 ? curve.tS[p]! : b.startS + total / 2;
      tempo = `${(peakS - b.startS).toFixed(1)} s out, ${(b.endS - peakS).toFixed(1)} s back`;
    }
    const held = hold ? `${hold.heldS.toFixed(1)} s` : '';
    return {
      rep: b.kind === 'rep' ? b.n : (repStarts.get(b.startS) ?? null),
      startS: b.startS,
      endS: b.endS,
      side: b.side ?? '',
      range,
      overLimit: over,
      tempo,
      held,
    };
  });

  let lo = Infinity;
  let hi = -Infinity;
  for (const v of curve.depth)
    if (!Number.isNaN(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  for (const l of lines) {
    lo = Math.min(lo, l.depth);
    hi = Math.max(hi, l.depth);
  }
  if (!Number.isFinite(lo)) [lo, hi] = [0, 1];
  const pad = (hi - lo || Math.max(1, Math.abs(hi))) * 0.1;

  return {
    durationS,
    unit,
    signalLabel: def.signal.label,
    curve,
    frameS: median(Array.from(curve.tS.subarray(1), (s, i) => s - curve.tS[i]!)) || 0.1,
    yMin: lo - pad,
    yMax: hi + pad,
    lines,
    bands,
    spans,
    markers,
    rows,
    unplaced,
  };
}

/** Index of the time in `tMs` (ascending) nearest to `t`, -1 when empty: the analysed frame on screen at `t`. */
export function nearestIndex(tMs: ArrayLike<number>, t: number): number {
  const n = tMs.length;
  if (n === 0) return -1;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tMs[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && t - tMs[lo - 1]! <= tMs[lo]! - t ? lo - 1 : lo;
}

/** The time of the analysed frame one step before (-1) or after (+1) the one nearest `t`, clamped to the ends. */
export function stepFrame(tMs: ArrayLike<number>, t: number, dir: -1 | 1): number {
  const i = nearestIndex(tMs, t);
  if (i < 0) return t;
  return tMs[Math.min(tMs.length - 1, Math.max(0, i + dir))]!;
}
