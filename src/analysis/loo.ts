/**
 * Leave-one-clip-out: how each threshold follows from the footage tracks (a rule, not a judgement), how far every
 * clip's rest and end-range values sit from it, and whether every clip's verdict holds with the thresholds that the
 * other clips alone support. Pure; `npm run eval -- --loo` prints it.
 */
import type { CycleSpec, ExerciseSpec, HoldSpec, RepCounterSpec } from '../exercises/counting/spec.ts';
import { GenericTracker } from '../exercises/counting/tracker.ts';
import { raisedLeg } from '../exercises/defs/measures.ts';
import { getSpec } from '../exercises/registry.ts';
import type { ExerciseId } from '../exercises/types.ts';
import type { LandmarkTrack } from '../pose/types.ts';
import { countTrackWith } from './count-track.ts';
import { evaluateClip, type ClipLabel } from './evaluate.ts';

export interface Span {
  readonly startS: number;
  readonly endS: number;
  /** Which extreme of a cycle the span shows. */
  readonly extreme?: 'high' | 'low';
}

/** A label with the spans the thresholds are read from, where holds do not give them (reps, cycles). */
export interface LooLabel extends ClipLabel {
  /** Spans in the end position (the tucks of a tilt, the cow and the cat of a cycle). */
  readonly endRange?: readonly Span[];
  /** Spans at rest (between tilts, neutral tabletop). */
  readonly restRange?: readonly Span[];
}

export interface Sample {
  readonly tS: number;
  readonly v: number;
}

/** Margins under this fraction of the clip's own rest-to-end gap are flagged. */
export const THIN_MARGIN = 0.2;
/** Samples this close to the edges of a labelled span are left out (the eye's +-0.25 s, one frame more). */
const EDGE_S = 0.3;
/** Without a labelled rest span, rest is what lies this far outside every end-range span. */
const REST_GAP_S = 1.5;

function quantile(values: readonly number[], q: number): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.floor(q * s.length)))]!;
}

/** The signal the counter's thresholds are compared with, on every frame the tracker judged (`measure` replaces the
 * spec's own where that one caps or hides values for reasons other than depth). */
export function signalOf(track: LandmarkTrack, spec: ExerciseSpec, measure = spec.measure): Sample[] {
  const c = spec.counter;
  // a rep counter reports its own (baseline-relative) depth; any other counter is swapped for a hold timer that
  // never starts, so that the tracker reports the smoothed signal itself
  const probe: ExerciseSpec =
    c.type === 'reps'
      ? { ...spec, measure }
      : {
          ...spec,
          measure,
          counter: {
            type: 'hold',
            enterDepth: Infinity,
            exitDepth: -Infinity,
            settlePerS: 0,
            minReportMs: 0,
            graceMs: 0,
          },
        };
  const tracker = new GenericTracker(probe);
  const out: Sample[] = [];
  for (const frame of track.frames) {
    const u = tracker.step(frame);
    if (u.started && u.depth !== null) out.push({ tS: frame.tMs / 1000, v: u.depth });
  }
  return out;
}

const inside = (t: number, s: Span, edge: number) => t >= s.startS + edge && t <= s.endS - edge;

/** End-range spans of a label: its holds (from where the end position is reached) or its endRange. */
function endSpans(label: LooLabel): Span[] {
  if (label.endRange) return [...label.endRange];
  return (label.holds ?? []).map((h) => ({ startS: h.reachedS ?? h.startS, endS: h.endS }));
}

/** One clip's values for one threshold: where its rest sits and where its end range sits. */
export interface ClipValues {
  readonly rest: number | null;
  readonly end: number | null;
}

/** A threshold pair or value, with the rule that derives it from clips' values. */
export interface Derivation {
  readonly exercise: ExerciseId;
  /** The signal to read the values from, where the spec's own measure caps values (the single knee's "other leg
   * hidden" cap sits just under the entry depth and would read as rest and end range alike). */
  readonly signal?: ExerciseSpec['measure'];
  readonly name: string;
  /** How the value follows from the clips, in words (printed with the table). */
  readonly rule: string;
  readonly committed: (spec: ExerciseSpec) => number;
  /** The clip's rest and end-range values for this threshold. */
  readonly values: (label: LooLabel, samples: readonly Sample[]) => ClipValues;
  /** The value the given clips support, or null when they support none. */
  readonly derive: (clips: readonly ClipValues[]) => number | null;
  readonly apply: (spec: ExerciseSpec, value: number) => ExerciseSpec;
}

/** Rest: 90th percentile of the rest samples (labelled rest spans, else everything away from the end range; a
 * negative clip is rest throughout). End: 10th percentile inside the end-range spans. */
function levelValues(label: LooLabel, samples: readonly Sample[]): ClipValues {
  const vals = (pred: (t: number) => boolean) => samples.filter((s) => pred(s.tS)).map((s) => s.v);
  if (label.negative)
    return {
      rest: quantile(
        vals(() => true),
        0.9,
      ),
      end: null,
    };
  const ends = endSpans(label);
  const rest = label.restRange
    ? vals((t) => label.restRange!.some((s) => inside(t, s, 0)))
    : vals((t) => ends.every((s) => t < s.startS - REST_GAP_S || t > s.endS + REST_GAP_S));
  return {
    rest: quantile(rest, 0.9),
    end: quantile(
      vals((t) => ends.some((s) => inside(t, s, EDGE_S))),
      0.1,
    ),
  };
}

