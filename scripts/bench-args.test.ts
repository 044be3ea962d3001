import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from './bench-args.ts';
import { UsageError } from './lib/cli-args.ts';

describe('parseBenchArgs', () => {
  it('defaults to the two CPU backends, lite and full, 10 s each, live and analysis rows', () => {
    const a = parseBenchArgs([]);
    expect(a.backends).toEqual(['wasm', 'mediapipe-cpu']);
    expect(a.models).toEqual(['lite', 'full']);
    expect(a.seconds).toBe(10);
    expect(a.longMinutes).toBe(0);
    expect([a.live, a.analysis]).toEqual([true, true]);
  });
  it('reads lists, numbers and flags in both --x v and --x=v forms', () => {
    const a = parseBenchArgs([
      '--backends',
      'wasm,webgl,auto',
      '--models=heavy',
      '--seconds',
      '5',
      '--only',
      'analysis',
      '--video',
      'v.mp4',
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
    expect([a.live, a.analysis, a.video]).toEqual([false, true, 'v.mp4']);
    expect(a.inputWidths).toEqual([0, 320]);
    expect(a.longMinutes).toBe(15);
    expect(a.out).toBe('b.json');
  });
  it.each([
    [['--fast'], 'unknown option --fast'],
    [['--worker'], 'unknown option --worker'],
    [['--backends', 'cuda'], /unknown backend cuda/],
    [['--seconds', '0'], /positive number/],
    [['--seconds', 'x'], /--seconds must be a number/],
    [['--out'], /--out needs a value/],
    [['--only', 'both'], /--only is live or analysis/],
    [['extra'], /unexpected argument/],
  ])('rejects %j with one clear message', (argv, message) => {
    expect(() => parseBenchArgs(argv)).toThrow(UsageError);
    expect(() => parseBenchArgs(argv)).toThrow(message);
  });
});
