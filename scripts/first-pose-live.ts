/**
 * `npx tsx scripts/first-pose-live.ts [--backend wasm] [--model lite]`: the live camera page's first pose, cold (a
 * fresh browser profile) and warm (the same profile reopened, models from the service worker's cache), in ms from the
 * page starting the camera. The fake camera plays 10 s of bloomfit/pelvic_tilt.mp4 (the bench's). Production build
 * (`BENCH_DIST`, default dist-bench). A measurement for the lead's quiet-machine run, not a test.
 */

import { existsSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';
import { ensureBuild } from './lib/build.ts';
import { serveStatic } from './lib/static-server.ts';
import { CHROMIUM_PATH, HEADLESS_ARGS } from './lib/chromium.ts';
import { fakeCamera, fakeCameraArgs } from './lib/fake-camera.ts';
import { choiceOption, parseCommandLine } from './lib/cli-args.ts';
import { BACKEND_CHOICES, MODEL_TYPES } from '../src/pose/types.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const CLIP = path.resolve(ROOT, '../shared/footage/bloomfit/pelvic_tilt.mp4');

const { values: o } = parseCommandLine(
  process.argv.slice(2),
  { backend: { type: 'string' }, model: { type: 'string' } },
  false,
);
const backend = choiceOption(o.backend, 'backend', BACKEND_CHOICES, 'wasm');
const model = choiceOption(o.model, 'model', MODEL_TYPES, 'lite');
if (!existsSync(CLIP)) {
  process.stderr.write(`first-pose-live: ${CLIP} is absent\n`);
  process.exit(1);
}
const { y4m } = fakeCamera(CLIP); // the bench's camera
const dist = path.resolve(ROOT, process.env.BENCH_DIST ?? 'dist-bench');
ensureBuild(ROOT, dist);
const { server, url } = await serveStatic(dist, null);
const profile = path.join(os.tmpdir(), `spine-live-profile-${process.pid}`);
const open = (): Promise<BrowserContext> =>
  chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...HEADLESS_ARGS, ...fakeCameraArgs(y4m)],
  });
const firstPose = async (ctx: BrowserContext): Promise<number> => {
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  await page.goto(`${url}/#/live?backend=${backend}&model=${model}`);
  await page.waitForFunction(() => window.__spinePose?.firstPoseMs != null, null, { timeout: 120_000 });
  const ms = await page.evaluate(() => window.__spinePose?.firstPoseMs ?? NaN);
  // let the service worker take control and cache the model files before the next start
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload();
  await page.waitForFunction(() => window.__spinePose?.firstPoseMs != null, null, { timeout: 120_000 });
  return ms;
};
try {
  let ctx = await open();
  const cold = await firstPose(ctx);
  await ctx.close();
  ctx = await open(); // a new browser on the same profile: caches warm
  const warm = await firstPose(ctx);
  await ctx.close();
  process.stdout.write(
    `live page ${backend}/${model}: first pose cold ${Math.round(cold)} ms, warm ${Math.round(warm)} ms (load ${(os.loadavg()[0] ?? 0).toFixed(1)})\n`,
  );
} finally {
  server.close();
  rmSync(profile, { recursive: true, force: true });
}
