/**
 * The guided session as a reducer: routine -> for each stretch: intro (the article's steps) -> camera setup check ->
 * start position -> calibration (first time, or when asked) -> counting -> rating -> next; done. Stops (range past the
 * calibrated limit, or the PAIN button) interrupt a stretch and wait for one of the article's three choices.
 * Pure: it makes every decision (what is said and how urgently, when a stretch's recording is complete, when to count
 * the people in the picture and what their number means); the glue (state/session.svelte.ts) feeds it actions with
 * its clock and only performs the returned effects.
 */
import { checkSetup } from '../coach/setup-check.ts';
import { cuesFor, standingCue, type CuePriority } from '../coach/cues.ts';
import { offerCue } from '../coach/cue-throttle.ts';
import { FINISH_PHASES, PAIN_PHASES, RECALIBRATE_PHASES, RECORDED_PHASES } from './phases.ts';
import { peopleCounted, peopleCounterStatus, peopleDue, peopleVerdict } from './session-people.ts';
import { acceptCalibration, calibrationConfig, INITIAL_CALIBRATION, stepCalibration } from './calibration.ts';
import { INITIAL_STOP_RULE, stepStopRule, stopLimit, stopRuleConfig } from './stop-rule.ts';
import {
  carryCounts,
  isCalibrated,
  newRun,
  resumedRun,
  sideKey,
  sidesOf,
  targetReached,
  toResult,
  trackProgress,
  withCountedBefore,
  type StretchRun,
} from './stretch-run.ts';
import { draftDue, drafted, recordSoFar, toDraft } from './draft.ts';
import { isRunning } from './phases.ts';
import { INITIAL_SESSION, sessionIdOf, type Action, type Effect, type SessionState } from './session-state.ts';
import { dayKey, type CalibrationRecord, type SessionRecord, type SideKey, type StopReason } from './types.ts';
import { startFaultCue } from '../coach/form-cues.ts';
import type { TrackerUpdate } from '../exercises/types.ts';

export { INITIAL_SESSION, type Action, type Effect, type SessionState } from './session-state.ts';

/** Said and shown when the camera's picture stops in the middle of a session. */
export const CAMERA_STOPPED = 'The camera stopped. Plug it back in or close the other app using it, then press Resume.';

/** The setup check must pass this long without a break before moving on (a person settling, not a lucky frame). */
const SETUP_OK_MS = 1000;
/** An event cue ("Slower.") stays on screen this long before the standing instruction returns. */
const EVENT_CUE_MS = 3000;

type Result = { state: SessionState; effects: Effect[] };
const same = (state: SessionState): Result => ({ state, effects: [] });
/** A line for the person: `prompt` when the session moves on, `urgent` for a stop. */
const say = (text: string, priority: CuePriority = 'prompt'): Effect => ({ type: 'say', text, priority });

/** The current stretch is over: its recording can be stored. */
function stretchEnded(s: SessionState): Effect[] {
  return s.run && s.phase !== 'rating'
    ? [{ type: 'stretch-ended', exercise: s.run.def.id, sessionId: sessionIdOf(s.startedIso) }]
    : [];
}

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
      effects: [{ type: 'save-session', record }, say('Session done. Well done.')],
    };
  }
  const run = newRun(def, nowMs, s.calibrations);
  return {
    state: { ...s, phase: 'intro', index, run, retry: false, update: null, stopReason: null, setupOkSinceMs: null },
    effects: [trackerFor(run)],
  };
}

/** `fresh`: a new calibration was just recorded, so the engine restarts with targets adapted to it. `lead` is said
 * first, in the same breath. */
function toCounting(s: SessionState, run: StretchRun, fresh: boolean, lead = ''): Result {
  const go = say(`${lead}Go ahead. Slowly.`);
  return {
    state: {
      ...s,
      phase: 'counting',
      run,
      stopRule: fresh ? INITIAL_STOP_RULE : s.stopRule,
      ...(fresh ? { update: null } : {}),
    },
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
    effects: [say(text, 'urgent')],
  };
}

function onFrame(s: SessionState, frameAction: Extract<Action, { type: 'frame' }>): Result {
  const run = s.run;
  if (!run || s.phase === 'done' || s.phase === 'paused') return same(s);
  const a = { ...frameAction, update: withCountedBefore(run, frameAction.update) };
  const setup = checkSetup(a.frame, a.update, run.def, peopleVerdict(s.people));
  const asked = peopleDue(s.people, s.phase, a.nowMs);
  const st: SessionState = { ...s, update: a.update, setup, people: asked ?? s.people };
  const before: Effect[] = [
    ...(RECORDED_PHASES.has(s.phase)
      ? [{ type: 'record', exercise: run.def.id, frame: a.frame, sessionMs: a.nowMs } as const]
      : []),
    ...(asked ? [{ type: 'count-people' } as const] : []),
    ...(s.phase === 'counting'
      ? cuesFor(a.update, s.update, run.def).flatMap((c): Effect[] =>
          c.beep ? [{ type: 'beep' }, say(c.text, c.priority)] : [say(c.text, c.priority)],
        )
      : []),
  ];
  // the update of the frame before, while already asking for the start position (to say a failing rule once)
  const r = movedOn(st, run, a, s.phase === 'start-position' ? s.update : null);
  return { state: r.state, effects: [...before, ...r.effects] };
}

