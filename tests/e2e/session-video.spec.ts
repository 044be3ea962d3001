/**
 * Optional video of a guided session, in real Chromium against the production build, the fake camera playing real
 * footage (pfc/cobra-pose.mp4, as in session-form.spec.ts). Video on from the session's intro: REC shows (in words,
 * and told to screen readers) while the stretch is recorded; the chunks land in the origin private file system as
 * they arrive; after a reload, History shows the storage used and Watch plays the video with the skeleton over it;
 * deleting the video brings back the skeleton replay. A full disk in the middle (every OPFS write throwing
 * QuotaExceededError) stops the video with one sentence, and the session and its landmarks are saved all the same.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { fakeCamera, footageY4m } from './pose-helpers.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FOOTAGE = path.resolve(ROOT, '../shared/footage/pfc/cobra-pose.mp4');
const Y4M = 'session-cobra-straight-arms.y4m';

test.use({ launchOptions: fakeCamera(Y4M), viewport: { width: 1280, height: 800 } });

const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/videorec-${name}.png` });

/** How many video chunks are saved in the origin private file system now. */
const chunksOnDisk = (page: Page) =>
  page.evaluate(async () => {
    let n = 0;
    const walk = async (d: FileSystemDirectoryHandle): Promise<void> => {
      for await (const [name, h] of (
        d as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }
      ).entries())
        if (h.kind === 'directory') await walk(h as FileSystemDirectoryHandle);
        else if (/^\d+\.webm$/.test(name)) n++;
    };
    await walk(await navigator.storage.getDirectory());
    return n;
  });

/** From a fresh profile: disclaimer, the fast CPU backend, only prone extension, up to its intro. */
async function toIntro(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: /I have read this/ }).click();
  await page.goto('/#/settings');
  await page.getByLabel('Detector backend').selectOption('mediapipe-cpu');
  await expect(page.getByRole('switch', { name: /Record a video of each stretch/ })).not.toBeChecked(); // off by default
  await page.goto('/#/');
  for (const box of await page.getByRole('checkbox').all()) await box.uncheck();
  await page.getByRole('checkbox', { name: /Prone extension/i }).check();
  await page.getByRole('button', { name: /Start 1 stretch/ }).click();
  await expect(page.getByTestId('phase-intro')).toBeVisible();
}

/** PAIN, "stop this stretch", rated and saved: the session record is stored. */
async function stopAndSave(page: Page) {
  await page.keyboard.press(' ');
  await page.getByRole('button', { name: /Stop this stretch/ }).click();
  await expect(page.getByTestId('phase-rating')).toBeVisible();
  await page.getByText('Same', { exact: true }).click();
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByTestId('saved')).toBeVisible();
}

/** How many pixels of the skeleton drawn over the recorded video are painted. */
const skeletonDrawn = (page: Page) =>
  page
    .getByTestId('recorded-stage')
    .getByTestId('skeleton')
    .evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; d && i < d.length; i += 4) if (d[i]! > 0) n++;
      return n;
    });

