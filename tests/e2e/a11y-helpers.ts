/** Helpers of the accessibility specs: axe, the keyboard (Tab stops and their focus ring), a stored calibration. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The serious and critical violations on the page as it is now: rule id, impact and how many elements. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}, ${v.nodes.length}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The focused element: its tag and accessible-ish name, and whether a focus ring of at least 2 px shows on it (or,
 * for a visually hidden radio or checkbox, on its label). */
export function focused(page: Page): Promise<{ name: string; ring: boolean } | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const hidden = getComputedStyle(el).opacity === '0';
    const shown = (hidden ? el.closest('label') : el) ?? el;
    const css = getComputedStyle(shown);
    const labels = 'labels' in el ? [...((el as HTMLInputElement).labels ?? [])].map((l) => l.textContent) : [];
    const label = el.getAttribute('aria-label') ?? (labels.join(' ') || el.textContent) ?? '';
    return {
      name: `${el.tagName.toLowerCase()} ${label.trim().replace(/\s+/g, ' ').slice(0, 50)}`,
      ring: css.outlineStyle !== 'none' && parseFloat(css.outlineWidth) >= 2,
    };
  });
}

/** Tabs through the whole page once from where the focus is, round past its end (where the focus leaves the page
 * for a step) back to where it began: each stop, in order (a stop inside a <video>'s own controls counts once, as
 * the video). */
export async function tabStops(page: Page, max = 80): Promise<{ name: string; ring: boolean }[]> {
  await page.evaluate(() => ((window as unknown as { __tabSeen?: Set<Element> }).__tabSeen = new Set()));
  const stops: { name: string; ring: boolean }[] = [];
  let outside = 0;
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const fresh = await page.evaluate(() => {
      const el = document.activeElement;
      const seen = (window as unknown as { __tabSeen: Set<Element> }).__tabSeen;
      if (!el || el === document.body) return 'outside';
      if (seen.has(el)) return el.tagName === 'VIDEO' ? 'again' : 'end';
      seen.add(el);
      return 'new';
    });
    outside = fresh === 'outside' ? outside + 1 : 0;
    if (fresh === 'end' || outside > 2) break;
    if (fresh !== 'new') continue;
    const s = await focused(page);
    if (s) stops.push(s);
  }
  return stops;
}

/** Every visible control on the page that a keyboard should reach. */
export const controls = (page: Page) =>
  page
    .locator(
      'a[href], button:not([disabled]), input:not([type="hidden"]):not([disabled]), select:not([disabled]), video[controls], [tabindex="0"]',
    )
    .filter({ visible: true })
    .count();

/** Tabs through the page: every control is reached once, each with a visible focus ring. */
export async function expectAllReachable(page: Page, where: string): Promise<string[]> {
  const stops = await tabStops(page);
  const names = stops.map((s) => s.name);
  // radios of one group are one Tab stop
  const radioGroups = await page.evaluate(
    () => new Set([...document.querySelectorAll<HTMLInputElement>('input[type="radio"]')].map((r) => r.name)).size,
  );
  const radios = await page.locator('input[type="radio"]').count();
  expect(stops.length, `${where}: ${names.join(' | ')}`).toBe((await controls(page)) - radios + radioGroups);
  expect(
    stops.filter((s) => !s.ring).map((s) => s.name),
    `${where}: stops without a visible focus ring`,
  ).toEqual([]);
  return names;
}

/** Presses Tab until the focused element's name matches `name` (at most `max` times), and checks its focus ring. */
export async function tabTo(page: Page, name: RegExp, max = 60): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f && name.test(f.name)) {
      expect(f.ring, `${f.name}: focus ring`).toBe(true);
      return;
    }
    seen.push(f?.name ?? '(body)');
  }
  throw new Error(`Tab never reached ${name}: ${seen.join(' | ')}`);
}

/** Stores a comfortable range for `exercise` (each side), as calibrating it would: the session goes straight from the
 * start position to counting. The app must have opened its database once (any page loaded). */
export async function storeCalibrations(page: Page, exercise: string, sides: readonly string[], depth: number) {
  await page.evaluate(
    async ({ exercise, sides, depth }) => {
      const db: IDBDatabase = await new Promise((ok, no) => {
        const r = indexedDB.open('spine-coach');
        r.onsuccess = () => ok(r.result);
        r.onerror = () => no(r.error);
      });
      const tx = db.transaction('calibrations', 'readwrite');
      const atIso = new Date().toISOString();
      for (const side of sides) tx.objectStore('calibrations').put({ exercise, side, depth, unit: 'deg', atIso });
      await new Promise((ok) => (tx.oncomplete = ok));
      db.close();
    },
    { exercise, sides, depth },
  );
}

/** The screens the large-type view must fit without scrolling: a laptop and a desktop monitor. */
export const LARGE_TYPE_SIZES = [
  [1280, 720],
  [1920, 1080],
] as const;

/** From Home: only `stretch` (its name on Home), whose range is stored for `sides`, as far as counting. */
export async function countStretch(page: Page, id: string, stretch: RegExp, sides: readonly string[]) {
  await storeCalibrations(page, id, sides, 60);
  await page.goto('/#/');
  await page.reload();
  for (const box of await page.getByRole('checkbox').all()) await box.uncheck();
  await page.getByRole('checkbox', { name: stretch }).check();
  await page.getByRole('button', { name: /Start 1 stretch/ }).click();
  await page.getByRole('button', { name: "I'm ready" }).click();
  await expect(page.getByTestId('phase-counting')).toBeVisible({ timeout: 120_000 });
}

/** At `w` x `h`: a screenshot, the count at least 10 vw, nothing scrolls, every part on screen. */
export async function expectFits(page: Page, w: number, h: number, name: string) {
  await page.setViewportSize({ width: w, height: h });
  await expect.poll(async () => (await layout(page)).vw).toBe(w);
  await page.screenshot({ path: `/tmp/a11y-large-type-${name}-${w}x${h}.png` });
  const l = await layout(page);
  expect(l.countPx, `${w}x${h}: count font size`).toBeGreaterThanOrEqual(0.1 * w);
  expect(l.scrollH, `${w}x${h}: no vertical scrolling`).toBeLessThanOrEqual(h);
  expect(l.scrollW, `${w}x${h}: no horizontal scrolling`).toBeLessThanOrEqual(w);
  for (const b of [...l.bottoms, l.done]) expect(b, `${w}x${h}: on screen`).toBeLessThanOrEqual(h);
}

/** How the page and the large-type parts sit in the viewport. */
const layout = (page: Page) =>
  page.evaluate(() => {
    const box = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.getBoundingClientRect() ?? null;
    const count = document.querySelector('[data-testid="rep-count"]');
    return {
      vw: innerWidth,
      vh: innerHeight,
      scrollW: document.documentElement.scrollWidth,
      scrollH: document.documentElement.scrollHeight,
      countPx: count ? parseFloat(getComputedStyle(count).fontSize) : 0,
      bottoms: ['large-type', 'cue', 'hold-timer', 'stretch-name'].map((id) => box(id)?.bottom ?? 0),
      done: document.querySelector('.actions')?.getBoundingClientRect().bottom ?? Infinity,
    };
  });
