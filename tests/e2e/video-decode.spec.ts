/**
 * Reading a video file by decoding (WebCodecs in a worker), not by seeking: the codecs people record in, the same
 * report every run, and a long analysis that can be followed and cancelled. Production build, real Chromium.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { BLOOMFIT, GENERATED } from './pose-helpers.ts';
import type { AnalyzeResult } from '../../src/pose/analyze-harness.ts';
import type { PoseFrame } from '../../src/pose/types.ts';

/** Analyses a file served under /__e2e/ (generated fixtures, and the bloomfit clip) with wasm lite. */
async function analyse(page: Page, file: string, fps = 10, workers?: number): Promise<AnalyzeResult> {
  await page.waitForFunction(() => typeof window.__spineAnalyze === 'function');
  return page.evaluate(
    ([name, f, w]) =>
      window.__spineAnalyze!({ url: `/__e2e/${name}`, backend: 'wasm', model: 'lite', fps: f, workers: w }),
    [path.basename(file), fps, workers] as const,
  );
}

/** Serves the generated fixtures and the bloomfit clip to the page from its own origin. */
async function serveFixtures(page: Page): Promise<void> {
  await page.route('**/__e2e/*', (route) => {
    const name = path.basename(new URL(route.request().url()).pathname);
    return route.fulfill({ path: name === path.basename(BLOOMFIT) ? BLOOMFIT : path.join(GENERATED, name) });
  });
}

/** The largest distance between the same landmark in two poses of one frame, in pixels. */
function worstLandmarkPx(a: PoseFrame, b: PoseFrame): number {
  if (!a.landmarks || !b.landmarks) return a.landmarks === b.landmarks ? 0 : Infinity;
  const other = b.landmarks;
  return Math.max(
    ...a.landmarks.map((p, i) =>
      Math.hypot((p.x - (other[i]?.x ?? NaN)) * a.imageWidth, (p.y - (other[i]?.y ?? NaN)) * a.imageHeight),
    ),
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

  test('a clip analysed three times gives the same poses every run; split in two parts, in time order', async ({
    page,
  }) => {
    test.skip(!existsSync(BLOOMFIT), '../shared/footage is absent');
    test.setTimeout(240_000);
    // 18.9 s: two workers analyse it side by side, one from 0 s and one from 9.45 s (after a 0.3 s lead)
    const split = [await analyse(page, BLOOMFIT, 10, 2), await analyse(page, BLOOMFIT, 10, 2)];
    const whole = await analyse(page, BLOOMFIT, 10, 1);
    expect(split.map((r) => r.workers)).toEqual([2, 2]);
    expect(whole.workers).toBe(1);
    expect(whole.frames.length).toBeGreaterThan(185);
    expect(whole.frames.filter((f) => f.landmarks).length).toBeGreaterThan(150);
    expect(split[1]?.frames).toEqual(split[0]?.frames);
    const frames = split[0]?.frames ?? [];
    expect(frames.map((f) => f.tMs)).toEqual(whole.frames.map((f) => f.tMs));
    // the first part is the same run as one detector over the file, pose for pose
    const secondStartMs = 9450;
    const firstPart = frames.filter((f) => f.tMs < secondStartMs);
    expect(firstPart).toEqual(whole.frames.slice(0, firstPart.length));
    // the second part's detector tracks from its own start: its landmarks near where one pass put them (measured on
    // 2026-12-03: the worst landmark of a frame a median 5.1 px away, at most 9.6 px, in this 640x360 picture)
    const second = frames.slice(firstPart.length);
    const px = second.map((f, i) => worstLandmarkPx(f, whole.frames[firstPart.length + i]!)).sort((a, b) => a - b);
    expect(px[Math.floor(px.length / 2)]).toBeLessThan(10);
    expect(px.filter((d) => d === Infinity).length).toBeLessThan(3);
  });
});

test('the video page shows frames done, total and time left, and Cancel keeps the part analysed', async ({ page }) => {
  test.skip(!existsSync(BLOOMFIT), '../shared/footage is absent');
  test.setTimeout(180_000);
  await page.goto('/#/video?backend=wasm&model=lite');
  await page.getByTestId('video-file').setInputFiles(BLOOMFIT); // 18.9 s at 10 frames a second
  await expect(page.getByTestId('progress-text')).toContainText(/^\d+ \/ 1[89]\d frames, \d:\d\d left$/, {
    timeout: 90_000,
  });
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  await expect(page.getByTestId('decode-path')).toHaveText(
    cores > 1 ? /^decoding \(avc1\), in [23] parts, [23] at a time$/ : 'decoding (avc1)',
  );
  await page.getByTestId('cancel-analysis').click();
  // what is kept runs from the start without a gap: the first part's frames (the second part's start at 9.45 s)
  await expect(page.getByTestId('cancelled')).toContainText(/^Cancelled: the first 0:0\d of 0:1[89] was analysed/);
  await expect(page.getByTestId('video-file')).toBeEnabled();
});
