/**
 * The installable offline app: a valid web app manifest that Chromium accepts for installation, a second start with
 * the network off after one visit (shell, live pose, a guided session), and the prompt that offers a new version.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { acceptDisclaimer, startStandingStretch } from './app-helpers.ts';
import { waitForPoses } from './pose-helpers.ts';

const DIST = path.resolve(import.meta.dirname, '../..', process.env.E2E_DIST ?? 'dist');

/** The pathnames of the model and wasm files this page loaded (they come from these three folders). */
const loadedModelFiles = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname)
      .filter((p) => /^\/(mediapipe|tfjs-wasm|models)\//.test(p)),
  );

/** The pathnames held in Cache Storage. */
const cachedFiles = (page: Page) =>
  page.evaluate(async () => {
    const files: string[] = [];
    for (const n of await caches.keys())
      for (const r of await (await caches.open(n)).keys()) files.push(new URL(r.url).pathname);
    return files;
  });

test('the manifest is valid and Chromium finds the app installable', async ({ page, baseURL }) => {
  await page.goto('/');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifestUrl = new URL(href ?? '', baseURL);
  const res = await page.request.get(manifestUrl.href);
  expect(res.status()).toBe(200);
  const m = (await res.json()) as {
    name: string;
    short_name: string;
    start_url: string;
    scope: string;
    display: string;
    theme_color: string;
    background_color: string;
    icons: { src: string; sizes: string; type: string; purpose: string }[];
  };
  expect(m.name).toBe('Spine Coach');
  expect(m.short_name.length).toBeLessThanOrEqual(12); // fits under an icon on a home screen
  expect(m.display).toBe('standalone');
  const start = new URL(m.start_url, manifestUrl);
  expect(start.origin).toBe(manifestUrl.origin);
  expect(start.pathname.startsWith(new URL(m.scope, manifestUrl).pathname)).toBe(true);
  expect(m.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  expect(await page.locator('meta[name="theme-color"]').getAttribute('content')).toBe(m.theme_color);
  expect(m.background_color).toMatch(/^#[0-9a-f]{6}$/i);

  // every icon loads and is the size it claims; 192 and 512 PNGs and a maskable one are there
  for (const icon of m.icons) {
    const url = new URL(icon.src, manifestUrl).href;
    const got = await page.request.get(url);
    expect(got.status(), url).toBe(200);
    expect(got.headers()['content-type'], url).toContain(icon.type);
    const px = await page.evaluate(async (u) => {
      const img = new Image();
      img.src = u;
      await img.decode();
      return [img.naturalWidth, img.naturalHeight];
    }, url);
    if (icon.sizes !== 'any') expect(`${px[0]}x${px[1]}`, url).toBe(icon.sizes);
  }
  const pngs = m.icons.filter((i) => i.type === 'image/png');
  expect(pngs.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  expect(m.icons.some((i) => i.purpose.split(' ').includes('maskable'))).toBe(true);

  // Chromium's own verdict: the manifest parses without errors and the app can be installed
  const cdp = await page.context().newCDPSession(page);
  const parsed = (await cdp.send('Page.getAppManifest')) as { errors: { message: string }[] };
  expect(parsed.errors).toEqual([]);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  // 'in-incognito' is the test browser's context (Playwright's are incognito), not the app
  expect(installabilityErrors.filter((e) => e.errorId !== 'in-incognito')).toEqual([]);
});

test('after one visit, a second start with the network off runs the live pose and a guided session', async ({
  page,
  context,
}) => {
  test.setTimeout(360_000);
  // the one visit: the disclaimer, the live camera, a stretch started (each loads its runtime and model)
  await acceptDisclaimer(page);
  await page.goto('/#/live?backend=wasm&model=lite');
  await waitForPoses(page, 1);
  await startStandingStretch(page);
  // the worker keeps every model file this visit loaded, including those fetched before it controlled the page
  const loaded = await loadedModelFiles(page);
  expect(loaded).toContain('/models/tfjs/blazepose-lite.bin');
  await expect
    .poll(async () => {
      const cached = new Set(await cachedFiles(page));
      return loaded.filter((f) => !cached.has(f));
    })
    .toEqual([]);
  await page.close();

  // the second start, offline: a new window at the installed app's start URL
  await context.setOffline(true);
  const app = await context.newPage();
  const failed: string[] = [];
  app.on('requestfailed', (r) => failed.push(r.url()));
  await app.goto('/');
  await expect(app.getByRole('heading', { name: 'Today', exact: true })).toBeVisible();
  expect(await app.evaluate(() => navigator.onLine)).toBe(false);
  expect(await app.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await app.goto('/#/live?backend=wasm&model=lite');
  const probe = await waitForPoses(app, 3);
  expect(probe.last?.landmarks).toHaveLength(33);
  // the session's detector (the Settings' default: auto, full) saw him standing in frame: set-up check passed
  await startStandingStretch(app);
  expect(failed).toEqual([]);
});

test('a new version offers "Reload", and reloading runs it', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await expect(page.getByTestId('update-prompt')).toHaveCount(0);
  const swFile = path.join(DIST, 'sw.js');
  const original = readFileSync(swFile, 'utf8');
  const mark = `// deployed ${Date.now()}`;
  try {
    writeFileSync(swFile, `${original}\n${mark}\n`); // a deploy: the worker script changed
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
    const prompt = page.getByTestId('update-prompt');
    await expect(prompt).toContainText('A new version is ready');
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => !!r?.waiting))).toBe(true);
    await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Reload' }).click()]);
    await expect(page.getByTestId('update-prompt')).toHaveCount(0);
    // the waiting worker took over: none waits any more, and it controls the reloaded page
    const after = await page.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      return { waiting: !!r?.waiting, controlled: navigator.serviceWorker.controller !== null };
    });
    expect(after).toEqual({ waiting: false, controlled: true });
  } finally {
    writeFileSync(swFile, original);
  }
});
