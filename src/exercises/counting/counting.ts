/** Drives the counter a spec names and turns its output into the contract's events, records and summary. */
import type { BodyFeatures } from '../../motion/features.ts';
import type {
  EngineEvent,
  ExerciseDefinition,
  NotJudgedReason,
  Side,
  TrackerOptions,
  TrackerUpdate,
} from '../types.ts';
import { CycleCounter } from './cycle-counter.ts';
import { HoldTimer } from './hold-timer.ts';
import { HoldReporter, movementConfidence, round1, s } from './hold-reporter.ts';
import { createSequenceCounting } from './sequence-counting.ts';
import { RepCounter } from './rep-counter.ts';
import { SideBook, type RepGate } from './side-book.ts';
import type { ExerciseSpec, HoldSpec, RepCounterSpec } from './spec.ts';

export interface CountingInput {
  readonly depth: number | null;
  readonly side: Side | null;
  readonly features: BodyFeatures | null;
  readonly tMs: number;
  readonly reason: NotJudgedReason | null;
  /** Whether the body is in the stretch's start position this frame (null when it cannot be told). */
  readonly inStartPosition: boolean | null;
  /** A form fault stops the hold timer this frame (strict form, a pause-hold check). */
  readonly formPause?: boolean;
}

export type CountingSummary = Pick<TrackerUpdate, 'repCount' | 'repsBySide' | 'nextSide' | 'hold' | 'sequence'>;

export interface Counting {
  /** Returns the depth to report when it differs from the measured one (cycles report distance from neutral). */
  step(input: CountingInput, events: EngineEvent[]): { depth: number | null } | null;
  summary(): CountingSummary;
  finish(tMs: number, events: EngineEvent[]): void;
}

function calibratedDepth(options: TrackerOptions): number | undefined {
  const c = options.calibratedDepth;
  if (!c) return undefined;
  const values = [c.none, c.left, c.right].filter((v): v is number => typeof v === 'number' && v > 0);
  return values.length ? Math.min(...values) : undefined;
}

/** A person with a small comfortable range still gets counted: the target is capped at 70 % of their range (also for
 * baseline-relative signals, whose calibrated depth is measured above the same baseline: lying tilts of 3-5 degrees on
 * adaptx/pelvic_tilt count with a calibration of 4). */
function adaptReps(spec: RepCounterSpec, cal: number | undefined): RepCounterSpec {
  if (cal === undefined) return spec;
  return { ...spec, enterDepth: Math.min(spec.enterDepth, 0.7 * cal), exitDepth: Math.min(spec.exitDepth, 0.4 * cal) };
}

/** Holds start at 80 % of the calibrated range at most, and end below 60 % of it. */
function adaptHold(spec: HoldSpec, cal: number | undefined): HoldSpec {
  if (cal === undefined) return spec;
  return { ...spec, enterDepth: Math.min(spec.enterDepth, 0.8 * cal), exitDepth: Math.min(spec.exitDepth, 0.6 * cal) };
}

/** The depth a rep or hold must reach to count, after the calibration adapts it, in the signal's unit; null for the
 * counters that count swings between extremes (cat/camel) or stages on two signals (back block). */
export function targetDepth(spec: ExerciseSpec, options: TrackerOptions = {}): number | null {
  const c = spec.counter;
  const cal = calibratedDepth(options);
  if (c.type === 'reps') return adaptReps(c, cal).enterDepth;
  if (c.type === 'hold') return adaptHold(c, cal).enterDepth;
  return null;
}

function holdTargetMs(def: ExerciseDefinition, options: TrackerOptions): number {
  return 1000 * (options.holdTargetS ?? def.targets.holdS?.min ?? 0);
}

export function createCounting(spec: ExerciseSpec, options: TrackerOptions, gate?: RepGate): Counting {
  const def = spec.definition;
  const book = new SideBook(def.targets, gate);
  const cal = calibratedDepth(options);
  const c = spec.counter;
  const vis = (f: BodyFeatures | null) => f?.coreVisibility ?? 0;

  if (c.type === 'reps') {
    const rs = adaptReps(c, cal);
    const counter = new RepCounter(rs);
    let visSum = 0;
    let visN = 0;
    let peakSide: Side | null = null;
    let peak = -Infinity;
    let outOfPositionN = 0;
    return {
      step(inp, events) {
        if (inp.depth === null) return null;
        const wasIn = counter.inRep;
        const e = counter.step(inp.depth, inp.tMs);
        const rel = counter.relative(inp.depth);
        if (!wasIn && counter.inRep) {
          visSum = 0;
          visN = 0;
          peak = -Infinity;
          peakSide = null;
          outOfPositionN = 0;
        }
        if (counter.inRep) {
          visSum += vis(inp.features);
          visN++;
          if (inp.inStartPosition === false) outOfPositionN++;
          if (rel > peak) {
            peak = rel;
            peakSide = inp.side;
          }
        }
        if (e?.type === 'rep' && rs.stayInPosition && outOfPositionN > visN / 2) return { depth: rel };
        if (e?.type === 'rep') {
          const confidence = movementConfidence(visN ? visSum / visN : 0, e.peakDepth, rs.enterDepth, rs.exitDepth);
          book.count(
            {
              startS: s(e.startMs),
              endS: s(e.endMs),
              side: peakSide ?? undefined,
              peakDepth: round1(e.peakDepth),
              confidence,
            },
            e.endMs,
            events,
          );
        } else if (e)
          events.push({
            type: 'rep-rejected',
            tMs: e.tMs,
            reason: e.type,
            side: peakSide ?? undefined,
            peakDepth: round1(e.peakDepth),
          });
        return { depth: rel };
      },
      summary: () => ({ ...book.summary(), hold: null }),
      finish() {},
    };
  }

  if (c.type === 'cycle') {
    const counter = new CycleCounter(c);
    return {
      step(inp, events) {
        if (inp.depth === null) return null;
        const e = counter.step(inp.depth, inp.tMs);
        if (e) {
          const confidence = movementConfidence(vis(inp.features), e.peakDepth, c.swing, 0);
          book.count(
            { startS: s(e.startMs), endS: s(e.endMs), peakDepth: Math.round(e.peakDepth * 100) / 100, confidence },
            e.endMs,
            events,
          );
        }
        return { depth: counter.depthOf(inp.depth) };
      },
      summary: () => ({ ...book.summary(), hold: null }),
      finish() {},
    };
  }

  if (c.type === 'hold') {
    const hs = adaptHold(c, cal);
    const holds = new HoldReporter(new HoldTimer(hs), hs, holdTargetMs(def, options), (rep, tMs, events) =>
      book.count(rep, tMs, events),
    );
    return {
      step(inp, events) {
        if (inp.formPause) holds.timer.skip(inp.tMs);
        holds.step(inp.depth, inp.side, vis(inp.features), inp.tMs, inp.reason, events);
        return null;
      },
      summary: () => ({ ...book.summary(), hold: holds.summaryHold() }),
      finish: (tMs, events) => holds.finish(tMs, events),
    };
  }

  return createSequenceCounting(c, def, options, book, vis);
}
