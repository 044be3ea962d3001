import { expect, test } from '@playwright/test';
import { fakeCamera } from './pose-helpers.ts';

test.use({ launchOptions: fakeCamera('empty.y4m') });

test('live camera on an empty room says nobody is in frame', async ({ page }) => {
  await page.goto('/#/live?backend=wasm&model=lite');
  await expect(page.getByTestId('nobody')).toBeVisible();
  await expect(page.getByTestId('nobody')).toContainText('Nobody in frame');
  const probe = await page.evaluate(() => window.__spinePose);
  expect(probe?.frames).toBeGreaterThan(0);
  expect(probe?.framesWithPose).toBe(0);
  expect(probe?.last?.landmarks).toBeNull();
});
