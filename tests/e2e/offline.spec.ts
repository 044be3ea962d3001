import path from 'node:path';
import { expect, test } from '@playwright/test';
import { GENERATED, waitForPoses, watchForeignRequests } from './pose-helpers.ts';

test('no request leaves the app origin: home, live camera on every CPU backend, video analysis', async ({
  page,
  baseURL,
}) => {
  const origin = new URL(baseURL ?? '').origin;
  const foreign = watchForeignRequests(page, origin);
  const seen: string[] = [];
  page.on('request', (r) => seen.push(r.url()));
  await page.goto('/');
  await page.goto('/#/live?backend=auto&model=lite');
  await waitForPoses(page, 1);
  await page.goto('/#/live?backend=mediapipe-cpu&model=full');
  await page.reload();
  await waitForPoses(page, 1);
  await page.goto('/#/video?backend=wasm&model=full');
  await page.reload();
  await page.getByTestId('video-file').setInputFiles(path.join(GENERATED, 'person.mp4'));
  await page.waitForFunction(() => window.__spinePose?.done, null, { timeout: 120_000 });
  // the model files really were loaded, from our origin
  expect(seen.some((u) => u.includes('/models/tfjs/blazepose-full.bin'))).toBe(true);
  expect(seen.some((u) => u.includes('/mediapipe/pose/pose_landmark_full.tflite'))).toBe(true);
  expect(foreign).toEqual([]);
});
