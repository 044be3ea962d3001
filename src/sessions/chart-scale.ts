/** Geometry of the History chart (range per side over days, relief marks), so the SVG component only draws. */
import type { DayPoint } from './history-series.ts';
import type { Relief } from './types.ts';

export interface ChartGeometry {
  /** SVG path per side ('' when the side has no data). */
  readonly lines: { readonly left: string; readonly right: string; readonly none: string };
  /** The calibrated comfortable limit per side as a step path over the days ('' when never calibrated). */
  readonly limitLines: { readonly left: string; readonly right: string; readonly none: string };
  readonly dots: readonly {
    readonly x: number;
    readonly y: number;
    readonly side: 'left' | 'right' | 'none';
    readonly label: string;
  }[];
  /** Where each side's line ends (left and right only): the side's letter is written there, so that the two lines
   * are told apart by more than their colour. */
  readonly ends: readonly { readonly x: number; readonly y: number; readonly side: 'left' | 'right' }[];
  /** Relief marks along the bottom, one per rated day. */
  readonly relief: readonly { readonly x: number; readonly relief: Relief }[];
  readonly yTicks: readonly { readonly y: number; readonly value: number }[];
  readonly xLabels: readonly { readonly x: number; readonly text: string }[];
}

/** Maps day points into a `w` x `h` box with `pad` margins; the y axis spans the data with 10 % headroom. */
export function chartGeometry(points: readonly DayPoint[], w: number, h: number, pad = 40): ChartGeometry {
  const values = points
    .flatMap((p) => [p.left, p.right, p.none, p.limit.left, p.limit.right, p.limit.none])
    .filter((v): v is number => v !== null);
  const lo = values.length ? Math.min(...values) : 0;
  const hi = values.length ? Math.max(...values) : 1;
  const span = hi - lo || Math.max(1, Math.abs(hi));
  const yMin = lo - span * 0.1;
  const yMax = hi + span * 0.1;
  const plotH = h - pad * 2;
  const x = (i: number) => (points.length <= 1 ? w / 2 : pad + (i * (w - pad * 2)) / (points.length - 1));
  const y = (v: number) => pad + plotH - ((v - yMin) / (yMax - yMin)) * plotH;
  const line = (side: 'left' | 'right' | 'none') =>
    points
      .flatMap((p, i) => (p[side] === null ? [] : [`${x(i).toFixed(1)},${y(p[side]).toFixed(1)}`]))
      .map((xy, i) => `${i ? 'L' : 'M'}${xy}`)
      .join(' ');
  // the limit holds for the whole day: a level step across each day's slot
  const half = points.length <= 1 ? (w - pad * 2) / 2 : (w - pad * 2) / (points.length - 1) / 2;
  const limitLine = (side: 'left' | 'right' | 'none') =>
    points
      .flatMap((p, i) => {
        const v = p.limit[side];
        if (v === null) return [];
        const [x0, x1] = [Math.max(pad, x(i) - half), Math.min(w - pad, x(i) + half)];
        return [`M${x0.toFixed(1)},${y(v).toFixed(1)} L${x1.toFixed(1)},${y(v).toFixed(1)}`];
      })
      .join(' ');
  const dots = points.flatMap((p, i) =>
    (['left', 'right', 'none'] as const).flatMap((side) =>
      p[side] === null ? [] : [{ x: x(i), y: y(p[side]), side, label: `${p.day} ${side}: ${Math.round(p[side])}` }],
    ),
  );
  return {
    lines: { left: line('left'), right: line('right'), none: line('none') },
    limitLines: { left: limitLine('left'), right: limitLine('right'), none: limitLine('none') },
    dots,
    ends: (['left', 'right'] as const).flatMap((side) => {
      const last = dots.filter((d) => d.side === side).at(-1);
      return last ? [{ x: last.x, y: last.y, side }] : [];
    }),
    relief: points.flatMap((p, i) => (p.relief ? [{ x: x(i), relief: p.relief }] : [])),
    yTicks: [0, 0.5, 1].map((f) => ({ y: y(yMin + f * (yMax - yMin)), value: Math.round(yMin + f * (yMax - yMin)) })),
    xLabels: points.map((p, i) => ({ x: x(i), text: p.day.slice(5) })),
  };
}
