/**
 * The Content-Security-Policy holds the whole app: served as a header by the preview server (and as a <meta> in
 * index.html), and not one violation anywhere: home, live camera on each CPU runtime (tfjs wasm, MediaPipe's wasm,
 * the automatic pick), the detector Web Worker, video analysis, the start of a guided session, History, Settings.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { contentSecurityPolicy } from '../../vite-plugins/csp.ts';
import { watchCspViolations, type CspViolation } from './csp-helpers.ts';
import { GENERATED, waitForPoses } from './pose-helpers.ts';
import { acceptDisclaimer, openStillScreen, startStandingStretch, STILL_SCREENS } from './app-helpers.ts';

test('the CSP is served as a header and a meta tag, with no remote origin', async ({ page }) => {
  const res = await page.goto('/');
  const header = res?.headers()['content-security-policy'] ?? '';
  expect(header).toBe(contentSecurityPolicy({ header: true }));
  expect(header).toContain("frame-ancestors 'none'");
  expect(header).not.toMatch(/https?:|\*|'unsafe-eval'|'unsafe-inline'/);
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toBe(contentSecurityPolicy({ header: false }));
  // the workers and the service worker get it too (a <meta> reaches only the document)
  const sw = await page.request.get('/sw.js');
  expect(sw.headers()['content-security-policy']).toBe(header);
});

let violations: CspViolation[] = [];
// a runtime the policy blocks usually fails to start: say what was blocked whatever step failed
test.afterEach(() => {
  if (violations.length) console.log('CSP violations:', violations);
});

test('no CSP violation: home, live camera on each runtime, the worker, video analysis, a session, History', async ({
  page,
}) => {
  test.setTimeout(420_000);
  violations = await watchCspViolations(page);

  await acceptDisclaimer(page);

  for (const backend of ['wasm', 'mediapipe-cpu', 'auto']) {
    await page.goto(`/#/live?backend=${backend}&model=lite`);
    await page.reload();
    await waitForPoses(page, 1);
  }

  // the video page analyses the file with wasm in analysis workers (src/pose/analysis-worker.ts), each with its
  // detector and its own decoding worker (mediabunny + WebCodecs, src/pose/decode-worker.ts): the app's workers
  // besides the service worker
  await page.goto('/#/video?backend=wasm&model=lite');
  await page.reload();
  await page.getByTestId('video-file').setInputFiles(path.join(GENERATED, 'person.mp4'));
  await page.waitForFunction(() => window.__spinePose?.done, null, { timeout: 120_000 });
  await expect(page.getByTestId('decode-path')).toHaveText('decoding (avc1)');

  // a guided session through the live set-up check to calibration (camera, detector, cues all running)
  await startStandingStretch(page);

  for (const screen of STILL_SCREENS) await openStillScreen(page, screen);
  expect(violations).toEqual([]);
});
