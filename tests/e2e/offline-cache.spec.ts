import { expect, test } from '@playwright/test';
import { waitForPoses } from './pose-helpers.ts';

// the person in person.y4m (messi5.jpg padded to 640x480) stands in x 90-540, y 110-420 px: as fractions of the frame
const BODY = { x0: 90 / 640, x1: 540 / 640, y0: 110 / 480, y1: 420 / 480 };

test('after one visit the app starts offline: shell from the service worker, a pose from the cached model', async ({
  page,
  context,
}) => {
  await page.goto('/#/live?backend=wasm&model=lite');
  await waitForPoses(page, 1);
  // the service worker is installed and controls the page from its next load on
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload();
  await waitForPoses(page, 1); // this start stores the model files in Cache Storage
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const files: string[] = [];
    for (const n of names) for (const r of await (await caches.open(n)).keys()) files.push(new URL(r.url).pathname);
    return files;
  });
  expect(cached).toContain('/models/tfjs/blazepose-lite.bin');
  expect(cached).toContain('/index.html');

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Live camera' })).toBeVisible();
  const probe = await waitForPoses(page, 1);
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  const lms = probe.last?.landmarks ?? [];
  expect(lms).toHaveLength(33);
  for (const l of lms) {
    expect(Number.isFinite(l.x) && Number.isFinite(l.y)).toBe(true);
    if (l.visibility >= 0.5) {
      expect(l.x).toBeGreaterThan(BODY.x0);
      expect(l.x).toBeLessThan(BODY.x1);
      expect(l.y).toBeGreaterThan(BODY.y0);
      expect(l.y).toBeLessThan(BODY.y1);
    }
  }
  // the shell painted before the model weights had even arrived
  const t = await page.evaluate(() => ({
    paintMs: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    weightsMs:
      performance.getEntriesByType('resource').find((e) => e.name.endsWith('/models/tfjs/blazepose-lite.bin'))
        ?.startTime ?? NaN,
  }));
  expect(t.paintMs).toBeLessThan(t.weightsMs);
});
