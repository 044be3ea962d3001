import { describe, expect, it } from 'vitest';
import { DEFAULT_CUE_THROTTLE, INITIAL_CUE_THROTTLE, offerCue, type CueThrottleState } from './cue-throttle.ts';
import type { CuePriority } from './cues.ts';

/** Offers `[text, priority, atMs]` cues in order; returns which were said. */
function said(cues: readonly [string, CuePriority, number][]): boolean[] {
  let s: CueThrottleState = INITIAL_CUE_THROTTLE;
  return cues.map(([text, priority, atMs]) => {
    const r = offerCue(s, { text, priority }, atMs);
    s = r.state;
    return r.say;
  });
}

const GAP = DEFAULT_CUE_THROTTLE.minGapMs;
const REPEAT = DEFAULT_CUE_THROTTLE.repeatMs;

describe('cue throttle', () => {
  it.each<[string, [string, CuePriority, number][], boolean[]]>([
    [
      'an info cue right after another is dropped',
      [
        ['Slower.', 'info', 0],
        ['Go further.', 'info', GAP - 1],
      ],
      [true, false],
    ],
    [
      'an info cue after the gap is said',
      [
        ['Slower.', 'info', 0],
        ['Go further.', 'info', GAP],
      ],
      [true, true],
    ],
    [
      'the same info words wait for the repeat time',
      [
        ['Slower.', 'info', 0],
        ['Slower.', 'info', REPEAT - 1],
      ],
      [true, false],
    ],
    [
      'a count may follow after half the gap',
      [
        ['Slower.', 'info', 0],
        ['3.', 'count', GAP / 2],
      ],
      [true, true],
    ],
    [
      'a stop is said at once',
      [
        ['3.', 'count', 0],
        ['Stop.', 'urgent', 1],
      ],
      [true, true],
    ],
    [
      'a prompt is said at once',
      [
        ['3.', 'count', 0],
        ['Well done.', 'prompt', 1],
      ],
      [true, true],
    ],
    [
      'the gap after a prompt still holds for a routine cue',
      [
        ['Go ahead.', 'prompt', 0],
        ['Slower.', 'info', 100],
      ],
      [true, false],
    ],
  ])('%s', (_name, cues, expected) => {
    expect(said(cues)).toEqual(expected);
  });

  it('keeps only the lines said within the repeat time: 2 hours of rep numbers leave a handful', () => {
    let s: CueThrottleState = INITIAL_CUE_THROTTLE;
    for (let rep = 1, tMs = 0; tMs < 2 * 3600_000; rep++, tMs += 3000)
      s = offerCue(s, { text: `${rep}.`, priority: 'count' }, tMs).state;
    expect(Object.keys(s.lastByText).length).toBeLessThanOrEqual(Math.ceil(REPEAT / 3000));
  });
});
