import { expect, test } from '@playwright/test';
import { fakeCamera } from './pose-helpers.ts';

// no fake capture device, and a headless machine has no real one
test.use({ launchOptions: fakeCamera('person.y4m', ['--use-fake-device-for-media-stream']) });

test('live camera with no camera says none was found', async ({ page }) => {
  await page.goto('/#/live?backend=wasm&model=lite');
  const alert = page.getByTestId('camera-error');
  await expect(alert).toHaveAttribute('data-kind', 'no-camera');
  await expect(alert).toContainText('No camera was found');
});
