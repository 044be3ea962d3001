import { describe, expect, it } from 'vitest';
import { cuesFor, standingCue } from './cues.ts';
import { INITIAL_CUE_THROTTLE, offerCue, type CueThrottleState } from './cue-throttle.ts';
import { getExercise } from '../exercises/registry.ts';
import { PRONE, upd } from '../sessions/test-support.ts';

const texts = (cs: readonly { text: string }[]) => cs.map((c) => c.text);
const hold = (elapsedMs: number) => ({ elapsedMs, targetMs: 10_000, paused: false, side: null });

describe('cues', () => {
  it('says the rep number with a beep when a rep counts', () => {
    const rep = { startS: 0, endS: 3, peakDepth: 20, confidence: 0.9 };
    expect(cuesFor(upd({ repCount: 3, events: [{ type: 'rep-counted', tMs: 0, rep }] }), null, PRONE)).toEqual([
      { text: '3.', priority: 'count', beep: true },
    ]);
  });
  it('counts down a hold at 5 and 3 seconds left', () => {
    expect(texts(cuesFor(upd({ hold: hold(5_050) }), upd({ hold: hold(4_950) }), PRONE))).toEqual([
      'Hold... 5 more seconds.',
    ]);
    expect(texts(cuesFor(upd({ hold: hold(6_050) }), upd({ hold: hold(5_950) }), PRONE))).toEqual([]);
    expect(standingCue(upd({ hold: hold(7_100) }), PRONE)).toBe('Hold... 3 more seconds.');
  });
  it.each([
    ['single-knee-to-chest', 'Alternate: now the left leg.'],
    ['hip-flexor', 'Alternate: now the left leg.'],
    ['nerve-stretch', 'Alternate: now the left leg.'],
    ['lumbar-roll', 'Now the left side.'],
    ['ql-stretch', 'Now the left side.'],
  ] as const)('tells which side is next in the words of %s', (id, text) => {
    const switchLeft = upd({ events: [{ type: 'switch-side', tMs: 0, next: 'left' }] });
    expect(texts(cuesFor(switchLeft, null, getExercise(id)))).toEqual([text]);
  });
  it('tells why a rep did not count', () => {
    expect(
      texts(cuesFor(upd({ events: [{ type: 'rep-rejected', tMs: 0, reason: 'not-far-enough' }] }), null, PRONE)),
    ).toEqual(["That one didn't count: go a little further."]);
    expect(
      texts(cuesFor(upd({ events: [{ type: 'rep-rejected', tMs: 0, reason: 'too-fast' }] }), null, PRONE)),
    ).toEqual(['Slower.']);
  });
});

describe('cue throttle', () => {
  function say(offers: readonly [string, 'urgent' | 'count' | 'info', number][]): string[] {
    let s: CueThrottleState = INITIAL_CUE_THROTTLE;
    const said: string[] = [];
    for (const [text, priority, t] of offers) {
      const r = offerCue(s, { text, priority }, t);
      s = r.state;
      if (r.say) said.push(text);
    }
    return said;
  }
  it('never chatters: one cue per 2.5 s, the same words at most every 8 s', () => {
    expect(
      say([
        ['Slower.', 'info', 0],
        ['Go further.', 'info', 1000],
        ['Slower.', 'info', 3000],
        ['Go further.', 'info', 3100],
        ['Slower.', 'info', 9000],
      ]),
    ).toEqual(['Slower.', 'Go further.', 'Slower.']);
  });
  it('urgent cues always get through; counts after half the gap', () => {
    expect(
      say([
        ['Slower.', 'info', 0],
        ['Stop.', 'urgent', 100],
        ['2.', 'count', 1400],
      ]),
    ).toEqual(['Slower.', 'Stop.', '2.']);
  });
});
