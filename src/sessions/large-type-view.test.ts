import { describe, expect, it } from 'vitest';
import { largeCounts } from './large-type-view.ts';
import { newRun } from './stretch-run.ts';
import { NO_PEOPLE_COUNTER, PRONE, SINGLE_KTC, upd } from './test-support.ts';
import type { SessionState } from './session-flow.ts';

function counting(
  def: typeof PRONE,
  reps: { all: number; left: number; right: number },
  next: 'left' | 'right' | null,
) {
  const run = { ...newRun(def, 0, []), reps: reps.all, repsBySide: { left: reps.left, right: reps.right } };
  return { ...NO_PEOPLE_COUNTER, phase: 'counting', run, update: upd({ nextSide: next }) } as SessionState;
}

describe('largeCounts', () => {
  it('is one unnamed number for a stretch without sides', () => {
    expect(largeCounts(counting(PRONE, { all: 3, left: 0, right: 0 }, null))).toEqual([
      { label: null, value: 3, next: false },
    ]);
  });
  it('names each side in words and marks the next one with a word, not a colour', () => {
    expect(largeCounts(counting(SINGLE_KTC, { all: 3, left: 2, right: 1 }, 'right'))).toEqual([
      { label: 'Left', value: 2, next: false },
      { label: 'Right', value: 1, next: true },
    ]);
  });
  it('is empty with no stretch running', () => {
    expect(largeCounts(NO_PEOPLE_COUNTER)).toEqual([]);
  });
});
