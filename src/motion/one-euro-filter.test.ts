import { describe, expect, it } from 'vitest';
import { OneEuroFilter } from './one-euro-filter.ts';

describe('OneEuroFilter', () => {
  it('reduces jitter on a still signal', () => {
    const f = new OneEuroFilter();
    const out: number[] = [];
    for (let i = 0; i < 100; i++) out.push(f.apply(50 + (i % 2 ? 2 : -2), i * 100));
    const tail = out.slice(20);
    expect(Math.max(...tail) - Math.min(...tail)).toBeLessThan(2.5); // input swings 4 degrees
  });

  it('follows a step within half a second', () => {
    const f = new OneEuroFilter();
    let y = 0;
    for (let i = 0; i < 10; i++) y = f.apply(0, i * 100);
    for (let i = 10; i < 15; i++) y = f.apply(90, i * 100);
    expect(y).toBeGreaterThan(70);
  });

  it('outputs stay within the range of the inputs', () => {
    const f = new OneEuroFilter();
    for (let i = 0; i < 200; i++) {
      const y = f.apply(Math.sin(i / 5) * 30, i * 33);
      expect(y).toBeGreaterThanOrEqual(-30.0001);
      expect(y).toBeLessThanOrEqual(30.0001);
    }
  });

  it('restarts from the next value after reset', () => {
    const f = new OneEuroFilter();
    f.apply(0, 0);
    f.apply(0, 100);
    f.reset();
    expect(f.apply(42, 200)).toBe(42);
  });
});