test.describe('video of a guided session', () => {
  test.skip(!existsSync(FOOTAGE), '../shared/footage is absent');

  test.beforeAll(() => {
    footageY4m(FOOTAGE, Y4M, '[0:v]trim=2.5:9,setpts=PTS-STARTPTS,scale=640:360,fps=10,format=yuv420p[v]');
  });

  test('REC while recording, kept across a reload, played in Watch with the skeleton, deleted', async ({ page }) => {
    test.setTimeout(300_000);
    await toIntro(page);
    await expect(page.getByTestId('rec-indicator')).toBeHidden();
    await page.getByRole('switch', { name: /Record a video of each stretch/ }).check();
    await page.getByRole('button', { name: "I'm ready" }).click();

    // recording from the first kept frame: REC in words over the picture, and said to screen readers
    await expect(page.getByTestId('rec-indicator')).toHaveText('REC', { timeout: 120_000 });
    await expect(page.getByTestId('rec-status')).toHaveText(/Recording video of this stretch/);
    await shot(page, 'rec');
    // what the alignment of video and landmarks rests on: the camera's captureTime - mediaTime is one constant
    const originsMs = await page.evaluate(
      () =>
        new Promise<number[]>((resolve) => {
          const v = document.querySelector<HTMLVideoElement>('.stage video')!;
          const out: number[] = [];
          const cb = (_now: number, m: VideoFrameCallbackMetadata) => {
            out.push((m.captureTime ?? NaN) - m.mediaTime * 1000);
            if (out.length < 20) v.requestVideoFrameCallback(cb);
            else resolve(out);
          };
          v.requestVideoFrameCallback(cb);
        }),
    );
    expect(Math.max(...originsMs) - Math.min(...originsMs)).toBeLessThan(5);
    // chunks are saved as they arrive (one a second), not at the end
    await expect.poll(() => chunksOnDisk(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(4);

    await stopAndSave(page);
    await expect(page.getByTestId('rec-indicator')).toBeHidden();
    await expect(page.getByTestId('rec-status')).toHaveText('');

    // after a reload: History shows the storage used and the video with its size
    await page.goto('/#/history');
    await page.reload();
    const row = page.getByTestId('history-session').first();
    await expect(row.getByTestId('video-entry')).toContainText(/Video \d+(\.\d)? (KB|MB)/);
    await expect(page.getByTestId('video-storage')).toContainText(/Videos kept on this device: \d+(\.\d)? (KB|MB)\./);
    await expect(page.getByTestId('video-storage')).toContainText(/Spine Coach uses .+ of the .+ this browser allows/);
    await shot(page, 'history');

    // Watch: the video plays, with the skeleton drawn over it
    await row.getByTestId('review-link').first().click();
    const video = page.getByTestId('recorded-video');
    await expect(video).toBeVisible();
    await expect(page.getByTestId('backend')).toContainText('(session, video)');
    await expect
      .poll(() => video.evaluate((v: HTMLVideoElement) => v.duration), { timeout: 30_000 })
      .toBeGreaterThan(3);
    await video.evaluate((v: HTMLVideoElement) => v.play());
    const t0 = await video.evaluate((v: HTMLVideoElement) => v.currentTime);
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeGreaterThan(t0 + 0.5);
    await expect.poll(() => skeletonDrawn(page), { timeout: 30_000 }).toBeGreaterThan(500);
    await expect(page.getByTestId('video-interrupted')).toBeHidden(); // finished: a complete video
    console.log(`video offset of the landmark track: ${await video.getAttribute('data-offset-ms')} ms`);
    await page.getByTestId('recorded-stage').scrollIntoViewIfNeeded();
    await shot(page, 'watch');
    // paused mid-movement on a landmark frame's own picture: the skeleton drawn is the one of the picture shown
    // (looked at in the screenshots: a wrong offset puts her arms up while she is down)
    const offsetMs = Number(await video.getAttribute('data-offset-ms'));
    for (const at of [0.35, 0.7]) {
      const seek = (s: number) =>
        video.evaluate(async (v: HTMLVideoElement, toS) => {
          v.pause();
          const seeked = new Promise((r) => v.addEventListener('seeked', r, { once: true }));
          v.currentTime = toS;
          await seeked;
        }, s);
      // from `at` of the way on, the first picture with a landmark frame near it (none in a pause of the detector)
      const durationS = await video.evaluate((v: HTMLVideoElement) => v.duration);
      let drawn: string | null = null;
      for (let f = at; f < 1 && drawn === null; f += 0.02) {
        await seek(durationS * f);
        drawn = await page.getByTestId('recorded-stage').getAttribute('data-frame-ms');
      }
      const near = Number(drawn);
      await seek((near + offsetMs) / 1000 + 0.01);
      await expect(page.getByTestId('recorded-stage')).toHaveAttribute('data-frame-ms', drawn ?? 'none');
      await page.getByTestId('recorded-stage').screenshot({ path: `/tmp/videorec-watch-paused-${at}.png` });
    }
    // the timeline drives the recorded video: a click on the PAIN marker puts the video at that moment
    const pain = page.locator('[data-testid="timeline-marker"][data-kind="pain"]');
    await expect(pain).toHaveCount(1, { timeout: 30_000 });
    const painS = Number(await pain.getAttribute('data-t-s'));
    await pain.click();
    await expect
      .poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime))
      .toBeCloseTo((painS * 1000 + offsetMs) / 1000, 0);
    const marksBefore = await page.getByTestId('timeline-marker').count();

    // the whole session as one file, with its video: exported, deleted (video too), imported back
    await page.goto('/#/history');
    const exported = page.waitForEvent('download');
    await row.getByRole('button', { name: 'Export session file' }).click();
    const sessionFile = test.info().outputPath('session.spinecoach');
    await (await exported).saveAs(sessionFile);
    await row.getByRole('button', { name: 'Delete session' }).click();
    await page
      .getByRole('alertdialog', { name: 'Delete this session?' })
      .getByRole('button', { name: 'Delete it' })
      .click();
    await expect(page.getByTestId('history-session')).toHaveCount(0);
    expect(await chunksOnDisk(page)).toBe(0);
    await page.getByTestId('import-file').setInputFiles(sessionFile);
    await expect(page.getByTestId('import-message')).toContainText('Imported the session of');
    await expect(row.getByTestId('video-entry')).toContainText(/Video \d+(\.\d)? (KB|MB)/);
    await row.getByTestId('review-link').first().click();
    await expect(page.getByTestId('backend')).toContainText('(session, video)');
    await expect(page.getByTestId('recorded-video')).toHaveAttribute('data-offset-ms', String(offsetMs));
    await expect(page.getByTestId('timeline-marker')).toHaveCount(marksBefore);
    await expect(page.locator('[data-testid="timeline-marker"][data-kind="pain"]')).toHaveAttribute(
      'data-t-s',
      String(painS),
    );

    // delete the video (asked once more): the storage figure says so, Watch falls back to the skeleton replay
    await page.goto('/#/history');
    await row.getByTestId('video-delete').click();
    await shot(page, 'delete-confirm');
    await row.getByTestId('video-delete-confirm').click();
    await expect(row.getByTestId('video-entry')).toBeHidden();
    await expect(page.getByTestId('video-storage')).toContainText('No videos are kept on this device.');
    await row.getByTestId('review-link').first().click();
    await expect(page.getByTestId('backend')).toHaveText(/\(session\)$/);
    await expect(page.getByTestId('recorded-video')).toHaveCount(0);
    await expect(page.getByTestId('video')).toBeAttached();
    expect(await chunksOnDisk(page)).toBe(0);
  });

  test('a reload in the middle of recording keeps the video up to the last saved second, and it plays', async ({
    page,
  }) => {
    test.setTimeout(300_000);
    await toIntro(page);
    await page.getByRole('switch', { name: /Record a video of each stretch/ }).check();
    await page.getByRole('button', { name: "I'm ready" }).click();
    await expect(page.getByTestId('rec-indicator')).toBeVisible({ timeout: 120_000 });
    // 4 chunk files: the newest may still be empty (a chunk's file is made before its second is written), so the
    // video kept is over 2 s (3 files gave 1.998-2.194 s, 4 gave 3.0-3.5 s)
    await expect.poll(() => chunksOnDisk(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(4);
    await page.reload();

    // the session was not saved (it is saved at its end), its video up to the reload was
    await page.goto('/#/history');
    const entry = page.getByTestId('unsaved-video');
    await expect(entry).toContainText('Prone extension');
    await expect(entry.getByTestId('video-entry')).toContainText(/Video \d+(\.\d)? (KB|MB)/);
    await shot(page, 'reload-history');
    await entry.getByTestId('unsaved-watch').click();
    const video = page.getByTestId('recorded-video');
    await expect(page.getByTestId('video-interrupted')).toContainText('cut short');
    // no duration in a WebM cut short: learnt by reading to its end, then it seeks and plays
    await expect
      .poll(() => video.evaluate((v: HTMLVideoElement) => v.duration), { timeout: 30_000 })
      .toBeGreaterThan(2);
    await video.evaluate((v: HTMLVideoElement) => {
      v.currentTime = 1;
      return v.play();
    });
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeGreaterThan(1.3);
    await page.getByTestId('recorded-stage').scrollIntoViewIfNeeded();
    await shot(page, 'reload-watch');
    // and it can be deleted from History
    await page.goto('/#/history');
    await entry.getByTestId('video-delete').click();
    await entry.getByTestId('video-delete-confirm').click();
    await expect(page.getByTestId('unsaved-videos')).toBeHidden();
  });

  test('a full disk stops the video with one sentence; the session and its landmarks are saved', async ({ page }) => {
    test.setTimeout(300_000);
    // from when the test says so, every write to the origin private file system fails as a full disk does
    await page.addInitScript(() => {
      const proto = FileSystemWritableFileStream.prototype;
      const write = proto.write;
      proto.write = function (this: FileSystemWritableFileStream, ...args: Parameters<typeof write>) {
        if ((window as unknown as { __diskFull?: boolean }).__diskFull)
          return Promise.reject(new DOMException('The disk is full.', 'QuotaExceededError'));
        return write.apply(this, args);
      };
    });
    await toIntro(page);
    await page.getByRole('switch', { name: /Record a video of each stretch/ }).check();
    await page.getByRole('button', { name: "I'm ready" }).click();
    await expect(page.getByTestId('rec-indicator')).toBeVisible({ timeout: 120_000 });
    // 3 chunk files, the newest maybe still empty: over 1 s of video kept before the disk fills
    await expect.poll(() => chunksOnDisk(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(3);

    await page.evaluate(() => ((window as unknown as { __diskFull?: boolean }).__diskFull = true));
    const message = page.getByTestId('video-message');
    await expect(message).toHaveText(
      'Video recording stopped because this device’s storage is full: the video up to this moment and all of this session’s counts and movements are kept, and the session goes on.',
    );
    await expect(message).toHaveAttribute('role', 'alert');
    await expect(page.getByTestId('rec-indicator')).toBeHidden();
    const phase = await page.locator('[data-testid^="phase-"]').getAttribute('data-testid');
    expect(phase).toMatch(/phase-(setup|start-position|calibrate|counting)/); // the session goes on
    await shot(page, 'disk-full');

    await page.evaluate(() => ((window as unknown as { __diskFull?: boolean }).__diskFull = false));
    await stopAndSave(page);

    // the session, its landmarks (Watch) and the video up to the failure are all there after a reload
    await page.goto('/#/history');
    await page.reload();
    const row = page.getByTestId('history-session').first();
    await expect(row).toContainText('Prone extension');
    await expect(row.getByTestId('video-entry')).toBeVisible();
    await row.getByTestId('review-link').first().click();
    await expect(page.getByTestId('review-headline')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('video-interrupted')).toContainText('cut short');
    const video = page.getByTestId('recorded-video');
    await expect
      .poll(() => video.evaluate((v: HTMLVideoElement) => v.duration), { timeout: 30_000 })
      .toBeGreaterThan(1);
    await page.getByTestId('recorded-stage').scrollIntoViewIfNeeded();
    await shot(page, 'disk-full-watch');
  });
});
