import { describe, expect, it } from 'vitest';
import {
  acceptCalibration,
  DEFAULT_CALIBRATION_DEG as CFG,
  INITIAL_CALIBRATION,
  stepCalibration,
  type CalibrationState,
} from './calibration.ts';

/** Feeds depths at 10 fps starting at t=0. */
function feed(depths: readonly (number | null)[], s: CalibrationState = INITIAL_CALIBRATION): CalibrationState {
  return depths.reduce<CalibrationState>((st, d, i) => stepCalibration(st, i * 100, d, CFG), s);
}
const repeat = (v: number | null, n: number) => Array<number | null>(n).fill(v);

describe('calibration of the comfortable range', () => {
  it('records the depth held still at end range after moving slowly there', () => {
    const ramp = Array.from({ length: 20 }, (_, i) => 5 + i); // 5..24 deg over 2 s
    const s = feed([...ramp, ...repeat(25, 31)]);
    expect(s.result).toBe(25);
  });

  it('ignores a brief bounce past the comfortable point: the limit is what was sustained', () => {
    const s = feed([...repeat(5, 5), 30, 31, 30, ...repeat(22, 35)]);
    expect(s.result).toBe(22);
  });

  it('does not finish while the user rests in the start position', () => {
    const s = feed(repeat(5, 60));
    expect(s.result).toBeNull();
    expect(s.best).toBe(5);
  });

  it('does not finish while still moving', () => {
    const s = feed(Array.from({ length: 60 }, (_, i) => 5 + i));
    expect(s.result).toBeNull();
  });

  it('a tracking gap restarts the hold: depth is not assumed through the gap', () => {
    const s = feed([...repeat(5, 3), ...repeat(25, 15), ...repeat(null, 5), ...repeat(25, 15)]);
    expect(s.result).toBeNull();
  });

  it('accept uses the deepest sustained depth, and only once one exists', () => {
    expect(acceptCalibration(feed([5, 20])).result).toBeNull();
    expect(acceptCalibration(feed([...repeat(5, 5), ...repeat(18, 12)])).result).toBe(18);
  });
});
