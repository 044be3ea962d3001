/**
 * Privacy over a whole guided session (issue 13): camera check, calibration, counting, rating, saving, then History
 * and Watch, with every request of the browser context (pages, workers, the service worker) watched: none may leave
 * the app's origin. The fake camera plays the calm part of pfc/sphinx-pose.mp4 (a woman holding prone extension), so
 * calibration finds her range whenever it starts.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { acceptDisclaimer, startOneStretch } from './app-helpers.ts';
import { fakeCamera, footageY4m, watchForeignRequests } from './pose-helpers.ts';

const FOOTAGE = path.resolve(import.meta.dirname, '../../../shared/footage/pfc/sphinx-pose.mp4');
const Y4M = 'origin-sphinx-calm.y4m';

test.use({ launchOptions: fakeCamera(Y4M) });
test.skip(!existsSync(FOOTAGE), '../shared/footage is absent');
test.beforeAll(() => {
  // 4-9 s of the portrait clip, the band with the body padded to 16:9, 640x360, 10 fps; plays in a loop
  footageY4m(
    FOOTAGE,
    Y4M,
    '[0:v]trim=4:9,setpts=PTS-STARTPTS,crop=480:330:0:350,pad=587:330:53:0:color=white,scale=640:360,fps=10,format=yuv420p[v]',
  );
});

test('a whole guided session, History and Watch: no request leaves the origin', async ({ page, baseURL }) => {
  test.setTimeout(300_000);
  const foreign = watchForeignRequests(page.context(), new URL(baseURL ?? '').origin);
  const requested: string[] = [];
  page.context().on('request', (r) => requested.push(r.url()));

  await acceptDisclaimer(page);
  await startOneStretch(page, /Prone extension/i, 'mediapipe-cpu');
  await expect(page.getByTestId('phase-calibrate')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('calibration-best')).toHaveText(/\d/, { timeout: 60_000 });
  await page.getByRole('button', { name: 'This is my limit' }).click();
  await expect(page.getByTestId('phase-counting')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Done with this stretch' }).click();
  await expect(page.getByTestId('phase-rating')).toBeVisible();
  await page.getByText('Better', { exact: true }).click();
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByTestId('saved')).toBeVisible({ timeout: 30_000 });

  await page.goto('/#/history');
  const row = page.getByTestId('history-session').first();
  await expect(row).toContainText('Prone extension');
  await row.getByTestId('review-link').first().click();
  await expect(page.getByTestId('exercise-picker')).toHaveValue('prone-extension');
  await expect(page.getByTestId('review-headline')).toHaveText(/./, { timeout: 30_000 });

  // the watcher saw the session's own traffic: the pose model and the people check's model, from our origin
  expect(requested.some((u) => u.includes('/mediapipe/pose/'))).toBe(true);
  expect(requested.some((u) => u.includes('/models/tfjs/'))).toBe(true);
  expect(foreign).toEqual([]);
});
