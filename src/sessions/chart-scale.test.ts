import { describe, expect, it } from 'vitest';
import { chartGeometry } from './chart-scale.ts';

describe('chart geometry', () => {
  it('deeper range is drawn higher, days left to right, a missing side leaves a gap not a zero', () => {
    const g = chartGeometry(
      [
        {
          day: '2026-03-01',
          left: 90,
          right: 80,
          none: null,
          relief: 'same',
          pain: 3,
          limit: { left: null, right: null, none: null },
        },
        {
          day: '2026-03-02',
          left: 100,
          right: null,
          none: null,
          relief: 'better',
          pain: 2,
          limit: { left: 110, right: null, none: null },
        },
      ],
      400,
      200,
    );
    const left = g.dots.filter((d) => d.side === 'left');
    expect(left[1]!.y).toBeLessThan(left[0]!.y);
    expect(left[1]!.x).toBeGreaterThan(left[0]!.x);
    expect(g.lines.right.split('L')).toHaveLength(1);
    expect(g.lines.none).toBe('');
    expect(g.relief.map((r) => r.relief)).toEqual(['same', 'better']);
    expect(g.xLabels.map((l) => l.text)).toEqual(['03-01', '03-02']);
    // the left limit of day 2 (110) is a level segment above that day's range (100); no limit for day 1 or right
    const [, y0, , y1] = g.limitLines.left.match(/[\d.]+/g)!.map(Number);
    expect(y0).toBe(y1);
    expect(y0!).toBeLessThan(left[1]!.y);
    expect(g.limitLines.left.match(/M/g)).toHaveLength(1);
    expect(g.limitLines.right).toBe('');
    // each side's line ends where its last day is, for its letter: left on day 2, right on day 1 (its only day)
    const right = g.dots.filter((d) => d.side === 'right');
    expect(g.ends).toEqual([
      { x: left[1]!.x, y: left[1]!.y, side: 'left' },
      { x: right[0]!.x, y: right[0]!.y, side: 'right' },
    ]);
  });
});
