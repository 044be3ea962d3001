/**
 * Accessibility: axe-core on every screen, in the state a user meets it (first use, the live camera running, a video
 * analysed, a session at its intro and at calibration, History, Settings, About): no serious or critical violation.
 */
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from './axe-helpers.ts';
import { acceptDisclaimer, openStillScreen, startStandingStretch, STILL_SCREENS } from './app-helpers.ts';
import { GENERATED, waitForPoses } from './pose-helpers.ts';

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

/** Tabs through the page once; for each stop: its role and name, and whether the focus ring is visible. */
async function tabStops(page: Page, max = 60): Promise<{ name: string; ring: boolean }[]> {
  const stops: { name: string; ring: boolean }[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const s = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const w = window as unknown as { __tabSeen?: Set<Element> };
      w.__tabSeen ??= new Set();
      if (w.__tabSeen.has(el)) return null; // back round to the first stop
      w.__tabSeen.add(el);
      const css = getComputedStyle(el);
      const labels = 'labels' in el ? [...((el as HTMLInputElement).labels ?? [])].map((l) => l.textContent) : [];
      const label = el.getAttribute('aria-label') ?? (labels.join(' ') || el.textContent) ?? '';
      return {
        name: `${el.tagName.toLowerCase()} ${label.trim().replace(/\s+/g, ' ').slice(0, 40)}`,
        ring: css.outlineStyle !== 'none' && parseFloat(css.outlineWidth) >= 2,
      };
    });
    if (!s) break;
    stops.push(s);
  }
  return stops;
}

/** Every visible control on the page that a keyboard should reach. */
const controls = (page: Page) =>
  page
    .locator('a[href], button:not([disabled]), input:not([type="hidden"]):not([disabled]), select:not([disabled])')
    .filter({ visible: true })
    .count();

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
