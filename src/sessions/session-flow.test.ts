import { describe, expect, it } from 'vitest';
import { INITIAL_SESSION, sessionStep, type Action, type Effect, type SessionState } from './session-flow.ts';
import { framesAt, NOBODY_FRAME, PRONE, runActions, SINGLE_KTC, TEST_ISO, times, upd } from './test-support.ts';

const ISO = TEST_ISO;
const run = runActions;
const frames = framesAt;

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
    const { s } = run([start, { type: 'begin', nowMs: 0 }, ...frames(0, times(30, upd()), NOBODY_FRAME)]);
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
    expect(effects.at(-1)).toEqual({
      type: 'say',
      text: 'Stop. That is past your comfortable range.',
      priority: 'urgent',
    });
    const back = run(
      [{ type: 'stop-choice', choice: 'reduce-movement', nowMs: 6500 }, ...frames(7000, times(3, upd({ depth: 35 })))],
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
      { type: 'stop-choice', choice: 'next-stretch', nowMs: 6500 },
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
      { type: 'stop-choice', choice: 'change-technique', nowMs: 6500 },
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
      { type: 'finish-stretch', nowMs: 11000 },
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

  it('says when a stretch is over, so its recording is stored; "change technique" is the same stretch going on', () => {
    const ended = (effects: Effect[]) => effects.filter((e) => e.type === 'stretch-ended');
    const sessionId = 'session-' + ISO;
    const target = run([
      ...toCounting,
      ...frames(6000, [upd({ depth: 25, repCount: 1 }), upd({ depth: 25, repCount: 2 })]),
    ]);
    expect(ended(target.effects)).toEqual([{ type: 'stretch-ended', exercise: 'prone-extension', sessionId }]);
    const pain: Action = { type: 'pain', nowMs: 6000, nowIso: ISO };
    const next = run([...toCounting, pain, { type: 'stop-choice', choice: 'next-stretch', nowMs: 6500 }]);
    expect(ended(next.effects)).toHaveLength(1);
    const retry = run([...toCounting, pain, { type: 'stop-choice', choice: 'change-technique', nowMs: 6500 }]);
    expect(ended(retry.effects)).toEqual([]);
    const skipped = run([...toCounting, { type: 'skip-stretch', nowMs: 6000 }]);
    expect(ended(skipped.effects)).toHaveLength(1);
    // rated after "done with this stretch": ended once, when the rating was asked for
    const rated = run([
      ...toCounting,
      { type: 'finish-stretch', nowMs: 6000 },
      { type: 'rate', relief: 'same', pain: 0, nowMs: 7000 },
    ]);
    expect(ended(rated.effects)).toHaveLength(1);
  });

  it('keeps frames for review from the camera check to the end of counting, not on the intro or the rating', () => {
    const recorded = (actions: Action[], s?: SessionState) =>
      run(actions, s).effects.filter((e) => e.type === 'record').length;
    expect(recorded([start, ...frames(0, times(3, upd()))])).toBe(0); // intro
    expect(recorded(toCounting)).toBe(12 + 40);
    const rating = run([...toCounting, { type: 'finish-stretch', nowMs: 6000 }]).s;
    expect(recorded(frames(7000, times(3, upd())), rating)).toBe(0);
  });

  it('says a stop urgently, prompts as prompts, and lets routine cues through the throttle', () => {
    const said = (effects: Effect[]) => effects.flatMap((e) => (e.type === 'say' ? [[e.priority, e.text]] : []));
    const counting = run(toCounting);
    expect(said(counting.effects)).toEqual([
      ['prompt', 'Good. Now get into the start position.'],
      ['prompt', 'Move slowly to where it feels a comfortable stretch, and hold still there.'],
      ['prompt', 'Got it: that is your comfortable range. Go ahead. Slowly.'],
    ]);
    // two technique hints 0.3 s apart: the second is shown but not spoken
    const slower = upd({ depth: 25, events: [{ type: 'rep-rejected', reason: 'too-fast', tMs: 0 }] });
    const further = upd({
      depth: 25,
      events: [{ type: 'rep-rejected', reason: 'not-far-enough', tMs: 0 }],
    });
    const hints = run([...frames(9000, [slower]), ...frames(9300, [further])], counting.s);
    expect(said(hints.effects)).toEqual([['info', 'Slower.']]);
    expect(hints.s.cue).toBe("That one didn't count: go a little further.");
    // a stop right after a hint is said at once, over it
    const stop = run([{ type: 'pain', nowMs: 9400, nowIso: ISO }], hints.s);
    expect(said(stop.effects)).toEqual([['urgent', 'Stopped. Rest a moment.']]);
  });

  it('a counted rep beeps and says its number; between spoken lines the screen shows what to do now', () => {
    const counting = run(toCounting).s;
    const rep = run(
      frames(9000, [
        upd({
          depth: 25,
          repCount: 1,
          events: [{ type: 'rep-counted', tMs: 0, rep: { startS: 7, endS: 9, peakDepth: 25, confidence: 1 } }],
        }),
      ]),
      counting,
    );
    expect(rep.effects.filter((e) => e.type === 'beep' || e.type === 'say')).toEqual([
      { type: 'beep' },
      { type: 'say', text: '1.', priority: 'count' },
    ]);
    expect(rep.s.cue).toBe('1.');
    const later = run(frames(12_100, [upd({ depth: 25, repCount: 1 })]), rep.s);
    expect(later.s.cue).toBe('Move slowly, only as far as is comfortable.');
  });
});

