import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page, Request } from '@playwright/test';
import type { PoseProbe } from '../../src/pose/harness.ts';
import { CHROMIUM_ARGS } from '../../playwright.config.ts';

export const GENERATED = path.resolve(import.meta.dirname, '../fixtures/generated');

/** Chromium launch options whose fake camera plays `file` (in tests/fixtures/generated). */
export function fakeCamera(file: string, drop: readonly string[] = []) {
  return {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      ...CHROMIUM_ARGS.filter((a) => !drop.includes(a)),
      `--use-file-for-fake-video-capture=${path.join(GENERATED, file)}`,
    ],
  };
}

/** Writes `y4mName` in tests/fixtures/generated from `footage` through the ffmpeg filter graph `filterComplex`
 * (its output labelled [v]), once: the fake camera plays it in a loop. */
export function footageY4m(footage: string, y4mName: string, filterComplex: string): void {
  const out = path.join(GENERATED, y4mName);
  mkdirSync(GENERATED, { recursive: true });
  if (existsSync(out)) return;
  const args = ['-hide_banner', '-loglevel', 'error', '-y', '-i', footage, '-filter_complex', filterComplex];
  execFileSync('ffmpeg', [...args, '-map', '[v]', '-an', out]);
}

/** Waits until the page's probe has seen `n` frames with a person, and returns the probe. */
export async function waitForPoses(page: Page, n: number): Promise<PoseProbe> {
  await page.waitForFunction((k) => (window.__spinePose?.framesWithPose ?? 0) >= k || !!window.__spinePose?.error, n, {
    timeout: 90_000,
  });
  const probe = await page.evaluate(() => window.__spinePose as PoseProbe);
  if (probe.error) throw new Error(`the page reported: ${probe.error}`);
  return probe;
}

/** Records every request that leaves the page's origin: a page's, or with a browser context every page's, worker's
 * and service worker's. */
export function watchForeignRequests(page: Page | BrowserContext, origin: string): string[] {
  const foreign: string[] = [];
  page.on('request', (r: Request) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:')) foreign.push(u);
  });
  return foreign;
}

/** bloomfit/pelvic_tilt.mp4 of the shared footage: 6 kneeling pelvic tilts (absent where ../shared is). */
export const BLOOMFIT = path.resolve(import.meta.dirname, '../../../shared/footage/bloomfit/pelvic_tilt.mp4');

/** On the video page, counts the bloomfit tilts as pelvic tilts on mediapipe-cpu, full model (the labelled tracks' pick). */
export async function analyseBloomfit(page: Page): Promise<void> {
  await page.goto('/#/video?backend=mediapipe-cpu&model=full');
  await page.getByTestId('exercise-picker').selectOption('pelvic-tilt');
  await page.getByTestId('video-file').setInputFiles(BLOOMFIT);
}
