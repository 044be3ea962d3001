import { describe, expect, it } from 'vitest';
import { median, quantile } from './stats.ts';

describe('quantile', () => {
  it.each([
    // values, q, expected: the value at rank floor(q * n) of the sorted values
    [[40, 10, 30, 20], 0.5, 30],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9, 10],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.2, 3],
    [[3, 1, 2], 0, 1],
    [[3, 1, 2], 1, 3],
    [[5, NaN, Infinity], 0.5, 5],
  ])('of %j at %d is %d, a value that occurred', (values, q, expected) => {
    expect(quantile(values, q)).toBe(expected);
  });

  it('is NaN with no finite values', () => {
    expect(quantile([], 0.5)).toBeNaN();
    expect(quantile([NaN], 0.5)).toBeNaN();
  });

  it('takes the median robust to one slow outlier', () => {
    expect(median([40, 400, 42])).toBe(42);
  });
});