describe('people check in a session', () => {
  const begin: Action[] = [start, { type: 'begin', nowMs: 0 }];
  const counted = (scores: number[], nowMs: number): Action => ({ type: 'people-counted', scores, nowMs });
  const asks = (effects: Effect[]) => effects.filter((e) => e.type === 'count-people').length;
  const ready: Action = { type: 'people-counter', status: 'ready', nowMs: 0 };

  it('the camera check waits for the first count, then passes with one person', () => {
    const waiting = run([...begin, ...frames(0, times(30, upd()))], INITIAL_SESSION);
    expect(waiting.s.phase).toBe('setup');
    expect(waiting.s.setup?.problem).toBe('people-unchecked');
    expect(asks(waiting.effects)).toBe(0); // the counter is still loading
    const one = run(
      [ready, ...frames(3000, [upd()]), counted([0.8, 0.01], 3100), ...frames(3200, times(12, upd()))],
      waiting.s,
    );
    expect(asks(one.effects)).toBe(1);
    expect(one.s.phase).toBe('calibrate'); // past the camera check and the start position
  });

  it('asks every 2 s while setting up, every 30 s while counting, never while a count is unanswered', () => {
    const s = run([ready, ...begin], INITIAL_SESSION).s;
    const unanswered = run(frames(0, times(50, upd())), s); // 5 s
    expect(asks(unanswered.effects)).toBe(1);
    /** Frames every 100 ms for `seconds`, the counter answering each ask at once; the times asked. */
    const askedAt = (from: SessionState, t0: number, seconds: number) => {
      let st = from;
      const at: number[] = [];
      for (const a of frames(t0, times(seconds * 10, upd({ depth: 25 })))) {
        const r = sessionStep(st, a);
        st = r.state;
        if (r.effects.some((e) => e.type === 'count-people')) {
          at.push(a.nowMs);
          st = sessionStep(st, counted([0.8], a.nowMs)).state;
        }
      }
      return at;
    };
    expect(askedAt(run([counted([0.8], 4950)], unanswered.s).s, 5000, 5)).toEqual([5000, 7000, 9000]);
    const counting = run([...toCounting, ready]).s;
    expect(counting.phase).toBe('counting');
    expect(askedAt(counting, 10_000, 65)).toEqual([10_000, 40_000, 70_000]);
  });

  it('a second person in the picture fails the camera check; a failed count is asked again', () => {
    const s = run(
      [ready, ...begin, ...frames(0, [upd()]), counted([0.8, 0.5], 100), ...frames(200, times(20, upd()))],
      INITIAL_SESSION,
    );
    expect(s.s.phase).toBe('setup');
    expect(s.s.setup?.problem).toBe('several-people');
    const failed = run([{ type: 'people-counted', scores: null, nowMs: 2500 }, ...frames(4000, [upd()])], s.s);
    expect(asks(failed.effects)).toBe(1);
  });

  it('a browser without the counter does not hold the session up', () => {
    const s = run(
      [{ type: 'people-counter', status: 'unavailable', nowMs: 0 }, ...begin, ...frames(0, times(12, upd()))],
      INITIAL_SESSION,
    );
    expect(s.s.phase).toBe('calibrate');
  });
});
