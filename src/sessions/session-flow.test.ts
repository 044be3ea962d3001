import { describe, expect, it } from 'vitest';
import { INITIAL_SESSION, sessionStep, type Action, type Effect, type SessionState } from './session-flow.ts';
import { BAD_SETUP, OK_SETUP, PRONE, SINGLE_KTC, upd } from './test-support.ts';
import type { TrackerUpdate } from '../exercises/types.ts';

const ISO = '2026-03-02T08:00:00.000Z';

/** Runs actions, collecting every effect. */
function run(actions: readonly Action[], s: SessionState = INITIAL_SESSION): { s: SessionState; effects: Effect[] } {
  const effects: Effect[] = [];
  for (const a of actions) {
    const r = sessionStep(s, a);
    s = r.state;
    effects.push(...r.effects);
  }
  return { s, effects };
}
/** Frames at 10 fps from t0 with the given updates. */
const frames = (t0: number, us: readonly TrackerUpdate[], setup = OK_SETUP): Action[] =>
  us.map((update, i) => ({ type: 'frame', update, setup, nowMs: t0 + i * 100, nowIso: ISO }));
const times = (n: number, u: TrackerUpdate) => Array<TrackerUpdate>(n).fill(u);

const start: Action = { type: 'start', routine: [PRONE], calibrations: [], marginPct: 10, nowMs: 0, nowIso: ISO };
/** Through intro, setup, start position and a calibration at 30°. */
const toCounting: Action[] = [
  start,
  { type: 'begin', nowMs: 0 },
  ...frames(0, times(12, upd({ depth: 5 }))),
  ...frames(1200, [...times(5, upd({ depth: 5 })), ...times(35, upd({ depth: 30 }))]),
];

