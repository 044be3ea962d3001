import { describe, expect, it } from 'vitest';
import { chartGeometry } from './chart-scale.ts';

describe('chart geometry', () => {
  it('deeper range is drawn higher, days left to right, a missing side leaves a gap not a zero', () => {
    const g = chartGeometry([
      { day: '2026-03-01', left: 90, right: 80, none: null, relief: 'same', pain: 3 },
      { day: '2026-03-02', left: 100, right: null, none: null, relief: 'better', pain: 2 },
    ], 400, 200);
    const left = g.dots.filter((d) => d.side === 'left');
    expect(left[1]!.y).toBeLessThan(left[0]!.y);
    expect(left[1]!.x).toBeGreaterThan(left[0]!.x);
    expect(g.lines.right.split('L')).toHaveLength(1);
    expect(g.lines.none).toBe('');
    expect(g.relief.map((r) => r.relief)).toEqual(['same', 'better']);
    expect(g.xLabels.map((l) => l.text)).toEqual(['03-01', '03-02']);
  });
});
