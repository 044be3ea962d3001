/**
 * Accessibility: axe-core on every screen, in the state a user meets it (first use, the live camera running, a video
 * analysed, a session at its intro and at calibration, History, Settings, About): no serious or critical violation.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { acceptDisclaimer, openStillScreen, startStandingStretch, STILL_SCREENS } from './app-helpers.ts';
import { GENERATED, waitForPoses } from './pose-helpers.ts';
import { controls, seriousViolations, tabStops } from './a11y-helpers.ts';

test('no serious or critical axe violation on any screen', async ({ page }) => {
  test.setTimeout(300_000);
  const found: Record<string, string[]> = {};
  const check = async (screen: string) => (found[screen] = await seriousViolations(page));

  await page.goto('/');
  await expect(page.getByRole('button', { name: /I have read this/ })).toBeVisible();
  await check('home, first use');
  await acceptDisclaimer(page);
  await check('home');

  await page.goto('/#/live?backend=wasm&model=lite');
  await waitForPoses(page, 1);
  await check('live camera');

  await page.goto('/#/video?backend=wasm&model=lite');
  await page.getByTestId('video-file').setInputFiles(path.join(GENERATED, 'person.mp4'));
  await page.waitForFunction(() => window.__spinePose?.done, null, { timeout: 120_000 });
  await check('video analysis');

  await page.goto('/#/');
  for (const box of await page.getByRole('checkbox').all()) await box.uncheck();
  await page.getByRole('checkbox', { name: /QL side-bend/i }).check();
  await page.getByRole('button', { name: /Start 1 stretch/ }).click();
  await expect(page.getByTestId('phase-intro')).toBeVisible();
  await check('session intro');
  await startStandingStretch(page);
  await check('session calibration');

  for (const screen of STILL_SCREENS) {
    await openStillScreen(page, screen);
    await check(screen.heading);
  }
  console.log('axe serious/critical per screen:', JSON.stringify(found, null, 1));
  expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
});

test('every control is reached with the keyboard and shows a visible focus ring', async ({ page }) => {
  await acceptDisclaimer(page);
  for (const hash of ['#/', '#/settings', '#/about']) {
    await page.goto(`/${hash}`);
    await page.waitForLoadState('networkidle');
    await page.reload(); // Tab starts from the top of the document
    const stops = await tabStops(page);
    expect(stops.length, `${hash}: ${stops.map((s) => s.name).join(' | ')}`).toBe(await controls(page));
    expect(
      stops.filter((s) => !s.ring).map((s) => s.name),
      hash,
    ).toEqual([]);
  }
  // the session is driven from the keyboard too: Start, then "I'm ready", by Enter on the focused button
  await page.goto('/#/');
  const start = page.getByRole('button', { name: /Start \d+ stretch/ });
  await start.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('phase-intro')).toBeVisible();
});
