/**
 * `npm run analyze -- <video> [options]`: runs the production build in headless Chromium over a local video file
 * and writes a JSON report (and optionally the whole landmark track). See USAGE in lib/cli-args.ts.
 */
import { accessSync, constants, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { parseAnalyzeArgs, UsageError, USAGE } from './lib/cli-args.ts';
import { poseReport } from './lib/report.ts';
import { ensureBuild, probeFps } from './lib/build.ts';
import { serveStatic } from './lib/static-server.ts';
import { CHROMIUM_PATH, HEADLESS_ARGS } from './lib/chromium.ts';
import { parseLandmarkTrack, roundFrame } from '../src/pose/track.ts';
import { EXERCISE_IDS } from '../src/exercises/registry.ts';
import type { ExerciseId } from '../src/exercises/types.ts';
import type { LandmarkTrack } from '../src/pose/types.ts';
import type { AnalyzeRequest, AnalyzeResult } from '../src/pose/analyze-harness.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

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

async function analyzeInBrowser(video: string, req: Omit<AnalyzeRequest, 'url'>): Promise<AnalyzeResult> {
  const dist = path.resolve(ROOT, process.env.ANALYZE_DIST ?? 'dist');
  ensureBuild(ROOT, dist);
  const { server, url } = await serveStatic(dist, video);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: HEADLESS_ARGS, headless: true });
  try {
    const page = await browser.newPage();
    const foreign: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(url) && !r.url().startsWith('blob:') && !r.url().startsWith('data:'))
        foreign.push(r.url());
    });
    await page.goto(`${url}/#/video`);
    await page.waitForFunction(() => typeof window.__spineAnalyze === 'function', null, { timeout: 60_000 });
    const result = await page.evaluate((r) => window.__spineAnalyze!(r), { ...req, url: `${url}/__video` });
    if (foreign.length) fail(`the page tried to reach another origin: ${foreign[0]}`);
    return result;
  } catch (e) {
    const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
    fail(
      /cannot be read as a video|no video picture/.test(msg ?? '')
        ? `${path.basename(video)} cannot be read as a video`
        : `analysis failed: ${msg}`,
    );
  } finally {
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
    const sourceFps = probeFps(video) ?? undefined;
    const r = await analyzeInBrowser(video, {
      backend: args.backend,
      model: args.model,
      fps: args.fps,
      sourceFps,
      maxDurationS: args.maxSeconds ?? undefined,
      maxSide: args.maxSide,
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
    report = poseReport(path.basename(video), track, r);
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
  process.stderr.write(
    `analyze: ${report.video}: ${report.framesWithPose}/${report.framesAnalyzed} frames with a pose (${(report.poseRate * 100).toFixed(1)} %), ` +
      `${report.backend}/${report.model}, detector ${report.detectorMsMedian ?? '-'} ms median\n`,
  );
}

main().catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
