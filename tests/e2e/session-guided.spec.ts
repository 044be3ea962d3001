/**
 * A guided session end to end, in real Chromium against the production build, with the fake camera playing real
 * footage of prone extension (pfc/sphinx-pose.mp4: a woman lying on her stomach, propped on her forearms, who lifts
 * her chest higher from ~14 s). Setup check -> calibration -> counting -> "Recalibrate my range" on the calm part ->
 * stop past the calibrated range -> "reduce the movement" -> PAIN (space bar) -> stop this stretch -> relief rating ->
 * saved -> in History after a reload. Waits are event-driven (screen-log.ts, the clip's loop seen in the depth), so a
 * loaded machine makes it slower, never wrong.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { fakeCamera, footageY4m } from './pose-helpers.ts';
import { logScreen, wasShown } from './screen-log.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FOOTAGE = path.resolve(ROOT, '../shared/footage/pfc/sphinx-pose.mp4');
const Y4M = 'session-sphinx-calm-twice-then-higher.y4m';
/** Engine depth of the clip's calm part (25-27°) and its higher part (29-30.5°): a calibration in the calm part (at
 * most 27°, so the stop comes at most 2° above it) is stopped by the higher part. */
const PARTS_DEG = { calmMax: 27, higherMin: 29 };
const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots';

test.use({ launchOptions: fakeCamera(Y4M), viewport: { width: 1280, height: 800 } });

