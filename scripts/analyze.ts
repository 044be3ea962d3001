/**
 * `npm run analyze -- <video> [options]`: runs the production build in headless Chromium over a local video file
 * and writes a JSON report (and optionally the whole landmark track). See USAGE in lib/cli-args.ts.
 */
import { accessSync, constants, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { parseAnalyzeArgs, UsageError, USAGE } from './lib/cli-args.ts';
import { poseReport, timingReport } from './lib/report.ts';
import { watchCpu, watchPeakBrowserMemory, type CpuUse } from './lib/process-usage.ts';
import { analysisProgress, formatProgress } from '../src/pose/progress.ts';
import { ensureBuild, probeFps } from './lib/build.ts';
import { serveStatic } from './lib/static-server.ts';
import { CHROMIUM_PATH, HEADLESS_ARGS } from './lib/chromium.ts';
import { parseLandmarkTrack, roundFrame } from '../src/pose/track.ts';
import { EXERCISE_IDS } from '../src/exercises/registry.ts';
import type { ExerciseId } from '../src/exercises/types.ts';
import type { LandmarkTrack, PoseFrame } from '../src/pose/types.ts';
import type { AnalyzeRequest, AnalyzeResult } from '../src/pose/analyze-harness.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
/** Frames fetched from the page per call: ~5 MB of JSON (see `__spineAnalyzeFrames`). */
const FRAMES_PER_SLICE = 500;

function fail(msg: string): never {
  process.stderr.write(`analyze: ${msg}\n`);
  process.exit(1);
}

function readableFile(p: string, what: string): string {
  const abs = path.resolve(p);
  try {
    accessSync(abs, constants.R_OK);
    if (!statSync(abs).isFile()) fail(`${what} ${p} is not a file`);
  } catch {
    fail(`cannot read ${what} ${p}`);
  }
  return abs;
}

/** Hundreds of frames already logged when stderr is not a terminal. */
let loggedHundreds = 0;

/** Writes one progress line to stderr: over itself on a terminal, else one line per hundred frames (the page reports
 * a few times a second, so the counts it gives jump) and the last. */
function progressLine(done: number, total: number, startMs: number): void {
  const line = `analyze: ${formatProgress(analysisProgress(done, total, performance.now() - startMs))}`;
  if (process.stderr.isTTY) process.stderr.write(`\r${line}\x1b[K`);
  else if (done === total || Math.floor(done / 100) > loggedHundreds) {
    loggedHundreds = Math.floor(done / 100);
    process.stderr.write(`${line}\n`);
  }
}

async function analyzeInBrowser(
  video: string,
  req: Omit<AnalyzeRequest, 'url'>,
): Promise<{
  result: AnalyzeResult;
  peakBrowserPssMB: number | null;
  cpu: CpuUse;
}> {
  const dist = path.resolve(ROOT, process.env.ANALYZE_DIST ?? 'dist');
  ensureBuild(ROOT, dist);
  const { server, url } = await serveStatic(dist, video);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...HEADLESS_ARGS, '--enable-precise-memory-info'],
    headless: true,
  });
  const rss = watchPeakBrowserMemory();
  // Ctrl-C: stop the analysis in the page (decoding and detection end at once), then leave without a report
  let cancelled = false;
  const page = await browser.newPage();
  const onSigint = () => {
    if (cancelled) process.exit(130);
    cancelled = true;
    process.stderr.write('\nanalyze: cancelling…\n');
    page.evaluate(() => window.__spineAnalyzeCancel?.()).catch(() => process.exit(130));
  };
  process.on('SIGINT', onSigint);
  try {
    const foreign: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(url) && !r.url().startsWith('blob:') && !r.url().startsWith('data:'))
        foreign.push(r.url());
    });
    const started = performance.now();
    await page.exposeFunction('__spineAnalyzeProgress', (done: number, total: number) =>
      progressLine(done, total, started),
    );
    await page.goto(`${url}/#/video`);
    await page.waitForFunction(() => typeof window.__spineAnalyze === 'function', null, { timeout: 60_000 });
    // how many cores the browser keeps busy from the request to the result (model load included), and the host's steal
    const cpuWatch = watchCpu();
    const summary = await page.evaluate((r) => window.__spineAnalyze!(r), {
      ...req,
      url: `${url}/__video`,
      framesBySlice: true,
    });
    const cpu = cpuWatch.stop();
    const frames = [];
    for (let from = 0; from < summary.frameCount; from += FRAMES_PER_SLICE) {
      const json = await page.evaluate(([a, b]) => window.__spineAnalyzeFrames!(a, b), [
        from,
        from + FRAMES_PER_SLICE,
      ] as const);
      frames.push(...(JSON.parse(json) as PoseFrame[]));
    }
    const result = { ...summary, frames };
    if (foreign.length) fail(`the page tried to reach another origin: ${foreign[0]}`);
    if (result.cancelled) fail(`cancelled after ${result.frames.length} frames; no report written`);
    return { result, peakBrowserPssMB: rss.stop(), cpu };
  } catch (e) {
    const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
    fail(
      /cannot be read as a video|no video picture/.test(msg ?? '')
        ? `${path.basename(video)} cannot be read as a video`
        : `analysis failed: ${msg}`,
    );
  } finally {
    process.off('SIGINT', onSigint);
    rss.stop();
    await browser.close();
    server.close();
  }
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseAnalyzeArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) fail(`${e.message}\n${USAGE}`);
    throw e;
  }
  if (args.exercise !== null && !(EXERCISE_IDS as readonly string[]).includes(args.exercise)) {
    fail(`unknown exercise ${args.exercise} (one of ${EXERCISE_IDS.join(', ')})`);
  }
  let track: LandmarkTrack;
  let report;
  if (args.fromLandmarks) {
    const file = readableFile(args.fromLandmarks, 'landmark track');
    try {
      track = parseLandmarkTrack(JSON.parse(readFileSync(file, 'utf8')));
    } catch (e) {
      fail(`${args.fromLandmarks} is not a landmark track: ${e instanceof Error ? e.message : String(e)}`);
    }
    report = poseReport(track.source, track);
  } else {
    const video = readableFile(args.video as string, 'video');
    const commandStart = performance.now();
    const {
      result: r,
      peakBrowserPssMB,
      cpu,
    } = await analyzeInBrowser(video, {
      backend: args.backend,
      model: args.model,
      fps: args.fps,
      // only the seeking fallback needs it: decoding reads the timestamps from the container
      sourceFps: probeFps(video) ?? undefined,
      maxDurationS: args.maxSeconds ?? undefined,
      maxSide: args.maxSide,
      forceSeek: args.seek,
      workers: args.workers || undefined,
    });
    const durationS = args.maxSeconds ? Math.min(args.maxSeconds, r.durationS) : r.durationS;
    track = {
      format: 'spine-coach-track',
      version: 1,
      source: path.basename(video),
      backend: r.backend,
      model: r.model,
      fps: args.fps,
      durationS,
      frames: r.frames.map((f) => roundFrame(f)),
    };
    report = poseReport(path.basename(video), track, {
      decodePath: r.decodePath,
      codec: r.codec,
      timing: timingReport(durationS, r, {
        commandWallMs: performance.now() - commandStart,
        peakBrowserPssMB,
        ...cpu,
        loadAvg1m: os.loadavg()[0],
      }),
    });
  }
  let full: Record<string, unknown> = { ...report };
  if (args.exercise) {
    const modPath = path.join(ROOT, 'src/analysis/count-track.ts');
    let mod: { countTrack?: (t: LandmarkTrack, id: ExerciseId) => object };
    try {
      mod = (await import(pathToFileURL(modPath).href)) as typeof mod;
    } catch (e) {
      fail(
        `counting is not available (${path.relative(ROOT, modPath)}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)})`,
      );
    }
    if (typeof mod.countTrack !== 'function') fail('src/analysis/count-track.ts exports no countTrack');
    full = { ...full, exercise: args.exercise, ...mod.countTrack(track, args.exercise as ExerciseId) };
  }
  if (args.landmarks) writeFileSync(args.landmarks, JSON.stringify(track));
  const json = JSON.stringify(full, null, 2);
  if (args.out) writeFileSync(args.out, json + '\n');
  else process.stdout.write(json + '\n');
  const t = report.timing;
  process.stderr.write(
    `analyze: ${report.video}: ${report.framesWithPose}/${report.framesAnalyzed} frames with a pose (${(report.poseRate * 100).toFixed(1)} %), ` +
      `${report.backend}/${report.model}` +
      (t
        ? `, ${report.decodePath}${t.workers > 1 ? ` in ${t.workers} workers` : ''}, ${t.realTimeFactor}x real time (${t.analysisWallS} s), detector ${t.detectorMsMedian} ms median, ` +
          `${((t.nonDetectorShare ?? 0) * 100).toFixed(1)} % outside the detector, peak ${t.peakBrowserPssMB} MB` +
          (t.coresBusy === null ? '' : `, ${t.coresBusy} of ${os.availableParallelism()} cores busy`) +
          (t.cpuStealShare === null ? '' : `, CPU steal ${Math.round(t.cpuStealShare * 100)} %`)
        : '') +
      '\n',
  );
}

main().catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
