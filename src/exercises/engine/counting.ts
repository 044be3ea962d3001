/** Drives the counter a spec names and turns its output into the contract's events, records and summary. */
import type { BodyFeatures } from '../../motion/features.ts';
import type { EngineEvent, ExerciseDefinition, NotJudgedReason, RepRecord, Side, TrackerOptions, TrackerUpdate } from '../types.ts';
import { CycleCounter } from './cycle-counter.ts';
import { HoldTimer, type HoldTimerEvent } from './hold-timer.ts';
import { RepCounter } from './rep-counter.ts';
import { SideBook } from './side-book.ts';
import type { ExerciseSpec, HoldSpec, RepCounterSpec } from './spec.ts';

export interface CountingInput {
  readonly depth: number | null;
  readonly side: Side | null;
  readonly features: BodyFeatures | null;
  readonly tMs: number;
  readonly reason: NotJudgedReason | null;
}

export type CountingSummary = Pick<TrackerUpdate, 'repCount' | 'repsBySide' | 'nextSide' | 'hold' | 'sequence'>;

export interface Counting {
  /** Returns the depth to report when it differs from the measured one (cycles report distance from neutral). */
  step(input: CountingInput, events: EngineEvent[]): { depth: number | null } | null;
  summary(): CountingSummary;
  finish(tMs: number, events: EngineEvent[]): void;
}

const s = (ms: number) => Math.round(ms) / 1000;

