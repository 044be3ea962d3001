/**
 * Where the review timeline's parts sit in a `w` x `h` SVG box, so the component only draws. The curve is reduced to
 * the first, lowest, highest and last point of each pixel column (what a line drawn at that width shows anyway), so a
 * 10-minute recording at 10 fps (6000 points) draws as at most 4 points a column. Pure.
 */
import type { Timeline, TimelineBand, TimelineLine, TimelineMarker, TimelineSpan } from './timeline.ts';

/** Margins of the plot inside the box: room for the depth ticks on the left and the time ticks below. */
export const PLOT_PAD = { left: 44, right: 8, top: 8, bottom: 22 } as const;

export interface TimelineGeometry {
  readonly w: number;
  readonly h: number;
  /** The plot area. */
  readonly plot: { readonly x: number; readonly y: number; readonly w: number; readonly h: number };
  /** The depth curve as one SVG path (gaps where the frames were not judged). */
  readonly path: string;
  readonly bands: readonly (TimelineBand & { readonly x: number; readonly width: number })[];
  readonly spans: readonly (TimelineSpan & { readonly x: number; readonly width: number })[];
  readonly markers: readonly (TimelineMarker & { readonly x: number })[];
  readonly lines: readonly (TimelineLine & { readonly y: number })[];
  readonly yTicks: readonly { readonly y: number; readonly text: string }[];
  readonly xTicks: readonly { readonly x: number; readonly text: string }[];
}

/** A step of 1, 2 or 5 times a power of ten giving about `n` ticks over `span`. */
function niceStep(span: number, n: number): number {
  const raw = span / Math.max(1, n);
  const p = 10 ** Math.floor(Math.log10(raw || 1));
  return ([1, 2, 5, 10].find((k) => k * p >= raw) ?? 10) * p;
}

/** m:ss for a tick */
const tickClock = (s: number) => `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, '0')}`;

export function timelineGeometry(t: Timeline, w: number, h: number): TimelineGeometry {
  const plot = {
    x: PLOT_PAD.left,
    y: PLOT_PAD.top,
    w: w - PLOT_PAD.left - PLOT_PAD.right,
    h: h - PLOT_PAD.top - PLOT_PAD.bottom,
  };
  const dur = Math.max(t.durationS, 1e-3);
  const x = (s: number) => plot.x + (Math.min(Math.max(s, 0), dur) / dur) * plot.w;
  const y = (v: number) => plot.y + plot.h - ((v - t.yMin) / (t.yMax - t.yMin)) * plot.h;
  const f = (v: number) => v.toFixed(1);

  const parts: string[] = [];
  let column = NaN;
  let pen = false;
  // per column: first, min, max, last (M4): the drawn line is the same as with every point
  let first = 0;
  let lo = 0;
  let hi = 0;
  let last = 0;
  const flush = () => {
    if (Number.isNaN(column)) return;
    const cx = f(column);
    const pts = [first, lo, hi, last].map((v) => `${cx},${f(y(v))}`);
    parts.push(`${pen ? 'L' : 'M'}${pts[0]}`, ...pts.slice(1).map((p) => `L${p}`));
    pen = true;
    column = NaN;
  };
  const { tS, depth } = t.curve;
  for (let i = 0; i < tS.length; i++) {
    const v = depth[i]!;
    if (Number.isNaN(v)) {
      flush();
      pen = false;
      continue;
    }
    const c = Math.round(x(tS[i]!));
    if (c !== column) {
      flush();
      column = c;
      first = lo = hi = last = v;
    } else {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
      last = v;
    }
  }
  flush();

  const widthOf = (a: number, b: number) => Math.max(2, x(b) - x(a));
  const step = niceStep(dur, Math.max(2, Math.round(plot.w / 90)));
  const xTicks = [];
  for (let s = 0; s <= dur + 1e-9; s += step) xTicks.push({ x: x(s), text: tickClock(s) });
  const yStep = niceStep(t.yMax - t.yMin, 4);
  const yTicks = [];
  for (let v = Math.ceil(t.yMin / yStep) * yStep; v <= t.yMax; v += yStep)
    yTicks.push({ y: y(v), text: t.unit === 'deg' ? `${Math.round(v)}°` : `${Math.round(v * 100)}%` });

  return {
    w,
    h,
    plot,
    path: parts.join(' '),
    bands: t.bands.map((b) => ({ ...b, x: x(b.startS), width: widthOf(b.startS, b.endS) })),
    spans: t.spans.map((s) => ({ ...s, x: x(s.startS), width: widthOf(s.startS, s.endS) })),
    markers: t.markers.map((m) => ({ ...m, x: x(m.tS) })),
    lines: t.lines.map((l) => ({ ...l, y: y(l.depth) })),
    yTicks,
    xTicks,
  };
}

/** The time under a point `fraction` (0..1) of the way across the whole box (a click on the chart). */
export function timeAtFraction(g: TimelineGeometry, fraction: number, durationS: number): number {
  return Math.min(Math.max((fraction * g.w - g.plot.x) / g.plot.w, 0), 1) * durationS;
}

/** Where the playhead at `tS` sits across the whole box, 0..1 of its width (the component positions it by CSS). */
export function playheadFraction(g: TimelineGeometry, tS: number, durationS: number): number {
  const frac = durationS > 0 ? Math.min(Math.max(tS / durationS, 0), 1) : 0;
  return (g.plot.x + frac * g.plot.w) / g.w;
}