/** Where a frame takes the session: setup passed, start position reached, calibration done, a stop, the target. */
function movedOn(
  st: SessionState,
  run: StretchRun,
  a: Extract<Action, { type: 'frame' }>,
  prevInPosition: TrackerUpdate | null,
): Result {
  const setup = st.setup;
  if (st.phase === 'setup') {
    const since = setup?.ok ? (st.setupOkSinceMs ?? a.nowMs) : null;
    if (since !== null && a.nowMs - since >= SETUP_OK_MS)
      return {
        state: { ...st, phase: 'start-position', setupOkSinceMs: null },
        effects: [
          say('Good. Now get into the start position.'),
          // already close to it with a rule failing: say which
          ...[startFaultCue(a.update, null)].flatMap((c) => (c ? [say(c.text)] : [])),
        ],
      };
    return same({ ...st, setupOkSinceMs: since });
  }
  if (st.phase === 'start-position') {
    if (!a.update.started && !run.def.startPositions.includes(a.update.position)) {
      // close to the start position but a rule of it fails: say which, once (the screen shows it too)
      const named = startFaultCue(a.update, prevInPosition);
      return named ? { state: st, effects: [say(named.text)] } : same(st);
    }
    if (isCalibrated(run)) return toCounting(st, run, false);
    return {
      state: { ...st, phase: 'calibrate', calibSides: sidesOf(run.def), calib: INITIAL_CALIBRATION },
      effects: [say('Move slowly to where it feels a comfortable stretch, and hold still there.')],
    };
  }
  if (st.phase === 'calibrate') {
    const side = st.calibSides[0] ?? 'none';
    const depth = sideKey(run.def, a.update.side) === side ? a.update.depth : null;
    const calib = stepCalibration(st.calib, a.nowMs, depth, calibrationConfig(run.def.signal.unit));
    return calib.result === null ? same({ ...st, calib }) : finishCalibration({ ...st, calib }, a.nowIso);
  }
  if (st.phase === 'counting') {
    const next = trackProgress(run, a.update);
    const cal = next.limits[sideKey(run.def, a.update.side)];
    let stopRule = st.stopRule;
    if (cal) {
      const cfg = stopRuleConfig(st.marginPct, run.def.signal.unit);
      const limit = stopLimit(cal.depth, cfg);
      const r = stepStopRule(st.stopRule, a.nowMs, a.update.depth, limit, cfg);
      if (r.stop) return stopNow({ ...st, stopRule: r.state }, next, 'over-range', limit, a.nowMs, a.nowIso);
      stopRule = r.state;
    }
    if (targetReached(next, a.update))
      return toRating({ ...st, run: next, stopRule }, [say('Well done. How does your back feel?')]);
    return same({ ...st, run: next, stopRule });
  }
  return same(st);
}

/** The stretch is over; the rating is asked for. */
function toRating(s: SessionState, effects: Effect[] = []): Result {
  return { state: { ...s, phase: 'rating', stopReason: null }, effects: [...stretchEnded(s), ...effects] };
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
      effects: [saved, say(`Got it. Now the ${rest[0]} side.`)],
    };
  }
  const r = toCounting({ ...s, calibrations, calibSides: [] }, next, true, 'Got it: that is your comfortable range. ');
  return { state: r.state, effects: [saved, ...r.effects] };
}

/** The camera's picture stopped: nothing is counted or timed until it is back. */
function cameraLost(s: SessionState, nowMs: number): Result {
  if (!isRunning(s.phase) || s.phase === 'paused') return same(s);
  return {
    state: { ...s, phase: 'paused', pausedFrom: s.phase, pausedAtMs: nowMs, update: null, setup: null },
    effects: [say(CAMERA_STOPPED, 'urgent')],
  };
}

/** A camera is back: the clock goes on from where it stopped, the stretch goes on with its counts (a fresh engine
 * tracker, so no rep or hold spans the gap), through the camera check again (the camera may have moved). */
function cameraBack(s: SessionState, nowMs: number): Result {
  if (s.phase !== 'paused' || s.pausedFrom === null) return same(s);
  const gapMs = nowMs - (s.pausedAtMs ?? nowMs);
  const from = s.pausedFrom;
  const run = s.run ? carryCounts({ ...s.run, startedMs: s.run.startedMs + gapMs }) : null;
  const watching = RECORDED_PHASES.has(from);
  const state: SessionState = {
    ...s,
    phase: watching ? 'setup' : from,
    pausedFrom: null,
    pausedAtMs: null,
    startedMs: s.startedMs + gapMs,
    run,
    setupOkSinceMs: null,
    stopRule: INITIAL_STOP_RULE,
    calib: INITIAL_CALIBRATION,
    calibSides: from === 'calibrate' ? s.calibSides : [],
  };
  return {
    state,
    effects: [
      ...(run ? [trackerFor(run)] : []),
      ...(watching ? [say('The camera is back. Checking the picture again.')] : []),
    ],
  };
}

