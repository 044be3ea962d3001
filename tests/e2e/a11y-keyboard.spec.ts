/**
 * The keyboard alone, with a visible focus at every stop, on the screens with a camera or a video: the live camera
 * page, the video page (its file input and its results) and every phase of a guided session (intro, camera check,
 * start position, counting with PAIN by its key from anywhere, the stop choices, the relief rating, the summary). The
 * fake camera shows a standing man; the QL side bend's range is stored beforehand, so that the session goes from the
 * start position straight to counting. Axe runs at each phase too (0 serious or critical).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { acceptDisclaimer } from './app-helpers.ts';
import { GENERATED, waitForPoses } from './pose-helpers.ts';
import { expectAllReachable, focused, seriousViolations, storeCalibrations, tabTo } from './a11y-helpers.ts';

const BLOOMFIT = path.resolve(import.meta.dirname, '../../../shared/footage/bloomfit/pelvic_tilt.mp4');
/** The first 7.5 s of the kneeling pelvic tilts: the tucks held at 2.3-3.5 and 5.6-6.6 s (MANIFEST T1). */
const CLIP = path.join(GENERATED, 'a11y-pelvic-tilt-7s.mp4');

/** The main menu's links, first on every page. */
const MENU = ['Spine Coach', 'Session', 'History', 'Settings', 'About', 'Live camera', 'Analyse a video'].map(
  (l) => `a ${l}`,
);
/** Tab stops taken from anywhere on the page (Tab wraps round), in page order: from the menu's first link. */
const inPageOrder = (names: string[]) => {
  const i = names.indexOf(MENU[0] ?? '');
  return [...names.slice(i), ...names.slice(0, i)];
};

const isFocused = (page: Page, name: RegExp) =>
  expect.poll(async () => (await focused(page))?.name ?? '(body)').toMatch(name);

test('live camera: every control by Tab with a visible focus ring; a picker changed with the arrow keys', async ({
  page,
}) => {
  await acceptDisclaimer(page);
  await page.goto('/#/live?backend=wasm&model=lite');
  await waitForPoses(page, 1);
  const names = await expectAllReachable(page, 'live');
  expect(names.join(' | ')).toMatch(/select.*Backend.*select.*Model/);
  await page.reload();
  await waitForPoses(page, 1);
  await tabTo(page, /^select Model/);
  await page.keyboard.press('ArrowDown'); // lite -> full
  await expect(page.getByTestId('model')).toHaveText('full');
  await expect(page.getByTestId('model-picker')).toHaveValue('full');
});

test('video: the stretch picked, the file input opened and a counted rep jumped to, all from the keyboard', async ({
  page,
}) => {
  test.skip(!existsSync(BLOOMFIT), '../shared/footage is absent');
  test.setTimeout(240_000);
  if (!existsSync(CLIP))
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-t', '7.5', '-i', BLOOMFIT, '-vf', 'scale=640:360', '-an', CLIP]);
  await acceptDisclaimer(page);
  await page.goto('/#/video?backend=mediapipe-cpu&model=full');
  await page.reload();
  await tabTo(page, /^input Video file/);
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Space'); // opens the system's file dialog: the one step the test does for the person
  await tabTo(page, /^select Stretch to count/);
  await page.keyboard.press('ArrowDown'); // "None" -> "1. Pelvic tilts"
  await expect(page.getByTestId('exercise-picker')).toHaveValue('pelvic-tilt');
  await (await chooser).setFiles(CLIP);
  await expect(page.getByTestId('review-headline')).toHaveText(/[1-9] reps?/, { timeout: 200_000 });

  // the results: every control reached, each rep a button that jumps the video to it with Enter
  await expectAllReachable(page, 'video results');
  const rep = page.getByTestId('review-reps').getByRole('button').first();
  const startS = Number(/^0:(\d\d\.\d)/.exec((await rep.textContent()) ?? '')?.[1]);
  await tabTo(page, /^button 0:\d\d\.\d/);
  await page.keyboard.press('Enter');
  await expect
    .poll(() => page.getByTestId('video').evaluate((v) => (v as HTMLVideoElement).currentTime))
    .toBeGreaterThanOrEqual(startS - 0.3);
  expect(await seriousViolations(page)).toEqual([]);
});

