/**
 * Progress of one stretch within a session: reps and holds from the engine, the deepest depth per side, the
 * calibrated limits, stops. Pure helpers the session flow uses; `toResult` makes the stored record.
 */
import type { CheckId } from '../exercises/checks/types.ts';
import type { ExerciseDefinition, Side, TrackerUpdate } from '../exercises/types.ts';
import type { CalibrationRecord, Relief, SideKey, StopRecord, StretchResult } from './types.ts';

export type BySide<T> = { readonly left: T; readonly right: T; readonly none: T };

export interface StretchRun {
  readonly def: ExerciseDefinition;
  /** Session clock (ms) when the stretch began. */
  readonly startedMs: number;
  readonly reps: number;
  readonly repsBySide: { readonly left: number; readonly right: number };
  readonly holds: readonly { readonly side: SideKey; readonly heldS: number }[];
  readonly peak: BySide<number | null>;
  readonly limits: BySide<CalibrationRecord | null>;
  readonly stops: readonly StopRecord[];
  /** The last judged depth and its side, for the pain record. */
  readonly lastDepth: number | null;
  readonly lastSide: SideKey;
  /** Form faults found while counting, how many times each. */
  readonly faults: Partial<Record<CheckId, number>>;
  /** Reps counted before the engine tracker now running was started (a camera that came back, a restored draft):
   * the tracker counts from 0, the run goes on from here. */
  readonly countedBefore: { readonly total: number; readonly left: number; readonly right: number };
}

const NOTHING_COUNTED = { total: 0, left: 0, right: 0 } as const;

/** The sides a stretch is calibrated and measured on. */
export function sidesOf(def: ExerciseDefinition): readonly SideKey[] {
  return def.targets.sides === 'none' ? ['none'] : ['left', 'right'];
}

/** Maps an engine side to our key, for this stretch. */
export function sideKey(def: ExerciseDefinition, side: Side | null): SideKey {
  return def.targets.sides === 'none' || side === null ? 'none' : side;
}

/** A fresh run, with the stored calibrations of this stretch. */
export function newRun(
  def: ExerciseDefinition,
  startedMs: number,
  calibrations: readonly CalibrationRecord[],
): StretchRun {
  const find = (side: SideKey) => calibrations.find((c) => c.exercise === def.id && c.side === side) ?? null;
  return {
    def,
    startedMs,
    reps: 0,
    repsBySide: { left: 0, right: 0 },
    holds: [],
    peak: { left: null, right: null, none: null },
    limits: { left: find('left'), right: find('right'), none: find('none') },
    stops: [],
    lastDepth: null,
    lastSide: 'none',
    faults: {},
    countedBefore: NOTHING_COUNTED,
  };
}

/** The run with its counts so far carried over, for a fresh tracker that counts from 0. */
export function carryCounts(run: StretchRun): StretchRun {
  return { ...run, countedBefore: { total: run.reps, left: run.repsBySide.left, right: run.repsBySide.right } };
}

/** A run that goes on from a stored partial result (a restored draft), `nowMs` being the session clock now. */
export function resumedRun(run: StretchRun, r: StretchResult, nowMs: number): StretchRun {
  return carryCounts({
    ...run,
    startedMs: nowMs - r.durationS * 1000,
    reps: r.reps,
    repsBySide: r.repsBySide,
    holds: r.holds,
    peak: r.peakDepth,
    stops: r.stops,
    faults: r.faults ?? {},
  });
}

/** The tracker's update with the reps counted before it added: what the person has done in this stretch. */
export function withCountedBefore(run: StretchRun, u: TrackerUpdate): TrackerUpdate {
  const b = run.countedBefore;
  if (b.total === 0 && b.left === 0 && b.right === 0) return u;
  return {
    ...u,
    repCount: b.total + u.repCount,
    repsBySide: { left: b.left + u.repsBySide.left, right: b.right + u.repsBySide.right },
  };
}

/** True when every side this stretch needs has a calibration. */
export function isCalibrated(run: StretchRun): boolean {
  return sidesOf(run.def).every((s) => run.limits[s] !== null);
}

/** Folds one counting frame into the run (reps, holds, peaks). */
export function trackProgress(run: StretchRun, u: TrackerUpdate): StretchRun {
  const side = sideKey(run.def, u.side);
  const holds = [...run.holds];
  let faults = run.faults;
  for (const e of u.events) {
    if (e.type === 'hold-ended') holds.push({ side: sideKey(run.def, e.hold.side ?? null), heldS: e.hold.heldS });
    // faults before the start position is reached only say what keeps the person out of it
    else if (e.type === 'fault-started' && u.started) faults = { ...faults, [e.check]: (faults[e.check] ?? 0) + 1 };
  }
  const peak = u.depth === null ? run.peak : { ...run.peak, [side]: Math.max(run.peak[side] ?? -Infinity, u.depth) };
  return {
    ...run,
    reps: u.repCount,
    repsBySide: u.repsBySide,
    holds,
    faults,
    peak,
    lastDepth: u.depth ?? run.lastDepth,
    lastSide: u.depth === null ? run.lastSide : side,
  };
}

/** True once the stretch's targets are met: the minimum reps (per side where sided), holds or cycles. */
export function targetReached(run: StretchRun, u: TrackerUpdate | null): boolean {
  const t = run.def.targets;
  if (t.cycles && u?.sequence) return u.sequence.cyclesDone >= t.cycles.min;
  const perSide = t.sides !== 'none';
  const need = t.reps?.min ?? 1;
  if (!perSide) return run.reps >= need;
  return run.repsBySide.left >= need && run.repsBySide.right >= need;
}

/** The stored record of this stretch. */
export function toResult(run: StretchRun, nowMs: number, relief: Relief | null, pain: number | null): StretchResult {
  const lim = (s: SideKey) => run.limits[s]?.depth ?? null;
  return {
    exercise: run.def.id,
    reps: run.reps,
    repsBySide: run.repsBySide,
    holds: run.holds,
    peakDepth: run.peak,
    unit: run.def.signal.unit,
    calibrated: { left: lim('left'), right: lim('right'), none: lim('none') },
    stops: run.stops,
    relief,
    pain,
    durationS: Math.round((nowMs - run.startedMs) / 100) / 10,
    faults: run.faults,
  };
}