describe('session flow', () => {
  it('walks intro -> setup -> start position -> calibration -> counting, saving the calibration', () => {
    const { s, effects } = run(toCounting);
    expect(s.phase).toBe('counting');
    const saved = effects.find((e) => e.type === 'save-calibration');
    expect(saved?.type === 'save-calibration' && saved.record).toMatchObject({
      exercise: 'prone-extension',
      side: 'none',
      depth: 30,
    });
    const tracker = effects.filter((e) => e.type === 'new-tracker').at(-1);
    expect(tracker?.type === 'new-tracker' && tracker.calibratedDepth).toEqual({ none: 30 });
  });

  it('close to the start position, says once which rule keeps the person out of it', () => {
    const startFault = {
      check: 'hips-down' as const,
      sinceMs: 0,
      side: null,
      fault: 'Your hips are lifting off the floor.',
      cue: 'Let your hips sink and stay on the floor.',
      effect: 'pause-hold' as const,
      segment: [],
    };
    const near = upd({ started: false, position: 'unknown', form: { faults: [], startFault, notJudged: [] } });
    const { s, effects } = run([start, { type: 'begin', nowMs: 0 }, ...frames(0, times(30, near))]);
    expect(s.phase).toBe('start-position');
    const said = effects.flatMap((e) => (e.type === 'say' ? [e.text] : []));
    expect(said.filter((t) => t.startsWith('Your hips are lifting'))).toEqual([
      'Your hips are lifting off the floor. Let your hips sink and stay on the floor.',
    ]);
  });

  it('stays on the setup check while the body is not framed', () => {
    const { s } = run([start, { type: 'begin', nowMs: 0 }, ...frames(0, times(30, upd()), BAD_SETUP)]);
    expect(s.phase).toBe('setup');
  });

  it('skips calibration when the stretch is already calibrated', () => {
    const cal = {
      exercise: 'prone-extension' as const,
      side: 'none' as const,
      depth: 30,
      unit: 'deg' as const,
      atIso: ISO,
    };
    const { s } = run([{ ...start, calibrations: [cal] }, { type: 'begin', nowMs: 0 }, ...frames(0, times(12, upd()))]);
    expect(s.phase).toBe('counting');
  });

  it('stops at once when the range goes past the calibrated limit, and resumes after "reduce the movement"', () => {
    const { s, effects } = run([
      ...toCounting,
      ...frames(6000, [upd({ depth: 31 }), upd({ depth: 34 }), upd({ depth: 35 })]),
    ]);
    expect(s.phase).toBe('stopped');
    expect(s.stopReason).toBe('over-range');
    expect(s.run?.stops[0]).toMatchObject({ reason: 'over-range', depth: 35, limit: 33, rep: 1 });
    expect(effects.at(-1)).toEqual({ type: 'say', text: 'Stop. That is past your comfortable range.' });
    const back = run(
      [{ type: 'stop-choice', choice: 'reduce-movement' }, ...frames(7000, times(3, upd({ depth: 35 })))],
      s,
    );
    expect(back.s.phase).toBe('counting'); // still over the limit, but the rule waits until the depth is back inside
    expect(back.s.run?.stops[0]?.choice).toBe('reduce-movement');
  });

  it('PAIN stops immediately and records stretch, rep, depth and time', () => {
    const { s } = run([
      ...toCounting,
      ...frames(6000, [upd({ depth: 22, repCount: 1 })]),
      { type: 'pain', nowMs: 6150, nowIso: ISO },
    ]);
    expect(s.phase).toBe('stopped');
    expect(s.run?.stops[0]).toMatchObject({
      exercise: 'prone-extension',
      reason: 'pain',
      rep: 2,
      depth: 22,
      sessionMs: 6150,
    });
  });

  it('"stop and go on" leads to the rating, and rating the last stretch saves the session', () => {
    const { s, effects } = run([
      ...toCounting,
      { type: 'pain', nowMs: 6000, nowIso: ISO },
      { type: 'stop-choice', choice: 'next-stretch' },
      { type: 'rate', relief: 'better', pain: 3, nowMs: 9000 },
    ]);
    expect(s.phase).toBe('done');
    const saved = effects.find((e) => e.type === 'save-session');
    expect(saved?.type === 'save-session' && saved.record.stretches[0]).toMatchObject({
      relief: 'better',
      pain: 3,
      stops: [{ reason: 'pain', choice: 'next-stretch' }],
    });
    expect(saved?.type === 'save-session' && saved.record.day).toBe('2026-03-02');
  });

  it('"change technique" shows the steps again, then goes straight back to counting', () => {
    const { s } = run([
      ...toCounting,
      { type: 'pain', nowMs: 6000, nowIso: ISO },
      { type: 'stop-choice', choice: 'change-technique' },
    ]);
    expect(s.phase).toBe('intro');
    expect(run([{ type: 'begin', nowMs: 7000 }], s).s.phase).toBe('counting');
  });

  it('moves to the rating once the target reps are done', () => {
    const { s } = run([
      ...toCounting,
      ...frames(6000, [upd({ depth: 25, repCount: 1 }), upd({ depth: 25, repCount: 2 })]),
    ]);
    expect(s.phase).toBe('rating');
    expect(s.run?.reps).toBe(2);
  });

  it('calibrates each side of a sided stretch, and the next stretch follows the rating', () => {
    const left = (d: number) => upd({ depth: d, side: 'left', position: 'supine-knees-bent' });
    const right = (d: number) => upd({ depth: d, side: 'right', position: 'supine-knees-bent' });
    const { s, effects } = run([
      { ...start, routine: [SINGLE_KTC, PRONE] },
      { type: 'begin', nowMs: 0 },
      ...frames(0, times(12, left(60))),
      ...frames(1200, [...times(5, left(60)), ...times(35, left(100))]),
      ...frames(6000, [...times(5, right(60)), ...times(35, right(95))]),
      { type: 'finish-stretch' },
      { type: 'rate', relief: 'same', pain: 2, nowMs: 12000 },
    ]);
    expect(
      effects
        .filter((e) => e.type === 'save-calibration')
        .map((e) => e.type === 'save-calibration' && [e.record.side, e.record.depth]),
    ).toEqual([
      ['left', 100],
      ['right', 95],
    ]);
    expect(s.phase).toBe('intro');
    expect(s.run?.def.id).toBe('prone-extension');
    expect(s.results[0]?.calibrated).toEqual({ left: 100, right: 95, none: null });
  });
});
