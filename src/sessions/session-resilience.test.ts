/**
 * The session reducer when things go wrong: the camera stops mid-session (pause, resume on the same stretch with its
 * counts, or end and keep what was done), and the draft that lets a reload or a closed tab lose nothing (when it is
 * written, and a session continued from it).
 */
import { describe, expect, it } from 'vitest';
import { CAMERA_STOPPED, type Action, type Effect, type SessionState } from './session-flow.ts';
import { DRAFT_MIN_GAP_MS, DRAFT_REFRESH_MS, recordSoFar, type SessionDraft } from './draft.ts';
import { framesAt, PRONE, runActions, SINGLE_KTC, TEST_ISO, times, upd } from './test-support.ts';
import type { CalibrationRecord } from './types.ts';

const CAL: CalibrationRecord = { exercise: 'prone-extension', side: 'none', depth: 30, unit: 'deg', atIso: TEST_ISO };
/** Prone extension with a target of 5 reps, so that a few reps leave it under way. */
const PRONE5 = { ...PRONE, targets: { ...PRONE.targets, reps: { min: 5, max: 6 } } };
const ROUTINE = [PRONE5, SINGLE_KTC];
const start: Action = {
  type: 'start',
  routine: ROUTINE,
  calibrations: [CAL],
  marginPct: 10,
  nowMs: 0,
  nowIso: TEST_ISO,
};
/** Calibrated already: intro -> setup (1 s) -> start position -> counting, by 1.3 s. */
const toCounting: Action[] = [start, { type: 'begin', nowMs: 0 }, ...framesAt(0, times(13, upd({ depth: 5 })))];
/** Two reps counted (the tracker's count), by 2.5 s. */
const twoReps: Action[] = [
  ...toCounting,
  ...framesAt(1500, [upd({ depth: 20, repCount: 1, events: [{ type: 'rep-counted' } as never] })]),
  ...framesAt(2500, [upd({ depth: 20, repCount: 2, events: [{ type: 'rep-counted' } as never] })]),
];
const drafts = (effects: Effect[]) => effects.flatMap((e) => (e.type === 'save-draft' ? [e.draft] : []));
const lost = (nowMs: number): Action => ({ type: 'camera-lost', nowMs });

describe('the camera stops mid-session', () => {
  it('pauses: says why at once, counts and times nothing until the camera is back', () => {
    const before = runActions(twoReps);
    expect(before.s.phase).toBe('counting');
    expect(before.s.run?.reps).toBe(2);
    const { s, effects } = runActions([lost(3000), ...framesAt(3100, times(20, upd({ repCount: 5 })))], before.s);
    expect(s.phase).toBe('paused');
    expect(effects.find((e) => e.type === 'say')).toEqual({ type: 'say', text: CAMERA_STOPPED, priority: 'urgent' });
    expect(s.run?.reps).toBe(2); // frames that still arrive count nothing
    // PAIN, finishing or skipping do nothing while paused (the screen offers Resume and End)
    const tried = runActions(
      [
        { type: 'finish-stretch', nowMs: 4000 },
        { type: 'skip-stretch', nowMs: 4000 },
      ],
      s,
    );
    expect(tried.s.phase).toBe('paused');
    expect(tried.s.index).toBe(0);
  });

  it('resumes on the same stretch with its reps, through the camera check, the pause left out of its time', () => {
    const paused = runActions([...twoReps, lost(3000)]).s;
    const back = runActions([{ type: 'camera-back', nowMs: 63_000 }], paused);
    expect(back.s.phase).toBe('setup');
    expect(back.s.index).toBe(0);
    expect(back.effects.some((e) => e.type === 'new-tracker')).toBe(true);
    // the fresh tracker counts from 0: the run goes on from 2
    const later = runActions(
      [
        ...framesAt(63_000, times(13, upd({ depth: 5 }))),
        ...framesAt(65_000, [upd({ depth: 20, repCount: 1, events: [{ type: 'rep-counted' } as never] })]),
      ],
      back.s,
    );
    expect(later.s.phase).toBe('counting');
    expect(later.s.run?.reps).toBe(3);
    expect(later.s.update?.repCount).toBe(3); // what the counter on screen and the spoken count read
    const done = runActions(
      [
        { type: 'finish-stretch', nowMs: 66_000 },
        { type: 'rate', relief: 'same', pain: 0, nowMs: 66_000 },
      ],
      later.s,
    );
    expect(done.s.results[0]?.reps).toBe(3);
    // 66 s on the clock, 60 s of them paused
    expect(done.s.results[0]?.durationS).toBeCloseTo(6, 0);
  });

  it('a pause on the intro (no camera needed there) comes back to the intro', () => {
    const onIntro = runActions([start, lost(500), { type: 'camera-back', nowMs: 9000 }]);
    expect(onIntro.s.phase).toBe('intro');
  });

  it('cannot resume: "end the session" saves it as far as it went', () => {
    const paused = runActions([...twoReps, lost(3000)]).s;
    const { s, effects } = runActions([{ type: 'end-session', nowMs: 90_000 }], paused);
    expect(s.phase).toBe('done');
    const saved = effects.find((e) => e.type === 'save-session');
    expect(saved?.type === 'save-session' && saved.record).toMatchObject({
      id: `session-${TEST_ISO}`,
      durationS: 3,
      stretches: [{ exercise: 'prone-extension', reps: 2, relief: null, pain: null }],
    });
    expect(effects.some((e) => e.type === 'stretch-ended')).toBe(true); // its recording is stored too
  });
});

