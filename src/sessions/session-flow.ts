/**
 * The guided session as a reducer: routine -> for each stretch: intro (the article's steps) -> camera setup check ->
 * start position -> calibration (first time, or when asked) -> counting -> rating -> next; done. Stops (range past the
 * calibrated limit, or the PAIN button) interrupt a stretch and wait for one of the article's three choices.
 * Pure: the glue feeds it actions with its clock and performs the returned effects (speech, storage, new tracker).
 */
import type { ExerciseDefinition, TrackerUpdate } from '../exercises/types.ts';
import type { SetupVerdict } from '../coach/setup-check.ts';
import {
  acceptCalibration,
  calibrationConfig,
  INITIAL_CALIBRATION,
  stepCalibration,
  type CalibrationState,
} from './calibration.ts';
import { INITIAL_STOP_RULE, stepStopRule, stopLimit, stopRuleConfig, type StopRuleState } from './stop-rule.ts';
import {
  isCalibrated,
  newRun,
  sideKey,
  sidesOf,
  targetReached,
  toResult,
  trackProgress,
  type StretchRun,
} from './stretch-run.ts';
import {
  dayKey,
  type CalibrationRecord,
  type Relief,
  type SessionRecord,
  type SideKey,
  type StopChoice,
  type StopReason,
  type StretchResult,
} from './types.ts';
import { startFaultCue } from '../coach/form-cues.ts';

/** A session's id: its start time, which also names its recordings. */
export const sessionIdOf = (startedIso: string): string => `session-${startedIso}`;

export type Phase =
  'choose' | 'intro' | 'setup' | 'start-position' | 'calibrate' | 'counting' | 'stopped' | 'rating' | 'done';

/** The setup check must pass this long without a break before moving on (a person settling, not a lucky frame). */
const SETUP_OK_MS = 1000;

export interface SessionState {
  readonly phase: Phase;
  readonly routine: readonly ExerciseDefinition[];
  readonly index: number;
  readonly run: StretchRun | null;
  readonly results: readonly StretchResult[];
  readonly calibrations: readonly CalibrationRecord[];
  readonly marginPct: number;
  readonly startedMs: number;
  readonly startedIso: string;
  readonly setupOkSinceMs: number | null;
  /** Sides still to calibrate in this calibration step, first = current. */
  readonly calibSides: readonly SideKey[];
  readonly calib: CalibrationState;
  readonly stopRule: StopRuleState;
  /** Why the current stop happened (phase 'stopped'). */
  readonly stopReason: StopReason | null;
  /** After "change technique" the intro leads straight back to counting. */
  readonly retry: boolean;
  readonly update: TrackerUpdate | null;
}

export type Action =
  | {
      type: 'start';
      routine: readonly ExerciseDefinition[];
      calibrations: readonly CalibrationRecord[];
      marginPct: number;
      nowMs: number;
      nowIso: string;
    }
  | { type: 'begin'; nowMs: number }
  | { type: 'frame'; update: TrackerUpdate; setup: SetupVerdict; nowMs: number; nowIso: string }
  | { type: 'accept-calibration'; nowIso: string }
  | { type: 'recalibrate' }
  | { type: 'pain'; nowMs: number; nowIso: string }
  | { type: 'stop-choice'; choice: StopChoice }
  | { type: 'finish-stretch' }
  | { type: 'skip-stretch'; nowMs: number }
  | { type: 'rate'; relief: Relief; pain: number; nowMs: number };

export type Effect =
  | { type: 'say'; text: string }
  | { type: 'save-calibration'; record: CalibrationRecord }
  | { type: 'save-session'; record: SessionRecord }
  /** Start a fresh engine tracker for the current stretch, with these calibrated depths. */
  | { type: 'new-tracker'; def: ExerciseDefinition; calibratedDepth: { left?: number; right?: number; none?: number } };

export const INITIAL_SESSION: SessionState = {
  phase: 'choose',
  routine: [],
  index: 0,
  run: null,
  results: [],
  calibrations: [],
  marginPct: 15,
  startedMs: 0,
  startedIso: '',
  setupOkSinceMs: null,
  calibSides: [],
  calib: INITIAL_CALIBRATION,
  stopRule: INITIAL_STOP_RULE,
  stopReason: null,
  retry: false,
  update: null,
};

type Result = { state: SessionState; effects: Effect[] };
const same = (state: SessionState): Result => ({ state, effects: [] });

