import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** First use: the disclaimer accepted on Home. */
export async function acceptDisclaimer(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: /I have read this/ }).click();
  await expect(page.getByRole('heading', { name: 'Today', exact: true })).toBeVisible();
}

/** From Home: only the QL side bend (a standing stretch: the test camera shows a standing man), as far as calibration. */
export async function startStandingStretch(page: Page) {
  await page.goto('/#/');
  for (const box of await page.getByRole('checkbox').all()) await box.uncheck();
  await page.getByRole('checkbox', { name: /QL side-bend/i }).check();
  await page.getByRole('button', { name: /Start 1 stretch/ }).click();
  await expect(page.getByTestId('phase-intro')).toBeVisible();
  await page.getByRole('button', { name: "I'm ready" }).click();
  await expect(page.getByTestId('phase-setup')).toBeVisible();
  await expect(page.getByTestId('phase-calibrate')).toBeVisible({ timeout: 120_000 });
}

/** The screens without a camera, each opened and shown: its hash route and its main heading. */
export const STILL_SCREENS = [
  { hash: '#/history', heading: 'History' },
  { hash: '#/settings', heading: 'Settings' },
  { hash: '#/about', heading: 'About Spine Coach' },
] as const;

/** Opens one of STILL_SCREENS and waits until its heading shows. */
export async function openStillScreen(page: Page, screen: (typeof STILL_SCREENS)[number]) {
  await page.goto(`/${screen.hash}`);
  await expect(page.getByRole('heading', { name: screen.heading, exact: true }).first()).toBeVisible();
}

/** The serious and critical violations on the page as it is now: rule id, impact and how many elements. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}, ${v.nodes.length}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
