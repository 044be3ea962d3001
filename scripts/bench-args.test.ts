import { describe, expect, it } from 'vitest';
import { BenchUsageError, parseBenchArgs } from './bench-args.ts';

describe('parseBenchArgs', () => {
  it('defaults to the two CPU backends, lite and full, 10 s each', () => {
    const a = parseBenchArgs([]);
    expect(a.backends).toEqual(['wasm', 'mediapipe-cpu']);
    expect(a.models).toEqual(['lite', 'full']);
    expect(a.seconds).toBe(10);
    expect(a.longMinutes).toBe(0);
  });
  it('reads lists, numbers and flags in both --x v and --x=v forms', () => {
    const a = parseBenchArgs([
      '--backends',
      'wasm,webgl,auto',
      '--models=heavy',
      '--seconds',
      '5',
      '--worker',
      '--input-widths',
      '0,320',
      '--long-minutes',
      '15',
      '--out',
      'b.json',
    ]);
    expect(a.backends).toEqual(['wasm', 'webgl', 'auto']);
    expect(a.models).toEqual(['heavy']);
    expect(a.seconds).toBe(5);
    expect(a.worker).toBe(true);
    expect(a.inputWidths).toEqual([0, 320]);
    expect(a.longMinutes).toBe(15);
    expect(a.out).toBe('b.json');
  });
  it('rejects unknown options, backends and bad numbers with one clear message', () => {
    expect(() => parseBenchArgs(['--fast'])).toThrow(BenchUsageError);
    expect(() => parseBenchArgs(['--fast'])).toThrow('unknown option --fast');
    expect(() => parseBenchArgs(['--backends', 'cuda'])).toThrow(/unknown backend cuda/);
    expect(() => parseBenchArgs(['--seconds', '0'])).toThrow(/positive number/);
    expect(() => parseBenchArgs(['--out'])).toThrow(/needs a value/);
  });
});