function trackerFor(run: StretchRun): Effect {
  const d = (s: SideKey) => run.limits[s]?.depth;
  const depth = { left: d('left'), right: d('right'), none: d('none') };
  return {
    type: 'new-tracker',
    def: run.def,
    calibratedDepth: Object.fromEntries(Object.entries(depth).filter(([, v]) => v !== undefined)),
  };
}

function startStretch(s: SessionState, index: number, nowMs: number): Result {
  const def = s.routine[index];
  if (!def) {
    const record: SessionRecord = {
      id: sessionIdOf(s.startedIso),
      startedIso: s.startedIso,
      day: dayKey(new Date(s.startedIso)),
      durationS: Math.round((nowMs - s.startedMs) / 1000),
      stretches: s.results,
    };
    return {
      state: { ...s, phase: 'done', run: null, index },
      effects: [
        { type: 'save-session', record },
        { type: 'say', text: 'Session done. Well done.' },
      ],
    };
  }
  const run = newRun(def, nowMs, s.calibrations);
  return {
    state: { ...s, phase: 'intro', index, run, retry: false, update: null, stopReason: null, setupOkSinceMs: null },
    effects: [trackerFor(run)],
  };
}

/** `fresh`: a new calibration was just recorded, so the engine restarts with targets adapted to it. */
function toCounting(s: SessionState, run: StretchRun, fresh: boolean): Result {
  const go: Effect = { type: 'say', text: 'Go ahead. Slowly.' };
  return {
    state: { ...s, phase: 'counting', run, stopRule: fresh ? INITIAL_STOP_RULE : s.stopRule },
    effects: fresh ? [trackerFor(run), go] : [go],
  };
}

function stopNow(
  s: SessionState,
  run: StretchRun,
  reason: StopReason,
  limit: number | null,
  nowMs: number,
  nowIso: string,
): Result {
  const stop = {
    exercise: run.def.id,
    reason,
    rep: run.reps + 1,
    side: run.lastSide,
    depth: run.lastDepth,
    limit,
    sessionMs: Math.round(nowMs - s.startedMs),
    atIso: nowIso,
    choice: null,
  };
  const text = reason === 'pain' ? 'Stopped. Rest a moment.' : 'Stop. That is past your comfortable range.';
  return {
    state: { ...s, phase: 'stopped', stopReason: reason, run: { ...run, stops: [...run.stops, stop] } },
    effects: [{ type: 'say', text }],
  };
}

function onFrame(s: SessionState, a: Extract<Action, { type: 'frame' }>): Result {
  const run = s.run;
  if (!run) return same(s);
  const st = { ...s, update: a.update };
  if (s.phase === 'setup') {
    const since = a.setup.ok ? (s.setupOkSinceMs ?? a.nowMs) : null;
    if (since !== null && a.nowMs - since >= SETUP_OK_MS)
      return {
        state: { ...st, phase: 'start-position', setupOkSinceMs: null },
        effects: [
          { type: 'say', text: 'Good. Now get into the start position.' },
          // already close to it with a rule failing: say which
          ...[startFaultCue(a.update, null)].flatMap((c) => (c ? [{ type: 'say' as const, text: c.text }] : [])),
        ],
      };
    return same({ ...st, setupOkSinceMs: since });
  }
  if (s.phase === 'start-position') {
    if (!a.update.started && !run.def.startPositions.includes(a.update.position)) {
      // close to the start position but a rule of it fails: say which, once (the screen shows it too)
      const named = startFaultCue(a.update, s.phase === 'start-position' ? s.update : null);
      return named ? { state: st, effects: [{ type: 'say', text: named.text }] } : same(st);
    }
    if (isCalibrated(run)) return toCounting(st, run, false);
    return {
      state: { ...st, phase: 'calibrate', calibSides: sidesOf(run.def), calib: INITIAL_CALIBRATION },
      effects: [{ type: 'say', text: 'Move slowly to where it feels a comfortable stretch, and hold still there.' }],
    };
  }
  if (s.phase === 'calibrate') {
    const side = s.calibSides[0] ?? 'none';
    const depth = sideKey(run.def, a.update.side) === side ? a.update.depth : null;
    const calib = stepCalibration(s.calib, a.nowMs, depth, calibrationConfig(run.def.signal.unit));
    return calib.result === null ? same({ ...st, calib }) : finishCalibration({ ...st, calib }, a.nowIso);
  }
  if (s.phase === 'counting') {
    const next = trackProgress(run, a.update);
    const cal = next.limits[sideKey(run.def, a.update.side)];
    let stopRule = s.stopRule;
    if (cal) {
      const cfg = stopRuleConfig(s.marginPct, run.def.signal.unit);
      const limit = stopLimit(cal.depth, cfg);
      const r = stepStopRule(s.stopRule, a.nowMs, a.update.depth, limit, cfg);
      if (r.stop) return stopNow({ ...st, stopRule: r.state }, next, 'over-range', limit, a.nowMs, a.nowIso);
      stopRule = r.state;
    }
    if (targetReached(next, a.update))
      return {
        state: { ...st, run: next, stopRule, phase: 'rating' },
        effects: [{ type: 'say', text: 'Well done. How does your back feel?' }],
      };
    return same({ ...st, run: next, stopRule });
  }
  return same(st);
}

