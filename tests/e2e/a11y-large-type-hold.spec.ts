/**
 * The large-type counting view while a hold runs, on real footage (pfc/sphinx-pose.mp4, 4-14 s: a woman holding the
 * sphinx): the count, the hold seconds and the cue fit a 1280x720 laptop and a 1920x1080 screen without scrolling.
 * Screenshots in /tmp/a11y-large-type-hold-*.png.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { acceptDisclaimer } from './app-helpers.ts';
import { countStretch, expectFits, LARGE_TYPE_SIZES } from './a11y-helpers.ts';
import { fakeCamera, footageY4m } from './pose-helpers.ts';

const SPHINX = path.resolve(import.meta.dirname, '../../../shared/footage/pfc/sphinx-pose.mp4');
const SPHINX_Y4M = 'a11y-sphinx-hold.y4m';

test.use({ launchOptions: fakeCamera(SPHINX_Y4M) });

test.describe('large type during a hold (real footage: a woman holding the sphinx)', () => {
  test.skip(!existsSync(SPHINX), '../shared/footage is absent');
  test.beforeAll(() =>
    // 4-14 s of the portrait clip, the calm sphinx held; the band with the body, padded to 16:9, 640x360, 10 fps
    footageY4m(
      SPHINX,
      SPHINX_Y4M,
      '[0:v]trim=4:14,setpts=PTS-STARTPTS,crop=480:330:0:350,pad=587:330:53:0:color=white,scale=640:360,fps=10,format=yuv420p[v]',
    ),
  );

  test('the count, the hold seconds and the cue fit 1280x720 and 1920x1080', async ({ page }) => {
    test.setTimeout(300_000);
    await acceptDisclaimer(page);
    await page.goto('/#/settings');
    await page.getByLabel('Detector backend').selectOption('mediapipe-cpu');
    await page.getByRole('checkbox', { name: /Large type while counting/ }).check();
    await countStretch(page, 'prone-extension', /Prone extension/, ['none']);
    await expect(page.getByTestId('large-type').getByTestId('hold-timer')).toHaveText(/\d+ s/, { timeout: 60_000 });
    for (const [w, h] of LARGE_TYPE_SIZES) await expectFits(page, w, h, 'hold');
  });
});