/** Clips that support a threshold: both values known and the end range clear of the rest (a clip whose end range
 * does not rise above its rest, like the lying tilts of adaptx/pelvic_tilt, supports no level at all). */
const positives = (clips: readonly ClipValues[]) =>
  clips.filter((c): c is { rest: number; end: number } => c.rest !== null && c.end !== null && c.end > c.rest);

/** The highest rest and the lowest end range of the clips, or null when none supports a level or when one clip's
 * end range lies below another's rest (no one value separates them all). */
function gap(clips: readonly ClipValues[]): { rest: number; end: number } | null {
  const p = positives(clips);
  if (!p.length) return null;
  const rest = Math.max(...p.map((c) => c.rest));
  const end = Math.min(...p.map((c) => c.end));
  return end > rest ? { rest, end } : null;
}

/** Entry: half-way between the highest rest and the lowest end range of the clips. */
function deriveEnter(clips: readonly ClipValues[]): number | null {
  const g = gap(clips);
  return g && (g.rest + g.end) / 2;
}

/** Exit: a quarter of the way from the highest rest to the lowest end range (half-way to the entry). */
function deriveExit(clips: readonly ClipValues[]): number | null {
  const g = gap(clips);
  return g && g.rest + (g.end - g.rest) / 4;
}

type Levelled = HoldSpec | RepCounterSpec;
const withCounter = (spec: ExerciseSpec, counter: Partial<Levelled> | Partial<CycleSpec>): ExerciseSpec =>
  ({ ...spec, counter: { ...spec.counter, ...counter } }) as ExerciseSpec;
const levelled = (spec: ExerciseSpec): Levelled => {
  if (spec.counter.type !== 'hold' && spec.counter.type !== 'reps') throw new Error('not a hold or rep counter');
  return spec.counter;
};

function levelDerivations(exercise: ExerciseId, signal?: ExerciseSpec['measure']): Derivation[] {
  const level = (name: 'enterDepth' | 'exitDepth', rule: string, derive: Derivation['derive']): Derivation => ({
    exercise,
    signal,
    name,
    rule,
    committed: (s) => levelled(s)[name],
    values: levelValues,
    derive,
    apply: (s, v) => withCounter(s, { [name]: v }),
  });
  return [
    level(
      'enterDepth',
      'half-way between the highest clip rest (p90) and the lowest clip end range (p10)',
      deriveEnter,
    ),
    level(
      'exitDepth',
      'a quarter of the way from the highest clip rest (p90) to the lowest clip end range (p10)',
      deriveExit,
    ),
  ];
}

/** Cycle swing. Rest: the largest one-sided excursion, from the neutral span's p10/p90 to the p90 of the high
 * extreme or the p10 of the low one. End: the smallest full swing, p10 of the high extreme to p90 of the low one. */
function cycleValues(label: LooLabel, samples: readonly Sample[]): ClipValues {
  const vals = (spans: readonly Span[], edge: number) =>
    samples.filter((s) => spans.some((x) => inside(s.tS, x, edge))).map((s) => s.v);
  if (label.negative) {
    // a negative swings at most from its lowest to its highest value
    const all = samples.map((s) => s.v);
    const lo = quantile(all, 0.05);
    const hi = quantile(all, 0.95);
    return { rest: lo === null || hi === null ? null : hi - lo, end: null };
  }
  const ends = label.endRange ?? [];
  const high = vals(
    ends.filter((s) => s.extreme === 'high'),
    EDGE_S,
  );
  const low = vals(
    ends.filter((s) => s.extreme === 'low'),
    EDGE_S,
  );
  const neutral = vals(label.restRange ?? [], 0);
  const [h10, h90, l10, l90, n10, n90] = [
    quantile(high, 0.1),
    quantile(high, 0.9),
    quantile(low, 0.1),
    quantile(low, 0.9),
    quantile(neutral, 0.1),
    quantile(neutral, 0.9),
  ];
  if ([h10, h90, l10, l90, n10, n90].some((v) => v === null)) return { rest: null, end: null };
  return { rest: Math.max(h90! - n10!, n90! - l10!), end: h10! - l90! };
}

const cycleSwing: Derivation = {
  exercise: 'cat-camel',
  name: 'swing',
  rule: 'half-way between the largest one-sided excursion from neutral and the smallest full swing of the clips',
  committed: (s) => (s.counter.type === 'cycle' ? s.counter.swing : NaN),
  values: cycleValues,
  derive: deriveEnter,
  apply: (s, v) => withCounter(s, { swing: v }),
};

/** Every threshold read off footage, with its rule. Stretches without positive footage (lumbar roll, nerve stretch,
 * back block) have no derivation: their thresholds come from published ranges, and their negatives are still run. */
