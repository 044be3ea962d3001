/**
 * `npm run bench -- [options]` (see BENCH_USAGE): runs the production build in headless Chromium with the fake camera
 * fed from a real clip, runs the live pipeline for each backend/model and reports per-frame detector and pipeline
 * times, their ratio, first pose (cold and warm cache), dropped frames and heap. A benchmark: not part of `npm test`.
 */
import { existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { ensureBuild } from './lib/build.ts';
import { serveStatic } from './lib/static-server.ts';
import { CHROMIUM_PATH, HEADLESS_ARGS } from './lib/chromium.ts';
import { BENCH_USAGE, parseBenchArgs, type BenchArgs } from './bench-args.ts';
import { UsageError } from './lib/cli-args.ts';
import {
  benchRow,
  formatAnalysisTable,
  formatStart,
  formatTable,
  type AnalysisRow,
  type BenchRow,
} from './bench-report.ts';
import { benchAnalysis } from './bench-analysis.ts';
import { fakeCamera, fakeCameraArgs } from './lib/fake-camera.ts';
import type { BenchPageResult, BenchRequest } from '../src/perf/bench-harness.svelte.ts';
import type { BackendChoice, ModelType } from '../src/pose/types.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
/** Analysed for the analysis rows: 26 s, one person, the clip issue 14 measured the seeking path on. */
const DEFAULT_VIDEO = path.resolve(ROOT, '../shared/footage/pfc/sphinx-pose.mp4');

function fail(msg: string): never {
  process.stderr.write(`bench: ${msg}\n`);
  process.exit(1);
}
const log = (msg: string) => process.stderr.write(`bench: ${msg}\n`);

interface Pair {
  readonly backend: BackendChoice;
  readonly model: ModelType;
  readonly inputWidth: number;
}

function pairs(a: BenchArgs): Pair[] {
  const out: Pair[] = [];
  for (const model of a.models) {
    for (const backend of a.backends) {
      // webgl is SwiftShader here (~10x slower than wasm); heavy on it takes minutes for nothing
      if (backend === 'webgl' && model === 'heavy') continue;
      for (const inputWidth of a.inputWidths) out.push({ backend, model, inputWidth });
    }
  }
  return out;
}

/** One backend/model in a fresh browser context: a cold start (empty caches), then a warm start (reload). */
async function runPair(
  browser: Browser,
  url: string,
  p: Pair,
  a: BenchArgs,
  exercise: BenchRequest['exercise'],
): Promise<{ cold: BenchPageResult; warm: BenchPageResult; foreign: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const foreign: string[] = [];
  page.on('request', (r) => {
    if (!/^(blob|data):/.test(r.url()) && !r.url().startsWith(url)) foreign.push(r.url());
  });
  page.on('pageerror', (e) => log(`page error: ${e.message}`));
  page.on('crash', () => log('the page crashed'));
  page.on('console', (m) => {
    if (m.type() === 'error') log(`console: ${m.text()}`);
  });
  const run = async (seconds: number, longMinutes: number): Promise<BenchPageResult> => {
    await page.waitForFunction(() => typeof window.__spineBench === 'function', null, { timeout: 60_000 });
    const req: BenchRequest = {
      backend: p.backend,
      model: p.model,
      seconds,
      exercise,
      inputWidth: p.inputWidth,
      longMinutes,
      sampleS: a.sampleS,
    };
    return page.evaluate((r) => window.__spineBench!(r), req);
  };
  try {
    await page.goto(`${url}/#/bench`);
    const cold = await run(1, 0);
    // let the service worker finish installing and take control before the warm start
    await page.evaluate(() =>
      Promise.race([
        navigator.serviceWorker.ready.then(() => true),
        new Promise((r) => setTimeout(() => r(false), 10_000)),
      ]),
    );
    // second start: the service worker now controls the page and stores the model files as they load
    await page.reload();
    await run(1, 0);
    // third start: everything comes from the caches (the "warm" figures)
    await page.reload();
    const warm = await run(a.seconds, a.longMinutes);
    return { cold, warm, foreign };
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  let a: BenchArgs;
  try {
    a = parseBenchArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) fail(`${e.message}\n${BENCH_USAGE}`);
    throw e;
  }
  const cam = fakeCamera(a.clip);
  const video = a.analysis ? (a.video ?? (existsSync(DEFAULT_VIDEO) ? DEFAULT_VIDEO : null)) : null;
  if (video && !existsSync(video)) fail(`cannot read video ${video}`);
  const dist = path.resolve(ROOT, process.env.BENCH_DIST ?? 'dist-bench');
  ensureBuild(ROOT, dist);
  const { server, url } = await serveStatic(dist, video);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...HEADLESS_ARGS, ...fakeCameraArgs(cam.y4m), '--js-flags=--expose-gc', '--enable-precise-memory-info'],
  });
  const rows: BenchRow[] = [];
  const analysisRows: AnalysisRow[] = [];
  const loadBefore = os.loadavg();
  const todo = !a.live ? [] : a.longMinutes > 0 ? pairs(a).slice(0, 1) : pairs(a);
  try {
    for (const p of todo) {
      log(
        `${p.backend}/${p.model}${p.inputWidth ? ` @${p.inputWidth}px` : ''}: ${a.longMinutes > 0 ? `${a.longMinutes} min session` : `${a.seconds} s`}…`,
      );
      try {
        const { cold, warm, foreign } = await runPair(browser, url, p, a, 'pelvic-tilt');
        if (foreign.length) fail(`the page tried to reach another origin: ${foreign[0]}`);
        const row = benchRow(p.backend, cold, warm);
        rows.push(row);
        log(formatTable([row]).split('\n')[1] ?? '');
        log(`  cold start: ${formatStart(row.startCold)}`);
        log(`  warm start: ${formatStart(row.startWarm)}`);
      } catch (e) {
        log(`${p.backend}/${p.model} failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
      }
    }
    if (video && a.longMinutes === 0)
      for (const model of a.models)
        for (const backend of a.backends) {
          log(`analysis of ${path.basename(video)}: ${backend}/${model}…`);
          try {
            const row = await benchAnalysis(
              browser,
              url,
              path.relative(path.resolve(ROOT, '..'), video),
              backend,
              model,
            );
            analysisRows.push(row);
            log(formatAnalysisTable([row]).split('\n')[1] ?? '');
          } catch (e) {
            log(`analysis ${backend}/${model} failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
          }
        }
  } finally {
    await browser.close();
    server.close();
  }
  const report = {
    clip: cam.source,
    fakeCamera: path.basename(cam.y4m),
    seconds: a.seconds,
    longMinutes: a.longMinutes,
    cpus: os.cpus().length,
    loadAvgBefore: loadBefore,
    loadAvgAfter: os.loadavg(),
    rows,
    analysisVideo: video ? path.relative(path.resolve(ROOT, '..'), video) : null,
    analysisRows,
  };
  const json = JSON.stringify(report, null, 2);
  if (a.out) writeFileSync(a.out, json + '\n');
  else process.stdout.write(json + '\n');
  if (rows.length) process.stderr.write(formatTable(rows) + '\n');
  if (analysisRows.length) process.stderr.write(formatAnalysisTable(analysisRows) + '\n');
}

main().catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
