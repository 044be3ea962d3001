import { describe, expect, it } from 'vitest';
import { INITIAL_PEOPLE_CHECK, peopleCheckStep, type PeopleCheckState } from './people-check.ts';

const run = (checks: readonly (readonly number[])[]): boolean[] => {
  let s: PeopleCheckState = INITIAL_PEOPLE_CHECK;
  return checks.map((c) => (s = peopleCheckStep(s, c)).several);
};

describe('people check', () => {
  it('takes the first answer as it is: two people from the start (pfc/pushups: 0.52-0.63 and 0.49-0.56)', () => {
    expect(
      run([
        [0.54, 0.52],
        [0.59, 0.56],
      ]),
    ).toEqual([true, true]);
  });

  it('then says "more than one person" only after two checks in a row see a second person', () => {
    expect(
      run([
        [0.66, 0.01],
        [0.54, 0.52],
        [0.59, 0.56],
        [0.63, 0.56],
      ]),
    ).toEqual([false, false, true, true]);
  });

  it('one person never raises it (second scores of one-person clips 0.00-0.02), nor one odd check', () => {
    expect(
      run([
        [0.68, 0],
        [0.19, 0.0],
        [0.7, 0.02],
        [0.6, 0.3],
        [0.6, 0.01],
        [0.62, 0.01],
      ]),
    ).toEqual([false, false, false, false, false, false]);
  });

  it('clears once two checks in a row see one person again', () => {
    expect(
      run([
        [0.6, 0.5],
        [0.6, 0.5],
        [0.6, 0.01],
        [0.6, 0.01],
      ]),
    ).toEqual([true, true, true, false]);
  });

  it('nobody at all is not "several"', () => {
    expect(run([[], [], [0.01]])).toEqual([false, false, false]);
  });
});