test.describe('guided session on real footage (prone extension)', () => {
  test.skip(!existsSync(FOOTAGE), '../shared/footage is absent');

  test.beforeAll(() => {
    mkdirSync(SHOTS, { recursive: true });
    // Two parts of the portrait clip: 4-9 s, the calm sphinx (engine depth 25-27°), played forward then backward (10 s
    // of it, so that the camera check and the calibration fit in it on a loaded machine), then 16-26 s, chest higher
    // (29-30.5°); the band with the body (y 350-680 of 854), padded to 16:9, 640x360, 10 fps. Plays in a loop.
    const crop = 'crop=480:330:0:350,pad=587:330:53:0:color=white,scale=640:360,fps=10,format=yuv420p';
    const calm = '[0:v]trim=4:9,setpts=PTS-STARTPTS,split[a][a2];[a2]reverse[ar]';
    const fc = `${calm};[0:v]trim=16:26,setpts=PTS-STARTPTS[b];[a][ar][b]concat=n=3:v=1,${crop}[v]`;
    footageY4m(FOOTAGE, Y4M, fc);
  });

  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });

  test('setup check, calibration, counting, stop past the range, PAIN, rating, history after reload', async ({
    page,
  }) => {
    test.setTimeout(300_000);
    const diag = () => page.evaluate(() => JSON.stringify(window.__spine ?? null));
    // what the screen showed, kept as it happened: the session may move on before the test looks
    await logScreen(page, ['phase-setup', 'setup-message', 'phase-counting', 'rep-count']);

    // first use: the disclaimer and red flags come first
    await page.goto('/');
    await expect(page.getByRole('heading', { name: /not medical advice/ })).toBeVisible();
    await expect(page.getByText(/loss of control of your bladder or bowels/i)).toBeVisible();
    await shot(page, 'home-first-use');
    await page.getByRole('button', { name: /I have read this/ }).click();

    // settings: a fast CPU backend and a small stop margin
    await page.goto('/#/settings');
    await page.getByLabel('Detector backend').selectOption('mediapipe-cpu');
    await page.getByLabel('Stop margin in percent').fill('0'); // only the 2° floor: her lift at 16 s is ~3°
    await expect(page.getByTestId('margin-value')).toHaveText('0 %');
    await shot(page, 'settings');

    // home: pick only prone extension
    await page.goto('/#/');
    await expect(page.getByRole('heading', { name: 'Today', exact: true })).toBeVisible();
    for (const box of await page.getByRole('checkbox').all()) await box.uncheck();
    await page.getByRole('checkbox', { name: /Prone extension/i }).check();
    await shot(page, 'home');
    await page.getByRole('button', { name: /Start 1 stretch/ }).click();

    // intro with the article's steps, then the live setup check
    await expect(page.getByTestId('phase-intro')).toBeVisible();
    await expect(page.getByTestId('phase-intro').locator('ol li').first()).toBeVisible();
    await page.getByRole('button', { name: "I'm ready" }).click();
    await wasShown(page, 'phase-setup', /Camera check/);
    await wasShown(page, 'setup-message', /./);
    await shot(page, 'session-setup');

    // The clip loops: calm sphinx for 10 s, then higher for 10 s. How long the camera check takes depends on the
    // machine's load (the people counter's model loads meanwhile), so calibration may begin in either part, and a
    // loaded machine may take the whole calm part to show a sustained depth. The limit the test wants is the calm one:
    // once calibration shows one, it is accepted. When it shows the higher part's instead, that limit is accepted (no
    // part of the clip goes past it, so nothing stops) and the range is recalibrated in step with the clip: "Recalibrate
    // my range" when the loop restarts. Both buttons are pressed by the page's own check, in the same task that saw
    // the state (a Playwright click lands a second or more later on a loaded machine: frames of the next part in
    // between would move the calibration on).
    type Pressing = { __press?: (label: string) => boolean };
    await page.evaluate(() => {
      (window as Pressing).__press = (label) => {
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === label);
        button?.click();
        return !!button;
      };
    });
    const calibratedPart = async (): Promise<'calm' | 'higher'> =>
      (await page
        .waitForFunction(
          ({ calmMax, higherMin }) => {
            const v = parseFloat(document.querySelector('[data-testid="calibration-best"]')?.textContent ?? '');
            const depth = window.__spine?.depth ?? NaN;
            const part = v >= higherMin ? 'higher' : v > 0 && v <= calmMax && depth <= calmMax ? 'calm' : null;
            if (part) (window as Pressing).__press?.('This is my limit');
            return part;
          },
          PARTS_DEG,
          { timeout: 60_000, polling: 100 },
        )
        .then((h) => h.jsonValue())) as 'calm' | 'higher';
    // the loop restarts (the depth drops back by more than it wanders within a part): recalibrate at once
    const recalibrateOnLoopRestart = () =>
      page.waitForFunction(
        () => {
          const w = window as unknown as { __depths?: { t: number; d: number }[] };
          const d = window.__spine?.depth;
          if (d === null || d === undefined) return false;
          const now = performance.now();
          const trace = (w.__depths = [...(w.__depths ?? []).filter((p) => p.t > now - 3000), { t: now, d }]);
          const recentMax = Math.max(...trace.map((p) => p.d));
          // 3°: the loop restart (30° -> 26°); within each part depth wanders < 2.5°
          if (!(trace.length > 5 && d < recentMax - 3)) return false;
          return (window as Pressing).__press?.('Recalibrate my range') ?? false;
        },
        null,
        { timeout: 120_000, polling: 100 },
      );
    await expect(page.getByTestId('phase-calibrate'), await diag()).toBeVisible({ timeout: 90_000 });
    await shot(page, 'session-calibrate');
    for (let tries = 1; (await calibratedPart()) === 'higher'; tries++) {
      expect(tries, `calibration missed the calm part ${tries} times: ${await diag()}`).toBeLessThan(4);
      await wasShown(page, 'phase-counting', /./);
      await page.evaluate(() => delete (window as unknown as { __depths?: unknown }).__depths);
      await recalibrateOnLoopRestart();
      await expect(page.getByTestId('phase-calibrate')).toBeVisible();
    }

    // counting: the big counter and hold timer
    await wasShown(page, 'phase-counting', /./);
    await wasShown(page, 'rep-count', /^\d+$/);
    await shot(page, 'session-counting');

    // she lifts higher (the clip's second part): past the calibrated range + 2°, the stretch stops by itself
    await expect(page.getByTestId('phase-stopped'), await diag()).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole('heading', { name: /past your comfortable range/ })).toBeVisible();
    await shot(page, 'session-stop-range');
    await page.keyboard.press('2'); // reduce the movement
    await expect(page.getByTestId('phase-counting')).toBeVisible();
    await expect(page.getByTestId('hold-timer')).toHaveText(/\d+ s/); // counting goes on: her hold is timed

    // PAIN on the space bar: stops at once and offers the three steps
    await page.keyboard.press(' ');
    await expect(page.getByRole('heading', { name: 'Stopped: you pressed PAIN' })).toBeVisible();
    await shot(page, 'session-stop-pain');
    await page.getByRole('button', { name: /Stop this stretch/ }).click();

    // rating
    await expect(page.getByTestId('phase-rating')).toBeVisible();
    await page.getByText('Better', { exact: true }).click();
    await page.getByRole('slider', { name: /Pain from 0/ }).fill('3');
    await shot(page, 'session-rating');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect(page.getByTestId('saved')).toBeVisible();
    await shot(page, 'session-done');

    // history survives a reload
    await page.goto('/#/history');
    await page.reload();
    const row = page.getByTestId('history-session').first();
    await expect(row).toBeVisible();
    await expect(row).toContainText('Prone extension');
    await expect(row).toContainText('better');
    await expect(row).toContainText(/pain at rep \d+/);
    await expect(row).toContainText(/past range at rep \d+/);
    await expect(page.getByRole('img', { name: /Prone extension: range per day/ })).toBeVisible();
    await shot(page, 'history');

    // the stretch can be watched again: its landmarks were kept, and are replayed and counted again
    await row.getByTestId('review-link').first().click();
    await expect(page.getByTestId('exercise-picker')).toHaveValue('prone-extension');
    await expect(page.getByTestId('review-headline')).toHaveText(/hold/, { timeout: 30_000 });
    await expect(page.getByTestId('backend')).toContainText('(session)');
    await shot(page, 'session-review');
    await page.goto('/#/about');
    await shot(page, 'about');
  });
});
