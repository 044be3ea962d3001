import { expect, test } from '@playwright/test';
import { LM } from '../../src/pose/landmarks.ts';
import { waitForPoses } from './pose-helpers.ts';

/** The padded messi5.jpg: the person's body lies in x 90-540, y 110-420 of the 640x480 fake camera frame. */
const BODY = { x0: 90 / 640, x1: 540 / 640, y0: 110 / 480, y1: 420 / 480 };

for (const backend of ['mediapipe-cpu', 'wasm'] as const) {
  test(`live camera on ${backend}: 33 finite landmarks on the person, stats shown`, async ({ page }) => {
    await page.goto(`/#/live?backend=${backend}&model=lite`);
    const probe = await waitForPoses(page, 3);
    const lms = probe.last?.landmarks;
    expect(lms).toHaveLength(33);
    for (const l of lms ?? []) for (const v of [l.x, l.y, l.z, l.visibility]) expect(Number.isFinite(v)).toBe(true);
    const visible = (lms ?? []).filter((l) => l.visibility >= 0.5);
    expect(visible.length).toBeGreaterThan(20);
    for (const l of visible) {
      expect(l.x).toBeGreaterThan(BODY.x0);
      expect(l.x).toBeLessThan(BODY.x1);
      expect(l.y).toBeGreaterThan(BODY.y0);
      expect(l.y).toBeLessThan(BODY.y1);
    }
    const nose = lms?.[LM.nose];
    const hip = lms?.[LM.leftHip];
    // nose near the head of the photo (292,182 px), and above the hips
    expect(Math.abs((nose?.x ?? 0) * 640 - 292)).toBeLessThan(30);
    expect(Math.abs((nose?.y ?? 0) * 480 - 182)).toBeLessThan(30);
    expect(nose?.y ?? 1).toBeLessThan(hip?.y ?? 0);
    await expect(page.getByTestId('backend')).toHaveText(backend);
    await expect(page.getByTestId('model')).toHaveText('lite');
    await expect(page.getByTestId('detector-ms')).toHaveText(/^\d+ ms$/);
    await expect(page.getByTestId('fps')).not.toHaveText('0');
    await expect(page.getByTestId('nobody')).toHaveCount(0);
  });
}

test('live camera: switching the model restarts the pipeline on the new model', async ({ page }) => {
  await page.goto('/#/live?backend=wasm&model=lite');
  await waitForPoses(page, 1);
  await page.getByTestId('model-picker').selectOption('full');
  await expect(page.getByTestId('model')).toHaveText('full');
  const probe = await waitForPoses(page, 1);
  expect(probe.model).toBe('full');
  expect(probe.backend).toBe('wasm');
});

test('auto backend: times the CPU candidates on this GPU-less machine, keeps one, and remembers it', async ({
  page,
}) => {
  await page.goto('/#/live?backend=auto&model=lite');
  const probe = await waitForPoses(page, 2);
  expect(['wasm', 'mediapipe-cpu']).toContain(probe.backend);
  const cached = await page.evaluate(() =>
    Object.entries(localStorage).filter(([k]) => k.startsWith('spine-coach.auto-backend.lite.')),
  );
  expect(cached.map(([, v]) => v)).toEqual([probe.backend]);
  await page.reload();
  const again = await waitForPoses(page, 1);
  expect(again.backend).toBe(probe.backend);
  await expect(page.getByTestId('backend')).toHaveText(probe.backend ?? '');
});
