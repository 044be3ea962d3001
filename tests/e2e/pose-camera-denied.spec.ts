import { expect, test } from '@playwright/test';
import { fakeCamera } from './pose-helpers.ts';

// without --use-fake-ui-for-media-stream (and with no permission granted) Chromium denies the camera
test.use({ launchOptions: fakeCamera('person.y4m', ['--use-fake-ui-for-media-stream']), permissions: [] });

test('live camera with permission denied says so and how to allow it', async ({ page }) => {
  await page.goto('/#/live?backend=wasm&model=lite');
  const alert = page.getByTestId('camera-error');
  await expect(alert).toHaveAttribute('data-kind', 'permission-denied');
  await expect(alert).toContainText('permission was denied');
});
