/**
 * `npx tsx scripts/bench-timeline.ts [--minutes 10] [--runs 10] [--uplot path/to/uPlot.iife.min.js]`: renders the
 * review timeline (hand-drawn SVG, Timeline.svelte) of a long recording in headless Chromium on the production build
 * and prints the first render, a playhead move, the heap one chart holds and its DOM nodes. With `--uplot` (the file
 * from `npm install uplot` anywhere: the app does not depend on it) the same data is drawn by uPlot in the same page
 * for comparison: the curve, the bands, the lines and the markers drawn on its canvas, the playhead as its cursor.
 * A benchmark: not part of `npm test`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { ensureBuild } from './lib/build.ts';
import { serveStatic } from './lib/static-server.ts';
import { CHROMIUM_PATH, HEADLESS_ARGS } from './lib/chromium.ts';
import type { TimelineBenchRequest, TimelineBenchResult } from '../src/perf/timeline-bench.svelte.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    runs: { type: 'string', default: '10' },
    uplot: { type: 'string' },
  },
});
const req: TimelineBenchRequest = { minutes: Number(values.minutes), fps: 10, reps: 100, runs: Number(values.runs) };
if (values.uplot && !existsSync(values.uplot)) throw new Error(`no uPlot at ${values.uplot}`);

interface UPlotLike {
  ctx: CanvasRenderingContext2D;
  bbox: { left: number; top: number; width: number; height: number };
  valToPos(v: number, scale: string, canvasPixels?: boolean): number;
  setCursor(c: { left: number; top: number }): void;
  destroy(): void;
}
type UPlotCtor = new (opts: unknown, data: unknown, target: HTMLElement) => UPlotLike;

/** The same long recording as timeline-bench.svelte.ts's, drawn by uPlot (runs in the page). */
async function uplotBench(r: TimelineBenchRequest): Promise<Omit<TimelineBenchResult, 'points' | 'bands'>> {
  const UPlot = (window as unknown as { uPlot: UPlotCtor }).uPlot;
  const heap = () => {
    (window as unknown as { gc?: () => void }).gc?.();
    return (
      ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN) / 2 ** 20
    );
  };
  const frame = () => new Promise<void>((ok) => requestAnimationFrame(() => ok()));
  const n = Math.round(r.minutes * 60 * r.fps);
  const dur = n / r.fps;
  const period = dur / r.reps;
  const xs = Array.from({ length: n }, (_, i) => i / r.fps);
  const ys = xs.map((t, i) => (i % 617 < 12 ? null : 12 * Math.max(0, Math.sin((Math.PI * t) / period)) + Math.sin(i)));
  const bands = Array.from({ length: r.reps }, (_, k) => [k * period + period * 0.1, k * period + period * 0.9]);
  const spans = Array.from({ length: 10 }, (_, k) => [k * 60, k * 60 + 1.2]);
  const marks = Array.from({ length: 20 }, (_, k) => k * 30 + 5);
  const draw = (u: UPlotLike) => {
    const c = u.ctx;
    const { top, height } = u.bbox;
    const x = (s: number) => u.valToPos(s, 'x', true);
    c.save();
    c.fillStyle = 'rgba(76,195,138,0.18)';
    for (const [a, b] of bands) c.fillRect(x(a!), top, x(b!) - x(a!), height);
    c.fillStyle = 'rgba(154,164,176,0.3)';
    for (const [a, b] of spans) c.fillRect(x(a!), top, x(b!) - x(a!), height);
    c.strokeStyle = '#f2b134';
    c.setLineDash([8, 5]);
    for (const v of [14, 6]) {
      const y = u.valToPos(v, 'y', true);
      c.beginPath();
      c.moveTo(u.bbox.left, y);
      c.lineTo(u.bbox.left + u.bbox.width, y);
      c.stroke();
    }
    c.strokeStyle = '#ff8a8c';
    for (const m of marks) {
      c.beginPath();
      c.moveTo(x(m), top);
      c.lineTo(x(m), top + height);
      c.stroke();
    }
    c.restore();
  };
  const render: number[] = [];
  const move: number[] = [];
  let heapMB = NaN;
  let domNodes = 0;
  for (let run = 0; run < r.runs; run++) {
    const target = document.createElement('div');
    document.body.append(target);
    const before = heap();
    const t0 = performance.now();
    const u = new UPlot(
      {
        width: 960,
        height: 230,
        scales: { x: { time: false } },
        legend: { show: false },
        series: [{}, { stroke: '#5fb3ff', width: 2 }],
        hooks: { drawSeries: [draw] },
      },
      [xs, ys],
      target,
    );
    await frame();
    await frame();
    render.push(performance.now() - t0);
    if (run === 0) {
      heapMB = heap() - before;
      domNodes = target.querySelectorAll('*').length;
    }
    for (let k = 1; k <= 30; k++) {
      const m0 = performance.now();
      u.setCursor({ left: u.valToPos((k / 30) * dur, 'x'), top: 10 });
      target.getBoundingClientRect();
      move.push(performance.now() - m0);
      await frame();
    }
    u.destroy();
    target.remove();
  }
  const sum = (v: number[]) => {
    const s = [...v].sort((a, b) => a - b);
    return {
      median: s[Math.floor(s.length / 2)]!,
      p90: s[Math.floor(s.length * 0.9)]!,
      mean: v.reduce((a, b) => a + b, 0) / v.length,
      n: v.length,
    };
  };
  return { renderMs: sum(render), playheadMs: sum(move), heapMB, domNodes };
}

const dist = path.join(ROOT, 'dist-bench');
ensureBuild(ROOT, dist);
const { server, url } = await serveStatic(dist, null);
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: [...HEADLESS_ARGS, '--js-flags=--expose-gc'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  if (values.uplot) {
    const file = values.uplot;
    await page.route('**/__uplot.js', (route) => route.fulfill({ path: file, contentType: 'text/javascript' }));
  }
  await page.goto(`${url}/#/bench-timeline`);
  await page.waitForFunction(() => !!window.__spineTimelineBench);
  const row = (name: string, r: Omit<TimelineBenchResult, 'points' | 'bands'>) =>
    `${name.padEnd(14)} render ${r.renderMs.median.toFixed(1)} ms median (p90 ${r.renderMs.p90.toFixed(1)}), playhead move ${r.playheadMs.median.toFixed(2)} ms (p90 ${r.playheadMs.p90.toFixed(2)}), heap ${r.heapMB.toFixed(2)} MB, ${r.domNodes} DOM nodes`;
  const svg = await page.evaluate((r) => window.__spineTimelineBench!(r), req);
  process.stdout.write(`${svg.points} points, ${svg.bands} bands, ${req.runs} runs, 960 px wide\n`);
  process.stdout.write(`${row('SVG (ours)', svg)}\n`);
  if (values.uplot) {
    await page.addScriptTag({ url: '/__uplot.js' });
    // tsx keeps function names through an `__name` helper the page does not have
    await page.evaluate('window.__name = (f) => f');
    process.stdout.write(`${row('uPlot', await page.evaluate(uplotBench, req))}\n`);
  }
} finally {
  await browser.close();
  server.close();
}
