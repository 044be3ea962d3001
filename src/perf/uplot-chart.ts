/**
 * The review timeline drawn by uPlot, for `scripts/bench-timeline.ts --uplot` only: the app does not depend on uPlot;
 * the script loads its iife build into the bench page, where it is `window.uPlot`. The curve is uPlot's series; the
 * bands, spans, lines and markers are drawn on its canvas in a hook, the playhead is its cursor.
 */
import type { Timeline } from '../analysis/timeline.ts';
import type { BenchChart } from './timeline-bench.svelte.ts';

interface UPlotLike {
  readonly ctx: CanvasRenderingContext2D;
  readonly bbox: { readonly left: number; readonly top: number; readonly width: number; readonly height: number };
  valToPos(v: number, scale: string, canvasPixels?: boolean): number;
  setCursor(c: { left: number; top: number }): void;
  destroy(): void;
}
type UPlotCtor = new (opts: unknown, data: unknown, target: HTMLElement) => UPlotLike;

const COLOR = { fault: '#ff8a8c', 'over-range': '#f2b134', pain: '#ff5c5c' } as const;

export function uplotChart(target: HTMLElement, t: Timeline): BenchChart {
  const UPlot = (window as unknown as { uPlot?: UPlotCtor }).uPlot;
  if (!UPlot) throw new Error('uPlot is not loaded in this page');
  const draw = (u: UPlotLike) => {
    const c = u.ctx;
    const { left, top, width, height } = u.bbox;
    const x = (s: number) => u.valToPos(s, 'x', true);
    c.save();
    c.fillStyle = 'rgba(76,195,138,0.18)';
    for (const b of t.bands) c.fillRect(x(b.startS), top, x(b.endS) - x(b.startS), height);
    c.fillStyle = 'rgba(154,164,176,0.3)';
    for (const s of t.spans) c.fillRect(x(s.startS), top, x(s.endS) - x(s.startS), height);
    c.setLineDash([8, 5]);
    c.strokeStyle = '#f2b134';
    for (const l of t.lines) {
      const y = u.valToPos(l.depth, 'y', true);
      c.beginPath();
      c.moveTo(left, y);
      c.lineTo(left + width, y);
      c.stroke();
    }
    for (const m of t.markers) {
      c.strokeStyle = COLOR[m.kind];
      c.beginPath();
      c.moveTo(x(m.tS), top);
      c.lineTo(x(m.tS), top + height);
      c.stroke();
    }
    c.restore();
  };
  const ys = Array.from(t.curve.depth, (v) => (Number.isNaN(v) ? null : v));
  const u = new UPlot(
    {
      width: 960,
      height: 230,
      scales: { x: { time: false }, y: { range: [t.yMin, t.yMax] } },
      legend: { show: false },
      series: [{}, { stroke: '#5fb3ff', width: 2 }],
      hooks: { drawSeries: [draw] },
    },
    [Array.from(t.curve.tS), ys],
    target,
  );
  return {
    move: (tS) => u.setCursor({ left: u.valToPos(tS, 'x'), top: 10 }),
    destroy: () => u.destroy(),
  };
}
