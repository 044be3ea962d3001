import { expect, type Page } from '@playwright/test';
import type { SessionRecord } from '../../src/sessions/types.ts';

/** First use: the disclaimer accepted on Home. */
export async function acceptDisclaimer(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: /I have read this/ }).click();
  await expect(page.getByRole('heading', { name: 'Today', exact: true })).toBeVisible();
}

/** From Home: a session of the one stretch named `name`, past its intro ("I'm ready"), on `backend` when given. */
export async function startOneStretch(page: Page, name: RegExp, backend?: string) {
  if (backend) {
    await page.goto('/#/settings');
    await page.getByLabel('Detector backend').selectOption(backend);
  }
  await page.goto('/#/');
  // Home lists the routine once the stored history has loaded: listing the checkboxes before that finds none
  await expect(page.getByRole('checkbox', { name })).toBeVisible();
  for (const box of await page.getByRole('checkbox').all()) await box.uncheck();
  await page.getByRole('checkbox', { name }).check();
  await page.getByRole('button', { name: /Start 1 stretch/ }).click();
  await expect(page.getByTestId('phase-intro')).toBeVisible();
  await page.getByRole('button', { name: "I'm ready" }).click();
}

/** From Home: only the QL side bend (a standing stretch: the test camera shows a standing man), as far as calibration. */
export async function startStandingStretch(page: Page) {
  await startOneStretch(page, /QL side-bend/i);
  // the camera check passes in 1 s here: on a loaded machine that can be between two polls, so the camera check, the
  // start position or calibration will do
  await expect(
    page
      .getByTestId('phase-setup')
      .or(page.getByTestId('phase-start-position'))
      .or(page.getByTestId('phase-calibrate')),
  ).toBeVisible();
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

/** Writes session records straight into the app's IndexedDB, as the app would have saved them. */
export async function storeSessions(page: Page, records: readonly SessionRecord[]): Promise<void> {
  await page.evaluate(async (list) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const r = indexedDB.open('spine-coach');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const tx = db.transaction('sessions', 'readwrite');
    for (const s of list) tx.objectStore('sessions').put(s);
    await new Promise((ok) => (tx.oncomplete = ok));
    db.close();
  }, records);
}
