import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { GENERATED } from './pose-helpers.ts';
import type { PoseProbe } from '../../src/pose/harness.ts';

async function analyse(page: import('@playwright/test').Page, file: string, backend: string): Promise<PoseProbe> {
  await page.goto(`/#/video?backend=${backend}&model=lite`);
  await page.getByTestId('video-file').setInputFiles(path.join(GENERATED, file));
  await page.waitForFunction(() => window.__spinePose?.done || !!window.__spinePose?.error, null, { timeout: 120_000 });
  return page.evaluate(() => window.__spinePose as PoseProbe);
}

test('the video page analyses an mp4 and finds the person in every sampled frame', async ({ page }) => {
  const probe = await analyse(page, 'person.mp4', 'wasm');
  expect(probe.error).toBeNull();
  expect(probe.frames).toBe(20); // 2 s at 10 frames per second
  expect(probe.framesWithPose).toBe(20);
  const nose = probe.last?.landmarks?.[0];
  expect(Math.abs((nose?.x ?? 0) * 640 - 292)).toBeLessThan(30);
  await expect(page.getByTestId('with-pose')).toHaveText('20 / 20');
  await expect(page.getByTestId('progress')).toHaveText('100 %');
});

test('"every frame" analyses each of the 60 frames of a 2 s, 30 fps clip, with its own timestamp', async ({ page }) => {
  await page.goto('/#/video?backend=wasm&model=lite');
  await page.getByTestId('fps-picker').selectOption('0');
  await page.getByTestId('video-file').setInputFiles(path.join(GENERATED, 'person.mp4'));
  await page.waitForFunction(() => window.__spinePose?.done || !!window.__spinePose?.error, null, { timeout: 120_000 });
  await expect(page.getByTestId('source-fps')).toHaveText('30 fps');
  await expect(page.getByTestId('with-pose')).toHaveText('60 / 60');
  const lastTMs = await page.evaluate(() => window.__spinePose?.last?.tMs);
  expect(lastTMs).toBeCloseTo((59 * 1000) / 30, 0); // the start of the 60th frame
});

test('an unreadable file gives a clear message', async ({ page }) => {
  await page.goto('/#/video');
  await page
    .getByTestId('video-file')
    .setInputFiles({ name: 'holiday.mp4', mimeType: 'video/mp4', buffer: Buffer.from('this is not a video') });
  await expect(page.getByTestId('video-error')).toContainText('cannot be read as a video');
});

test('a saved landmark track is replayed as a skeleton', async ({ page }) => {
  const full = JSON.parse(
    readFileSync(path.resolve(import.meta.dirname, '../fixtures/tracks/pfc__cat-cow.json'), 'utf8'),
  ) as { frames: unknown[] };
  const short = { ...full, frames: full.frames.slice(0, 8) }; // 0.8 s of the clip
  await page.goto('/#/video');
  await page
    .getByTestId('video-file')
    .setInputFiles({ name: 'cat-cow.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(short)) });
  await page.waitForFunction(() => window.__spinePose?.done || !!window.__spinePose?.error, null, { timeout: 30_000 });
  await expect(page.getByTestId('with-pose')).toHaveText('8 / 8');
  await expect(page.getByTestId('backend')).toHaveText('mediapipe-cpu (recorded)');
  const last = await page.evaluate(() => window.__spinePose?.last?.landmarks?.length);
  expect(last).toBe(33);
});

test('a JSON file that is not a track gives a clear message', async ({ page }) => {
  await page.goto('/#/video');
  await page
    .getByTestId('video-file')
    .setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') });
  await expect(page.getByTestId('video-error')).toContainText('not a landmark track');
});