function finishCalibration(s: SessionState, nowIso: string): Result {
  const run = s.run;
  const side = s.calibSides[0];
  if (!run || side === undefined || s.calib.result === null) return same(s);
  const record: CalibrationRecord = {
    exercise: run.def.id,
    side,
    depth: s.calib.result,
    unit: run.def.signal.unit,
    atIso: nowIso,
  };
  const calibrations = [...s.calibrations.filter((c) => !(c.exercise === record.exercise && c.side === side)), record];
  const next = { ...run, limits: { ...run.limits, [side]: record } };
  const rest = s.calibSides.slice(1);
  const saved: Effect = { type: 'save-calibration', record };
  if (rest.length > 0) {
    return {
      state: { ...s, run: next, calibrations, calibSides: rest, calib: INITIAL_CALIBRATION },
      effects: [saved, { type: 'say', text: `Got it. Now the ${rest[0]} side.` }],
    };
  }
  const r = toCounting({ ...s, calibrations, calibSides: [] }, next, true);
  return {
    state: r.state,
    effects: [saved, { type: 'say', text: 'Got it: that is your comfortable range.' }, ...r.effects],
  };
}

/** The session reducer. */
export function sessionStep(s: SessionState, a: Action): Result {
  const run = s.run;
  switch (a.type) {
    case 'start':
      return startStretch(
        {
          ...INITIAL_SESSION,
          routine: a.routine,
          calibrations: a.calibrations,
          marginPct: a.marginPct,
          startedMs: a.nowMs,
          startedIso: a.nowIso,
        },
        0,
        a.nowMs,
      );
    case 'begin':
      if (s.phase !== 'intro' || !run) return same(s);
      return s.retry ? toCounting(s, run, false) : same({ ...s, phase: 'setup', setupOkSinceMs: null });
    case 'frame':
      return onFrame(s, a);
    case 'accept-calibration': {
      if (s.phase !== 'calibrate') return same(s);
      const calib = acceptCalibration(s.calib);
      return calib.result === null ? same(s) : finishCalibration({ ...s, calib }, a.nowIso);
    }
    case 'recalibrate':
      if (!run || !['counting', 'stopped', 'start-position'].includes(s.phase)) return same(s);
      return same({
        ...s,
        phase: 'calibrate',
        calibSides: sidesOf(run.def),
        calib: INITIAL_CALIBRATION,
        stopReason: null,
      });
    case 'pain':
      if (!run || !['intro', 'setup', 'start-position', 'calibrate', 'counting'].includes(s.phase)) return same(s);
      return stopNow(s, run, 'pain', null, a.nowMs, a.nowIso);
    case 'stop-choice': {
      if (s.phase !== 'stopped' || !run) return same(s);
      const stops = run.stops.map((st, i) => (i === run.stops.length - 1 ? { ...st, choice: a.choice } : st));
      const next = { ...run, stops };
      if (a.choice === 'change-technique')
        return same({ ...s, run: next, phase: 'intro', retry: true, stopReason: null });
      if (a.choice === 'reduce-movement')
        return {
          state: { ...s, run: next, phase: 'counting', stopReason: null },
          effects: [{ type: 'say', text: 'Go only as far as is comfortable.' }],
        };
      return same({ ...s, run: next, phase: 'rating', stopReason: null });
    }
    case 'finish-stretch':
      return run && ['counting', 'calibrate', 'start-position', 'setup'].includes(s.phase)
        ? same({ ...s, phase: 'rating' })
        : same(s);
    case 'skip-stretch':
      return run && s.phase !== 'done' ? startStretch(s, s.index + 1, a.nowMs) : same(s);
    case 'rate':
      if (s.phase !== 'rating' || !run) return same(s);
      return startStretch(
        { ...s, results: [...s.results, toResult(run, a.nowMs, a.relief, a.pain)] },
        s.index + 1,
        a.nowMs,
      );
  }
}
