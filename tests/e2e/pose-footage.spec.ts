import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { fakeCamera, GENERATED, waitForPoses } from './pose-helpers.ts';
import type { PoseProbe } from '../../src/pose/harness.ts';
import { LM } from '../../src/pose/landmarks.ts';

// made by global-setup from ../shared/footage/bloomfit/pelvic_tilt.mp4 (4 s, 640x360) only when the footage exists
const HAS_FOOTAGE = existsSync(path.join(GENERATED, 'footage.y4m'));

test.use({ launchOptions: fakeCamera('footage.y4m') });

test.describe('real footage (bloomfit pelvic tilt, 4-point kneel seen from the side)', () => {
  test.skip(!HAS_FOOTAGE, '../shared/footage is absent');

  test('the live camera finds a kneeling body: shoulders and hips at table height, wrists and knees below them', async ({
    page,
  }) => {
    await page.goto('/#/live?backend=mediapipe-cpu&model=full');
    const probe = await waitForPoses(page, 5);
    const l = probe.last?.landmarks ?? [];
    expect(l).toHaveLength(33);
    for (const p of l) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
    const y = (i: number) => l[i]?.y ?? NaN;
    const side = (l[LM.leftHip]?.visibility ?? 0) > (l[LM.rightHip]?.visibility ?? 0) ? 'left' : 'right';
    const [sh, hip, wr, kn] =
      side === 'left'
        ? [LM.leftShoulder, LM.leftHip, LM.leftWrist, LM.leftKnee]
        : [LM.rightShoulder, LM.rightHip, LM.rightWrist, LM.rightKnee];
    expect(y(wr)).toBeGreaterThan(y(sh)); // hands on the floor under the shoulders
    expect(y(kn)).toBeGreaterThan(y(hip)); // knees on the floor under the hips
    expect(probe.framesWithPose / probe.frames).toBeGreaterThan(0.9);
  });

  test('the video page finds a pose in at least 90 % of the sampled frames', async ({ page }) => {
    await page.goto('/#/video?backend=wasm&model=full');
    await page.getByTestId('video-file').setInputFiles(path.join(GENERATED, 'footage.mp4'));
    await page.waitForFunction(() => window.__spinePose?.done || !!window.__spinePose?.error, null, {
      timeout: 120_000,
    });
    const probe = await page.evaluate(() => window.__spinePose as PoseProbe);
    expect(probe.error).toBeNull();
    expect(probe.frames).toBeGreaterThanOrEqual(39);
    expect(probe.framesWithPose / probe.frames).toBeGreaterThanOrEqual(0.9);
  });
});
