import { describe, expect, it } from 'vitest';
import { sessionStep, type Action, type SessionState } from './session-flow.ts';
import { sessionView } from './session-view.ts';
import { lyingFrame, NO_PEOPLE_COUNTER, PRONE, upd } from './test-support.ts';

const ISO = '2026-03-03T08:00:00.000Z';
function reduce(actions: readonly Action[]): SessionState {
  return actions.reduce((s, a) => sessionStep(s, a).state, NO_PEOPLE_COUNTER);
}
const cal = {
  exercise: 'prone-extension' as const,
  side: 'none' as const,
  depth: 30,
  unit: 'deg' as const,
  atIso: ISO,
};
const counting: Action[] = [
  { type: 'start', routine: [PRONE], calibrations: [cal], marginPct: 10, nowMs: 0, nowIso: ISO },
  { type: 'begin', nowMs: 0 },
  ...Array.from({ length: 12 }, (_, i): Action => ({
    type: 'frame',
    update: upd(),
    frame: lyingFrame(),
    nowMs: i * 100,
    nowIso: ISO,
  })),
];

describe('session view', () => {
  it('shows the rep counter against the target, the hold timer and the dated limit', () => {
    const s = reduce([
      ...counting,
      {
        type: 'frame',
        update: upd({ repCount: 1, hold: { elapsedMs: 7400, targetMs: 10000, paused: false, side: null } }),
        frame: lyingFrame(),
        nowMs: 1300,
        nowIso: ISO,
      },
    ]);
    const v = sessionView(s, 1300);
    expect(v).toMatchObject({
      position: '1 of 1',
      reps: '1',
      target: 'of 2',
      hold: { text: '7 s', target: 'of 10 s' },
    });
    expect(v?.limits).toEqual(['Range: 30° (calibrated 3 Mar 2026)']);
  });
  it('says why a stretch stopped, with the numbers', () => {
    const over = [31, 36, 37].map((d, i): Action => ({
      type: 'frame',
      update: upd({ depth: d }),
      frame: lyingFrame(),
      nowMs: 2000 + i * 100,
      nowIso: ISO,
    }));
    const v = sessionView(reduce([...counting, ...over]), 2300);
    expect(v?.stop).toEqual({
      title: 'Stopped: past your comfortable range',
      detail: 'Trunk lift reached 37.0°; your limit is 33.0°.',
    });
  });
});