describe('the session kept as a draft', () => {
  it('is written when it starts, when a rep is counted (at most once a second from frames), and on clicks at once', () => {
    const { effects } = runActions(twoReps);
    const ds = drafts(effects);
    expect(ds[0]).toMatchObject({
      id: `session-${TEST_ISO}`,
      index: 0,
      routine: ['prone-extension', 'single-knee-to-chest'],
    });
    expect(ds.at(-1)?.current?.reps).toBe(2);
    // a rep 300 ms after a draft waits for the gap, then goes out with the next frame
    const soon = runActions([
      ...twoReps,
      ...framesAt(2800, [upd({ depth: 20, repCount: 3, events: [{ type: 'rep-counted' } as never] })]),
    ]);
    expect(drafts(soon.effects).at(-1)?.current?.reps).toBe(2);
    const next = runActions(framesAt(2500 + DRAFT_MIN_GAP_MS, [upd({ repCount: 3 })]), soon.s);
    expect(drafts(next.effects).map((d) => d.current?.reps)).toEqual([3]);
    // a click writes at once
    const pain = runActions([{ type: 'pain', nowMs: 3600, nowIso: TEST_ISO }], next.s);
    expect(drafts(pain.effects)[0]?.current?.stops).toHaveLength(1);
  });

  it('is not rewritten on every frame when nothing changes, only every 15 s', () => {
    const base = runActions(toCounting).s;
    const { effects } = runActions(framesAt(2000, times(300, upd({ depth: 12 }))), base); // 30 s
    expect(drafts(effects)).toHaveLength(Math.floor(30_000 / DRAFT_REFRESH_MS));
  });

  it('a last draft of the finished session comes before the record that replaces it', () => {
    const { effects } = runActions([
      ...twoReps,
      { type: 'skip-stretch', nowMs: 3000 },
      { type: 'skip-stretch', nowMs: 3500 },
    ]);
    const types = effects.map((e) => e.type);
    expect(types.lastIndexOf('save-draft')).toBeLessThan(types.indexOf('save-session'));
    expect(drafts(effects).at(-1)).toMatchObject({ index: 2, current: null });
  });

  /** The draft written last before a reload, and the routine it names. */
  const written = (actions: Action[]): SessionDraft => {
    const d = drafts(runActions(actions).effects).at(-1);
    if (!d) throw new Error('no draft');
    return { ...d, savedIso: TEST_ISO };
  };

  it('continued after a reload: the same stretch, its reps, its stops, its clock; finishing saves one session', () => {
    const draft = written([
      ...twoReps,
      { type: 'pain', nowMs: 2600, nowIso: TEST_ISO },
      { type: 'stop-choice', choice: 'reduce-movement', nowMs: 2700 },
    ]);
    const restored = runActions([{ type: 'restore', draft, routine: ROUTINE, nowMs: 0 }]);
    const s: SessionState = restored.s;
    expect(s.phase).toBe('intro');
    expect(s.index).toBe(0);
    expect(s.startedIso).toBe(TEST_ISO);
    expect(s.run?.reps).toBe(2);
    expect(s.run?.stops).toHaveLength(1);
    expect(restored.effects.some((e) => e.type === 'new-tracker')).toBe(true);
    const goOn = runActions(
      [
        { type: 'begin', nowMs: 100 },
        ...framesAt(100, times(13, upd({ depth: 5 }))),
        ...framesAt(2000, [upd({ depth: 20, repCount: 1, events: [{ type: 'rep-counted' } as never] })]),
        { type: 'finish-stretch', nowMs: 2500 },
        { type: 'rate', relief: 'better', pain: 1, nowMs: 2500 },
        { type: 'skip-stretch', nowMs: 2600 },
      ],
      s,
    );
    const saved = goOn.effects.filter((e) => e.type === 'save-session');
    expect(saved).toHaveLength(1);
    const record = saved[0]?.type === 'save-session' ? saved[0].record : null;
    expect(record?.id).toBe(`session-${TEST_ISO}`);
    expect(record?.stretches.map((r) => [r.exercise, r.reps, r.stops.length])).toEqual([['prone-extension', 3, 1]]);
    expect(record?.durationS).toBe(Math.round((draft.elapsedMs + 2600) / 1000));
  });

  it('a stretch waiting for its rating comes back to the rating; "save as it is" keeps what was done', () => {
    const draft = written([...twoReps, { type: 'finish-stretch', nowMs: 3000 }]);
    expect(draft.awaitingRating).toBe(true);
    const s = runActions([{ type: 'restore', draft, routine: ROUTINE, nowMs: 0 }]).s;
    expect(s.phase).toBe('rating');
    expect(recordSoFar(draft).stretches.map((r) => [r.exercise, r.reps, r.relief])).toEqual([
      ['prone-extension', 2, null],
    ]);
  });

  it('a stretch only opened is not kept as done when saved as it is', () => {
    const draft = written([
      ...twoReps,
      { type: 'finish-stretch', nowMs: 3000 },
      { type: 'rate', relief: 'same', pain: 0, nowMs: 3100 },
    ]);
    expect(draft.index).toBe(1);
    expect(recordSoFar(draft).stretches.map((r) => r.exercise)).toEqual(['prone-extension']);
  });
});
