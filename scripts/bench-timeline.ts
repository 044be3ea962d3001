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
const req = (chart: TimelineBenchRequest['chart']): TimelineBenchRequest => ({
  chart,
  minutes: Number(values.minutes),
  fps: 10,
  reps: 100,
  runs: Number(values.runs),
});
if (values.uplot && !existsSync(values.uplot)) throw new Error(`no uPlot at ${values.uplot}`);

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
  const row = (name: string, r: TimelineBenchResult) =>
    `${name.padEnd(14)} render ${r.renderMs.median.toFixed(1)} ms median (p90 ${r.renderMs.p90.toFixed(1)}), playhead move ${r.playheadMs.median.toFixed(2)} ms (p90 ${r.playheadMs.p90.toFixed(2)}), heap ${r.heapMB.toFixed(2)} MB, ${r.domNodes} DOM nodes`;
  const run = (r: TimelineBenchRequest) => page.evaluate((q) => window.__spineTimelineBench!(q), r);
  const svg = await run(req('svg'));
  process.stdout.write(`${svg.points} points, ${svg.bands} bands, ${values.runs} runs, 960 px wide\n`);
  process.stdout.write(`${row('SVG (ours)', svg)}\n`);
  if (values.uplot) {
    await page.addScriptTag({ url: '/__uplot.js' });
    process.stdout.write(`${row('uPlot', await run(req('uplot')))}\n`);
  }
} finally {
  await browser.close();
  server.close();
}