/** The session ends now with what was done so far (the camera cannot come back): it is saved as it is. */
function endSession(s: SessionState, nowMs: number): Result {
  if (!isRunning(s.phase)) return same(s);
  const d = toDraft(s, nowMs);
  return {
    state: { ...s, phase: 'done', pausedFrom: null, pausedAtMs: null },
    effects: [
      ...stretchEnded(s),
      { type: 'save-session', record: recordSoFar(d) },
      say('Session saved as far as it went.'),
    ],
  };
}

/** A session kept as a draft goes on: at the stretch it was on, with what was counted, its clock where it was. */
function restore(s: SessionState, a: Extract<Action, { type: 'restore' }>): Result {
  const d = a.draft;
  const base: SessionState = {
    ...INITIAL_SESSION,
    people: s.people,
    routine: a.routine,
    calibrations: d.calibrations,
    marginPct: d.marginPct,
    results: d.results,
    startedMs: a.nowMs - d.elapsedMs,
    startedIso: d.startedIso,
  };
  const r = startStretch(base, d.index, a.nowMs);
  const run = r.state.run;
  if (!run || !d.current || d.current.exercise !== run.def.id) return r;
  return {
    state: { ...r.state, run: resumedRun(run, d.current, a.nowMs), phase: d.awaitingRating ? 'rating' : 'intro' },
    effects: r.effects,
  };
}

/** The session reducer: the decision for one action, with the lines to say passed through the cue throttle. */
export function sessionStep(s: SessionState, a: Action): Result {
  const r = decide(s, a);
  let state = r.state;
  const effects: Effect[] = [];
  for (const e of r.effects) {
    if (e.type !== 'say') {
      effects.push(e);
      continue;
    }
    const o = offerCue(state.throttle, e, a.nowMs);
    state = { ...state, throttle: o.state, cue: e.text, cueAtMs: a.nowMs };
    if (o.say) effects.push(e);
  }
  // between spoken lines the screen shows what to do right now
  if (a.type === 'frame' && state.phase === 'counting' && state.run && a.nowMs - state.cueAtMs > EVENT_CUE_MS)
    state = { ...state, cue: standingCue(a.update, state.run.def) };
  if (draftDue(s, state, a.nowMs, a.type === 'frame')) {
    state = drafted(state, a.nowMs);
    // first: a draft of the finished session is written before the record that replaces it
    effects.unshift({ type: 'save-draft', draft: toDraft(state, a.nowMs) });
  }
  return { state, effects };
}

/** What a paused session still takes: the camera back, the end, a new session, the people counter's news. */
const WHILE_PAUSED: ReadonlySet<Action['type']> = new Set([
  'camera-back',
  'end-session',
  'start',
  'restore',
  'people-counter',
  'people-counted',
] as const);

function decide(s: SessionState, a: Action): Result {
  const run = s.run;
  if (s.phase === 'paused' && !WHILE_PAUSED.has(a.type)) return same(s);
  switch (a.type) {
    case 'start':
      return startStretch(
        {
          ...INITIAL_SESSION,
          people: s.people, // the camera's people counter outlives a session
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
      if (!run || !RECALIBRATE_PHASES.has(s.phase)) return same(s);
      return same({
        ...s,
        phase: 'calibrate',
        calibSides: sidesOf(run.def),
        calib: INITIAL_CALIBRATION,
        stopReason: null,
      });
    case 'pain':
      if (!run || !PAIN_PHASES.has(s.phase)) return same(s);
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
          effects: [say('Go only as far as is comfortable.')],
        };
      return toRating({ ...s, run: next });
    }
    case 'finish-stretch':
      return run && FINISH_PHASES.has(s.phase) ? toRating(s) : same(s);
    case 'skip-stretch':
      if (!run || s.phase === 'done') return same(s);
      {
        const r = startStretch(s, s.index + 1, a.nowMs);
        return { state: r.state, effects: [...stretchEnded(s), ...r.effects] };
      }
    case 'rate':
      if (s.phase !== 'rating' || !run) return same(s);
      return startStretch(
        { ...s, results: [...s.results, toResult(run, a.nowMs, a.relief, a.pain)] },
        s.index + 1,
        a.nowMs,
      );
    case 'people-counter':
      return same({ ...s, people: peopleCounterStatus(s.people, a.status) });
    case 'people-counted':
      return same({ ...s, people: peopleCounted(s.people, a.scores) });
    case 'camera-lost':
      return cameraLost(s, a.nowMs);
    case 'camera-back':
      return cameraBack(s, a.nowMs);
    case 'end-session':
      return endSession(s, a.nowMs);
    case 'restore':
      return restore(s, a);
  }
}
