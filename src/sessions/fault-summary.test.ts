import { describe, expect, it } from 'vitest';
import { faultSummary } from './fault-summary.ts';
import type { StretchResult } from './types.ts';

const result = (faults?: StretchResult['faults']) => ({ exercise: 'prone-extension', faults }) as StretchResult;

describe('faultSummary', () => {
  it('names each fault in words with its count, most frequent first', () => {
    expect(faultSummary(result({ 'neck-neutral': 1, 'on-forearms': 3 }))).toEqual([
      'You are up on straight arms ×3',
      'Your head is tipped back ×1',
    ]);
  });
  it('is empty for a clean stretch and for records made before form checking', () => {
    expect(faultSummary(result({}))).toEqual([]);
    expect(faultSummary(result(undefined))).toEqual([]);
  });
});
