/**
 * Two people in the picture: BlazePose follows only one of them and never says so, so the session counts people with
 * MoveNet MultiPose and asks the others to step out. Fake camera: pfc/pushups.mp4 (two people doing push-ups face to
 * face), production build, real Chromium.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { fakeCamera, footageY4m } from './pose-helpers.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FOOTAGE = path.resolve(ROOT, '../shared/footage/pfc/pushups.mp4');
const Y4M = 'two-people-pushups.y4m';
const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots';

test.use({ launchOptions: fakeCamera(Y4M), viewport: { width: 1280, height: 800 } });

test.describe('two people in front of the camera', () => {
  test.skip(!existsSync(FOOTAGE), '../shared/footage is absent');

  test.beforeAll(() => footageY4m(FOOTAGE, Y4M, '[0:v]scale=640:360,fps=10,format=yuv420p[v]'));

  test('the setup check asks the other person to step out of the picture', async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto('/');
    await page.getByRole('button', { name: /I have read this/ }).click();
    await page.goto('/#/settings');
    await page.getByLabel('Detector backend').selectOption('mediapipe-cpu');
    await page.goto('/#/');
    for (const box of await page.getByRole('checkbox').all()) await box.uncheck();
    await page.getByRole('checkbox', { name: /Prone extension/i }).check();
    await page.getByRole('button', { name: /Start 1 stretch/ }).click();
    await page.getByRole('button', { name: "I'm ready" }).click();
    await expect(page.getByTestId('phase-setup')).toBeVisible();
    await expect(page.getByTestId('setup-message')).toHaveText(/more than one person/, { timeout: 60_000 });
    await page.screenshot({ path: path.join(SHOTS, 'session-two-people.png') });
    // and it does not go on to counting while they are both there
    await page.waitForTimeout(5000);
    await expect(page.getByTestId('phase-setup')).toBeVisible();
    await expect(page.getByTestId('setup-message')).toHaveText(/more than one person/);
  });
});
