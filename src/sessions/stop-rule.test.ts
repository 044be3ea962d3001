import { describe, expect, it } from 'vitest';
import { INITIAL_STOP_RULE, stepStopRule, stopLimit, stopRuleConfig, type StopRuleState } from './stop-rule.ts';

const CFG = stopRuleConfig(10, 'deg');

/** Feeds depths at 10 fps; returns the index of the frame that stopped, or -1. */
function firstStop(depths: readonly (number | null)[], limit: number): number {
  let s: StopRuleState = INITIAL_STOP_RULE;
  for (const [i, d] of depths.entries()) {
    const r = stepStopRule(s, i * 100, d, limit, CFG);
    if (r.stop) return i;
    s = r.state;
  }
  return -1;
}

describe('stop rule', () => {
  it('limit is the calibration plus the margin percent, never less than the absolute floor', () => {
    expect(stopLimit(40, CFG)).toBe(44);
    expect(stopLimit(10, CFG)).toBe(12); // 10 % would be 1°, the floor is 2°
  });

  it('stops on the second frame in a row past the limit', () => {
    expect(firstStop([30, 40, 45, 46, 47], 44)).toBe(3);
  });

  it('one noisy frame does not stop', () => {
    expect(firstStop([30, 60, 30, 30, 50, 30], 44)).toBe(-1);
  });

  it('a frame the engine cannot judge neither stops nor resets', () => {
    expect(firstStop([45, null, 46], 44)).toBe(2);
  });

  it('after a stop it re-arms only once back inside the limit', () => {
    let s: StopRuleState = INITIAL_STOP_RULE;
    const stops: number[] = [];
    [45, 46, 47, 48, 40, 45, 46].forEach((d, i) => {
      const r = stepStopRule(s, i * 100, d, 44, CFG);
      if (r.stop) stops.push(i);
      s = r.state;
    });
    expect(stops).toEqual([1, 6]);
  });
});