test('a guided session from the keyboard alone: every phase reachable, PAIN by P or space from anywhere', async ({
  page,
}) => {
  test.setTimeout(600_000); // a whole session, Tab through each phase and axe at each: 5 min on a loaded machine
  await acceptDisclaimer(page);
  await storeCalibrations(page, 'ql-stretch', ['left', 'right'], 60);
  const axe = async (phase: string) => expect(await seriousViolations(page), phase).toEqual([]);

  // Home: only the QL side bend, ticked with the space bar, then Start with Enter
  await page.goto('/#/');
  await page.reload();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f?.name.startsWith('button Start')) break;
    const box = page.locator('input[type="checkbox"]:focus');
    if ((await box.count()) && (await box.isChecked()) !== /QL side-bend/.test(f?.name ?? ''))
      await page.keyboard.press('Space');
  }
  await expect(page.getByRole('button', { name: 'Start 1 stretch' })).toBeFocused();
  await page.keyboard.press('Enter');

  // intro: "I'm ready" has the focus; every control is reached in order, each with its ring
  await expect(page.getByTestId('phase-intro')).toBeVisible();
  await expect(page.getByRole('button', { name: "I'm ready" })).toBeFocused();
  // in reading order: the menu, the large-type switch, PAIN (its keys on it), the video switch, the phase's buttons
  expect(inPageOrder(await expectAllReachable(page, 'intro'))).toEqual([
    ...MENU,
    'button Large type off',
    'button PAIN key: P or space bar',
    'input Record a video of each stretch (kept on this devic',
    "button I'm ready",
    'button Skip this stretch',
  ]);
  await axe('intro');
  await page.getByRole('button', { name: "I'm ready" }).focus(); // back where the phase put it
  await page.evaluate(() => {
    const log: string[] = ((window as unknown as { __focusLog: string[] }).__focusLog = []);
    document.addEventListener('focusin', (e) => {
      const el = e.target as HTMLElement;
      log.push(`${el.tagName.toLowerCase()} ${el.textContent?.trim()}`);
    });
  });
  await page.keyboard.press('Enter');

  // the camera check and the start position (each a second or two here): the focus moves to each one's heading,
  // then to counting's main button
  await expect(page.getByTestId('phase-counting')).toBeVisible({ timeout: 120_000 });
  expect(await page.evaluate(() => (window as unknown as { __focusLog: string[] }).__focusLog)).toEqual([
    'h2 Camera check',
    'h2 Start position',
    'button Done with this stretch',
  ]);

  // counting: "Done with this stretch" has the focus; every control is reached
  await expect(page.getByRole('button', { name: 'Done with this stretch' })).toBeFocused();
  expect(inPageOrder(await expectAllReachable(page, 'counting'))).toEqual([
    ...MENU,
    'button Large type off',
    'button PAIN key: P or space bar',
    'button Recalibrate my range',
    'button Done with this stretch',
  ]);
  await axe('counting');
  // P presses PAIN with the focus on another button (here the large-type switch)
  await tabTo(page, /^button Large type/);
  await page.keyboard.press('p');
  await expect(page.getByRole('heading', { name: 'Stopped: you pressed PAIN' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Large type/ })).toHaveAttribute('aria-pressed', 'false');

  // the stop choices: the first has the focus, each is reached with its ring; 2 picks "reduce the movement"
  await expect(page.getByRole('button', { name: /Change technique/ })).toBeFocused();
  await expectAllReachable(page, 'stopped');
  await axe('stopped');
  await page.keyboard.press('2');
  await expect(page.getByTestId('phase-counting')).toBeVisible();
  // the space bar presses PAIN even with the focus on "Done with this stretch" (Enter would press that button)
  await expect(page.getByRole('button', { name: 'Done with this stretch' })).toBeFocused();
  await page.keyboard.press(' ');
  await expect(page.getByRole('heading', { name: 'Stopped: you pressed PAIN' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Change technique/ })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: /Stop this stretch/ })).toBeFocused();
  await page.keyboard.press('Enter');

  // rating: the heading has the focus; relief by the arrow keys (a tick shows the choice), pain by the arrow keys
  await expect(page.getByTestId('phase-rating')).toBeVisible();
  await isFocused(page, /^h2 How does your back feel/);
  await axe('rating');
  await expectAllReachable(page, 'rating');
  await page.getByRole('heading', { name: /How does your back feel/ }).focus();
  await tabTo(page, /^input .*Better/);
  await page.keyboard.press('ArrowRight'); // -> Same
  await expect(page.getByRole('radio', { name: /Same/ })).toBeChecked();
  await expect(page.locator('label', { hasText: 'Same' })).toContainText('✓');
  await page.keyboard.press('ArrowLeft'); // -> Better
  await expect(page.getByRole('radio', { name: /Better/ })).toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowRight'); // pain 2 -> 3
  await expect(page.getByTestId('pain-value')).toHaveText('3');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Save and continue' })).toBeFocused();
  await page.keyboard.press('Enter');

  // summary: the heading has the focus; History is reached by Tab and opened with Enter
  await expect(page.getByTestId('saved')).toBeVisible();
  await isFocused(page, /^h2 Well done/);
  await expectAllReachable(page, 'summary');
  await axe('summary');
  await page.getByRole('heading', { name: 'Well done' }).focus();
  await tabTo(page, /^a See your history/);
  await page.keyboard.press('Enter');
  const row = page.getByTestId('history-session').first();
  await expect(row).toContainText('▲ better');
  await expect(row).toContainText(/pain at rep \d+; pain at rep \d+/);
});