export const DERIVATIONS: readonly Derivation[] = [
  ...levelDerivations('pelvic-tilt'),
  ...levelDerivations('single-knee-to-chest', raisedLeg),
  ...levelDerivations('knee-to-chest'),
  ...levelDerivations('prone-extension'),
  cycleSwing,
  ...levelDerivations('hip-flexor'),
  ...levelDerivations('ql-stretch'),
];

export interface MarginRow {
  readonly exercise: ExerciseId;
  readonly threshold: string;
  readonly clip: string;
  readonly negative: boolean;
  readonly rest: number | null;
  readonly end: number | null;
  readonly committed: number;
  /** (threshold - rest) and (end - threshold) as fractions of the clip's rest-to-end gap (for a negative, of the
   * positives' smallest gap); null where the clip has no such value. */
  readonly restMargin: number | null;
  readonly endMargin: number | null;
  /** The value the other clips alone support (null: no other clip with this stretch). */
  readonly looValue: number | null;
}

export interface LooVerdict {
  readonly clip: string;
  readonly exercise: ExerciseId;
  /** The thresholds the other clips support, or null when they support none (no other clip of the stretch, or
   * their rest and end ranges overlap). */
  readonly thresholds: Readonly<Record<string, number>> | null;
  readonly expected: number;
  readonly counted: number | null;
  readonly holdsFound: boolean | null;
  readonly ok: boolean | null;
}

export interface LooResult {
  readonly margins: readonly MarginRow[];
  readonly verdicts: readonly LooVerdict[];
}

const key = (l: LooLabel) => `${l.track}/${l.exercise}`;

/** Runs the leave-one-clip-out check over labelled clips; `load` reads a clip's track. */
export function leaveOneClipOut(labels: readonly LooLabel[], load: (track: string) => LandmarkTrack): LooResult {
  const margins: MarginRow[] = [];
  const verdicts: LooVerdict[] = [];
  const byExercise = new Map<ExerciseId, LooLabel[]>();
  for (const l of labels) byExercise.set(l.exercise, [...(byExercise.get(l.exercise) ?? []), l]);
  const tracks = new Map<string, LandmarkTrack>();
  const track = (name: string) => {
    if (!tracks.has(name)) tracks.set(name, load(name));
    return tracks.get(name)!;
  };
  for (const [exercise, clips] of byExercise) {
    const spec = getSpec(exercise);
    const ders = DERIVATIONS.filter((d) => d.exercise === exercise);
    const signals = new Map<string, Sample[]>();
    const valuesOf = (d: Derivation, c: LooLabel) => {
      const k = `${key(c)}/${d.signal ? d.name : ''}`;
      if (!signals.has(k)) signals.set(k, signalOf(track(c.track), spec, d.signal ?? spec.measure));
      return d.values(c, signals.get(k)!);
    };
    for (const d of ders) {
      const all = clips.map((c) => valuesOf(d, c));
      const gaps = positives(all).map((v) => v.end - v.rest);
      const refGap = gaps.length ? Math.min(...gaps) : null;
      const t = d.committed(spec);
      clips.forEach((c, i) => {
        const v = all[i]!;
        const gap = v.rest !== null && v.end !== null ? v.end - v.rest : refGap;
        const frac = (x: number | null) => (x === null || !gap ? null : x / gap);
        margins.push({
          exercise,
          threshold: d.name,
          clip: c.track,
          negative: c.negative ?? false,
          rest: v.rest,
          end: v.end,
          committed: t,
          restMargin: frac(v.rest === null ? null : t - v.rest),
          endMargin: frac(v.end === null ? null : v.end - t),
          looValue: d.derive(all.filter((_, j) => j !== i)),
        });
      });
    }
    for (const [i, c] of clips.entries()) {
      const others = clips.filter((_, j) => j !== i);
      const derived = ders.map((d) => [d.name, d.derive(others.map((o) => valuesOf(d, o)))] as const);
      const committedReport = countTrackWith(track(c.track), spec);
      if (!ders.length || derived.some(([, v]) => v === null)) {
        verdicts.push({
          clip: c.track,
          exercise,
          thresholds: null,
          expected: c.reps,
          counted: null,
          holdsFound: null,
          ok: null,
        });
        continue;
      }
      let s = spec;
      for (const [name, v] of derived) s = ders.find((d) => d.name === name)!.apply(s, v!);
      const report = countTrackWith(track(c.track), s);
      const holdsFound = evaluateClip(c, report).holdErrors.every((e) => e !== null);
      // a known miss must come out no further from its label than with the committed thresholds, and find the holds
      // it finds with them
      const off = (n: number) => Math.abs(n - c.reps);
      const ok = c.knownMiss
        ? off(report.repCount) <= off(committedReport.repCount) &&
          evaluateClip(c, report).holdErrors.every((e, h) => e !== null || (c.holdsMissed ?? []).includes(h))
        : report.repCount === c.reps && holdsFound;
      verdicts.push({
        clip: c.track,
        exercise,
        thresholds: Object.fromEntries(derived.map(([n, v]) => [n, v!])),
        expected: c.reps,
        counted: report.repCount,
        holdsFound,
        ok,
      });
    }
  }
  return { margins, verdicts };
}