/** Confidence of a counted movement: how well the body was seen, and how clearly the target was passed. */
export function movementConfidence(meanVisibility: number, peak: number, enter: number, exit: number): number {
  const clarity = Math.max(0, Math.min(1, (peak - exit) / Math.max(1e-6, 2 * (enter - exit))));
  return Math.round(Math.min(1, meanVisibility) * (0.6 + 0.4 * clarity) * 100) / 100;
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

function holdTargetMs(def: ExerciseDefinition, options: TrackerOptions): number {
  return 1000 * (options.holdTargetS ?? def.targets.holdS?.min ?? 0);
}

/** Turns hold-timer events into engine events; returns a finished hold's record when it counts. */
class HoldReporter {
  #visSum = 0;
  #visN = 0;
  #side: Side | null = null;
  constructor(
    readonly timer: HoldTimer,
    readonly spec: HoldSpec,
    readonly targetMs: number,
    /** Called with each hold that lasted the target time. */
    readonly onComplete: (rep: RepRecord, tMs: number, events: EngineEvent[]) => void,
  ) {}

  step(depth: number | null, side: Side | null, vis: number, tMs: number, reason: NotJudgedReason | null, events: EngineEvent[]): HoldTimerEvent[] {
    const out = this.timer.step(depth, tMs);
    if (this.timer.state && depth !== null) {
      this.#visSum += vis;
      this.#visN++;
      this.#side ??= side;
    }
    for (const e of out) this.#emit(e, reason, events);
    return out;
  }

  finish(tMs: number, events: EngineEvent[]): void {
    for (const e of this.timer.finish(tMs)) this.#emit(e, null, events);
  }

  #emit(e: HoldTimerEvent, reason: NotJudgedReason | null, events: EngineEvent[]): void {
    if (e.type === 'started') {
      this.#visSum = 0;
      this.#visN = 0;
      this.#side = null;
      events.push({ type: 'hold-started', tMs: e.tMs });
    } else if (e.type === 'paused') events.push({ type: 'hold-paused', tMs: e.tMs, reason: e.why === 'lost' ? (reason ?? 'low-visibility') : 'left-position' });
    else if (e.type === 'resumed') events.push({ type: 'hold-resumed', tMs: e.tMs });
    else if (e.endMs - e.startMs >= this.spec.minReportMs) {
      const side = this.#side ?? undefined;
      const confidence = movementConfidence(this.#visN ? this.#visSum / this.#visN : 0, e.peakDepth, this.spec.enterDepth, this.spec.exitDepth);
      const hold = { startS: s(e.startMs), endS: s(e.endMs), side, heldS: s(e.heldMs), peakDepth: round1(e.peakDepth), confidence };
      events.push({ type: 'hold-ended', tMs: e.endMs, hold });
      if (e.heldMs >= this.targetMs) {
        const rep: RepRecord = { startS: hold.startS, endS: hold.endS, side, peakDepth: hold.peakDepth, confidence };
        this.onComplete(rep, e.endMs, events);
      } else events.push({ type: 'rep-rejected', tMs: e.endMs, reason: 'hold-too-short', side, peakDepth: hold.peakDepth });
    }
  }

  summaryHold(): CountingSummary['hold'] {
    const st = this.timer.state;
    return st ? { elapsedMs: st.heldMs, targetMs: this.targetMs, paused: st.paused, side: this.#side } : null;
  }
}

export function round1(v: number): number {
  return Math.round(v * 10) / 10;
}

export function createCounting(spec: ExerciseSpec, options: TrackerOptions): Counting {
  const def = spec.definition;
  const book = new SideBook(def.targets);
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
        }
        if (counter.inRep) {
          visSum += vis(inp.features);
          visN++;
          if (rel > peak) {
            peak = rel;
            peakSide = inp.side;
          }
        }
        if (e?.type === 'rep') {
          const confidence = movementConfidence(visN ? visSum / visN : 0, e.peakDepth, rs.enterDepth, rs.exitDepth);
          book.count({ startS: s(e.startMs), endS: s(e.endMs), side: peakSide ?? undefined, peakDepth: round1(e.peakDepth), confidence }, e.endMs, events);
        } else if (e) events.push({ type: 'rep-rejected', tMs: e.tMs, reason: e.type, side: peakSide ?? undefined, peakDepth: round1(e.peakDepth) });
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
          const confidence = movementConfidence(vis(inp.features), e.peakDepth, Math.min(c.highDelta, c.lowDelta), 0);
          book.count({ startS: s(e.startMs), endS: s(e.endMs), peakDepth: Math.round(e.peakDepth * 100) / 100, confidence }, e.endMs, events);
        }
        return { depth: counter.depthOf(inp.depth) };
      },
      summary: () => ({ ...book.summary(), hold: null }),
      finish() {},
    };
  }

  if (c.type === 'hold') {
    const hs = adaptHold(c, cal);
    const holds = new HoldReporter(new HoldTimer(hs), hs, holdTargetMs(def, options), (rep, tMs, events) => book.count(rep, tMs, events));
    return {
      step(inp, events) {
        holds.step(inp.depth, inp.side, vis(inp.features), inp.tMs, inp.reason, events);
        return null;
      },
      summary: () => ({ ...book.summary(), hold: holds.summaryHold() }),
      finish: (tMs, events) => holds.finish(tMs, events),
    };
  }

  // sequence (back block): block hold, then knee to chest; a cycle is done when the knee hold completes
  const blockTarget = 1000 * (options.holdTargetS ?? def.targets.holdS?.min ?? 60);
  const kneeTarget = 5000; // the article's knee-to-chest hold after each block hold
  let blockDone = false;
  const block = new HoldReporter(new HoldTimer(c.block), c.block, blockTarget, () => (blockDone = true));
  const knees = new HoldReporter(new HoldTimer(c.knees), c.knees, kneeTarget, (rep, tMs, events) => book.count(rep, tMs, events));
  let stage: 'block-hold' | 'knee-to-chest' = 'block-hold';
  return {
    step(inp, events) {
      const f = inp.features;
      if (stage === 'block-hold') {
        const m = f ? c.block.measure(f) : null;
        block.step(m?.depth ?? null, null, vis(f), inp.tMs, inp.reason, events);
        // the knees come up while the pelvis is still on the block: once the block hold has had its time, it ends here
        const kneesUp = f ? c.knees.measure(f) : null;
        const st = block.timer.state;
        if (st && st.heldMs >= blockTarget && kneesUp && kneesUp.depth >= c.knees.enterDepth) block.finish(inp.tMs, events);
        if (blockDone) {
          blockDone = false;
          stage = 'knee-to-chest';
        }
        return { depth: m?.depth ?? null };
      }
      const m = f ? c.knees.measure(f) : null;
      const out = knees.step(m?.depth ?? null, null, vis(f), inp.tMs, inp.reason, events);
      if (out.some((e) => e.type === 'ended')) stage = 'block-hold';
      return { depth: m?.depth ?? null };
    },
    summary: () => ({
      ...book.summary(),
      hold: (stage === 'block-hold' ? block : knees).summaryHold(),
      sequence: { stage, cyclesDone: book.summary().repCount },
    }),
    finish: (tMs, events) => (stage === 'block-hold' ? block : knees).finish(tMs, events),
  };
}
