/**
 * Reading the session from the floor and a screen that holds still: the large-type counting view (a setting and a
 * switch on the session screen) fits a 1280x720 laptop and a 1920x1080 screen without scrolling, with the count at
 * least 10 vw high, with a stretch done on each side (the fake camera's standing man); with prefers-reduced-motion
 * nothing animates. Screenshots in /tmp/a11y-*.png; a11y-large-type-hold.spec.ts adds a hold running.
 */
import { expect, test, type Page } from '@playwright/test';
import { acceptDisclaimer, openStillScreen, STILL_SCREENS } from './app-helpers.ts';
import { countStretch, expectFits, LARGE_TYPE_SIZES, seriousViolations } from './a11y-helpers.ts';

test('large type: set in Settings, switched on the session screen, fits 1280x720 and 1920x1080 without scrolling', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await acceptDisclaimer(page);
  await page.goto('/#/settings');
  await page.getByRole('checkbox', { name: /Large type while counting/ }).check();
  await countStretch(page, 'ql-stretch', /QL side-bend/, ['left', 'right']);
  const toggle = page.getByRole('button', { name: /Large type/ });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const large = page.getByTestId('large-type');
  await expect(large).toBeVisible();
  // both sides counted, each named in words
  await expect(large).toContainText('Left');
  await expect(large).toContainText('Right');
  await expect(large.getByTestId('rep-count')).toHaveCount(2);
  expect(await seriousViolations(page), 'large type').toEqual([]);

  for (const [w, h] of LARGE_TYPE_SIZES) await expectFits(page, w, h, 'sided');

  // the switch on the session screen turns it off (and the setting with it), and on again
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(large).toHaveCount(0);
  await expect(page.getByTestId('rep-count')).toHaveText('L 0 · R 0');
  await page.screenshot({ path: '/tmp/a11y-normal-type-1920x1080.png' });
  await toggle.click();
  await expect(large).toBeVisible();
  await page.goto('/#/settings');
  await expect(page.getByRole('checkbox', { name: /Large type while counting/ })).toBeChecked();
});

/** Every element's running animations and transitions, and a probe given both: what moves on this page. */
const moving = (page: Page) =>
  page.evaluate(() => {
    const probe = document.createElement('div');
    probe.style.cssText = 'transition: opacity 2s 1s; animation: probe-pulse 1s 0.5s infinite';
    document.body.append(probe);
    const dur = (v: string) => Math.max(...v.split(',').map((x) => parseFloat(x) || 0));
    const found: string[] = [];
    for (const el of document.querySelectorAll('*')) {
      const css = getComputedStyle(el);
      const anim = css.animationName !== 'none' && dur(css.animationDuration) > 0;
      const trans = dur(css.transitionDuration) + dur(css.transitionDelay) > 0;
      if (anim || trans) found.push(`${el.tagName.toLowerCase()}.${el.className}`);
    }
    probe.remove();
    return found;
  });

test('prefers-reduced-motion: nothing on any screen animates or transitions, a session included', async ({ page }) => {
  test.setTimeout(240_000);
  await acceptDisclaimer(page);
  // without the preference the probe moves: the check below can see motion
  expect(await moving(page)).toContain('div.');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(true);
  const found: Record<string, string[]> = { home: await moving(page) };
  for (const screen of STILL_SCREENS) {
    await openStillScreen(page, screen);
    found[screen.heading] = await moving(page);
  }
  await countStretch(page, 'ql-stretch', /QL side-bend/, ['left', 'right']);
  found['session, counting'] = await moving(page);
  await page.keyboard.press('p');
  await expect(page.getByTestId('phase-stopped')).toBeVisible();
  found['session, stopped'] = await moving(page);
  expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
});
