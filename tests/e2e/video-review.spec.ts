/**
 * Reviewing a video: the user picks the stretch, the app counts it on this computer and lists each rep and hold,
 * which jump the video to it. Production build, real Chromium, real footage (skips without ../shared).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { analyseBloomfit, BLOOMFIT } from './pose-helpers.ts';

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots';

test('a video of kneeling pelvic tilts (bloomfit) counts 6 reps, and a rep jumps the video to it', async ({ page }) => {
  test.skip(!existsSync(BLOOMFIT), '../shared/footage is absent');
  test.setTimeout(240_000);
  await analyseBloomfit(page);
  await expect(page.getByTestId('review-headline')).toHaveText('6 reps', { timeout: 200_000 });
  const reps = page.getByTestId('review-reps').getByRole('button');
  await expect(reps).toHaveCount(6);
  await page.screenshot({ path: path.join(SHOTS, 'video-review.png'), fullPage: true });

  // the third tuck is held at 8.6-9.6 s (MANIFEST T1): its rep starts near there, and the video jumps to it
  const third = (await reps.nth(2).textContent()) ?? '';
  const startS = Number(/^0:(\d\d\.\d)/.exec(third)?.[1]);
  expect(Math.abs(startS - 8.6)).toBeLessThan(1.5);
  // the video plays from there at once: note where it jumped to when it seeks, not later (a loaded machine is slow)
  const video = page.getByTestId('video');
  await video.evaluate((v: HTMLVideoElement) =>
    v.addEventListener('seeking', () => (v.dataset.jumpedTo = String(v.currentTime)), { once: true }),
  );
  await reps.nth(2).click();
  await expect(video).toHaveAttribute('data-jumped-to', /\d/);
  const at = Number(await video.getAttribute('data-jumped-to'));
  expect(Math.abs(at - startS)).toBeLessThan(0.3);

  // another stretch recounts at once, without the detector: tucks on all fours are not lumbar rolls
  await page.getByTestId('exercise-picker').selectOption('lumbar-roll');
  await expect(page.getByTestId('review-headline')).toHaveText('0 reps');
  await expect(page.getByTestId('review-not-judged')).toContainText(/s: /);
});

test('a saved landmark track of a 4 s cobra counts no 10 s hold, and says it found one that was too short', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/#/video');
  await page.getByTestId('exercise-picker').selectOption('prone-extension');
  await page
    .getByTestId('video-file')
    .setInputFiles(path.resolve(import.meta.dirname, '../fixtures/tracks/pfc__cobra-pose.json'));
  await expect(page.getByTestId('review-headline')).toHaveText('0 holds counted (1 hold found)', { timeout: 60_000 });
  await expect(page.getByTestId('review-holds')).toContainText('under the 10 s target');
});
