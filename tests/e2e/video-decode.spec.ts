/**
 * Reading a video file by decoding (WebCodecs in a worker), not by seeking: the codecs people record in, the same
 * report every run, and a long analysis that can be followed and cancelled. Production build, real Chromium.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { GENERATED } from './pose-helpers.ts';
import type { AnalyzeResult } from '../../src/pose/analyze-harness.ts';

const FOOTAGE = path.join(GENERATED, 'footage.mp4'); // 4 s of bloomfit/pelvic_tilt.mp4, made when ../shared exists

async function analyse(page: Page, file: string, fps = 10): Promise<AnalyzeResult> {
  await page.waitForFunction(() => typeof window.__spineAnalyze === 'function');
  return page.evaluate(
    ([name, f]) => window.__spineAnalyze!({ url: `/__e2e/${name}`, backend: 'wasm', model: 'lite', fps: f }),
    [path.basename(file), fps] as const,
  );
}

/** Serves a generated fixture to the page from its own origin. */
async function serveFixtures(page: Page): Promise<void> {
  await page.route('**/__e2e/*', (route) =>
    route.fulfill({ path: path.join(GENERATED, path.basename(new URL(route.request().url()).pathname)) }),
  );
}

test.describe('decoding a video file', () => {
  test.beforeEach(async ({ page }) => {
    await serveFixtures(page);
    await page.goto('/#/video');
  });

  for (const [file, codec] of [
    ['person.mp4', 'avc1'],
    ['person.webm', 'vp09'],
  ] as const) {
    test(`${file} is decoded with WebCodecs (${codec}), every frame at its container timestamp`, async ({ page }) => {
      const r = await analyse(page, path.join(GENERATED, file), 0);
      expect(r.decodePath).toBe('webcodecs');
      expect(r.codec?.startsWith(codec)).toBe(true);
      expect(r.frames).toHaveLength(60); // 2 s at 30 fps
      expect(r.frames.map((f) => f.tMs)).toEqual(
        Array.from({ length: 60 }, (_, i) => expect.closeTo((i * 1000) / 30, 0)),
      );
      expect(r.frames.every((f) => f.landmarks !== null)).toBe(true);
      const nose = r.frames[59]?.landmarks?.[0];
      expect(Math.abs((nose?.x ?? 0) * 640 - 292)).toBeLessThan(30);
    });
  }

  test('a phone video stored sideways with a rotation flag is analysed upright', async ({ page }) => {
    const r = await analyse(page, path.join(GENERATED, 'person-rotated.mp4'));
    expect([r.width, r.height]).toEqual([640, 480]);
    const nose = r.frames[5]?.landmarks?.[0];
    // where the upright person.mp4 has it (not turned, not mirrored)
    expect(Math.abs((nose?.x ?? 0) * 640 - 292)).toBeLessThan(30);
    expect(Math.abs((nose?.y ?? 0) * 480 - 180)).toBeLessThan(30);
  });

  test('the same clip analysed three times gives the same poses, frame for frame', async ({ page }) => {
    test.skip(!existsSync(FOOTAGE), '../shared/footage is absent');
    test.setTimeout(180_000);
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push((await analyse(page, FOOTAGE)).frames);
    expect(runs[0]?.length).toBe(40);
    expect(runs[0]?.filter((f) => f.landmarks).length).toBeGreaterThan(30);
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).toEqual(runs[0]);
  });
});

test('the video page shows frames done, total and time left, and Cancel keeps the part analysed', async ({ page }) => {
  test.skip(!existsSync(FOOTAGE), '../shared/footage is absent');
  test.setTimeout(180_000);
  await page.goto('/#/video?backend=wasm&model=lite');
  await page.getByTestId('fps-picker').selectOption('0'); // every frame: 120 of them
  await page.getByTestId('video-file').setInputFiles(FOOTAGE);
  await expect(page.getByTestId('progress-text')).toContainText(/^\d+ \/ 1[12]\d frames, \d:\d\d left$/, {
    timeout: 90_000,
  });
  await expect(page.getByTestId('decode-path')).toHaveText('decoding (avc1)');
  await page.getByTestId('cancel-analysis').click();
  await expect(page.getByTestId('cancelled')).toContainText(/^Cancelled: the first 0:0\d of 0:04 was analysed/);
  const analysed = await page.evaluate(() => window.__spinePose?.frames ?? 0);
  expect(analysed).toBeGreaterThan(4);
  expect(analysed).toBeLessThan(115);
  await expect(page.getByTestId('video-file')).toBeEnabled();
});
