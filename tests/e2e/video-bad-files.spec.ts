/**
 * Bad video files on "Analyse a video" (issue 13, bad-input matrix): a truncated MP4, random bytes named .mp4, a
 * codec this Chromium cannot decode (HEVC), and a clip with nobody in it. Each gets a clear message; the page stays
 * usable (the next good file is analysed) and nothing stored is lost (a saved session is still in History). The
 * files are made with ffmpeg at test time in a temporary folder, never committed.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { SessionRecord } from '../../src/sessions/types.ts';
import { dayKey } from '../../src/sessions/types.ts';
import { acceptDisclaimer, storeSessions } from './app-helpers.ts';
import { MESSI } from './global-setup.ts';
import { GENERATED } from './pose-helpers.ts';

let dir = '';

function ffmpeg(out: string, args: string[]): string {
  const file = path.join(dir, out);
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args, file]);
  return file;
}

test.beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'spine-bad-video-'));
  const good = readFileSync(path.join(GENERATED, 'person.mp4'));
  // cut at half its bytes: the end of the picture data and the index (ffmpeg writes it last) are gone
  writeFileSync(path.join(dir, 'truncated.mp4'), good.subarray(0, Math.floor(good.length / 2)));
  writeFileSync(path.join(dir, 'random.mp4'), randomBytes(200_000));
  // the test person in HEVC, which Debian's Chromium neither decodes (WebCodecs) nor plays (<video>)
  ffmpeg('hevc.mp4', [
    ...['-loop', '1', '-i', MESSI, '-t', '2', '-r', '30', '-vf', 'pad=640:480:46:69,format=yuv420p'],
    ...['-c:v', 'libx265', '-tag:v', 'hvc1', '-x265-params', 'log-level=error'],
  ]);
  // a test pattern, landscape, 2 s: no person anywhere
  ffmpeg('nobody.mp4', [
    '-f',
    'lavfi',
    '-i',
    'testsrc=size=640x360:rate=30',
    '-t',
    '2',
    '-c:v',
    'libx264',
    '-pix_fmt',
    'yuv420p',
  ]);
});

test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SAVED: SessionRecord = {
  id: 'kept-session',
  startedIso: new Date().toISOString(),
  day: dayKey(new Date()),
  durationS: 300,
  stretches: [
    {
      exercise: 'pelvic-tilt',
      reps: 12,
      repsBySide: { left: 0, right: 0 },
      holds: [],
      peakDepth: { left: null, right: null, none: 14 },
      unit: 'deg',
      calibrated: { left: null, right: null, none: 15 },
      stops: [],
      relief: 'better',
      pain: 2,
      durationS: 240,
    },
  ],
};

async function pick(page: Page, file: string) {
  await page.getByTestId('video-file').setInputFiles(file);
  await page.waitForFunction(() => window.__spinePose?.done || !!window.__spinePose?.error, null, { timeout: 120_000 });
}

const BAD_FILES = [
  { what: 'a truncated MP4 (cut at half its bytes)', file: 'truncated.mp4', message: /cannot be read as a video/ },
  { what: 'random bytes named .mp4', file: 'random.mp4', message: /cannot be read as a video/ },
  { what: 'an HEVC video this browser cannot decode', file: 'hevc.mp4', message: /cannot be read as a video/ },
] as const;

test('bad video files get a clear message; the page goes on working and the saved session is kept', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await acceptDisclaimer(page);
  await storeSessions(page, [SAVED]);
  await page.goto('/#/video?backend=wasm&model=lite');
  for (const bad of BAD_FILES) {
    await pick(page, path.join(dir, bad.file));
    await expect(page.getByTestId('video-error'), bad.what).toHaveText(bad.message);
    await expect(page.getByTestId('video-file'), bad.what).toBeEnabled();
  }
  // a video with no person: analysed to the end, and said so
  await pick(page, path.join(dir, 'nobody.mp4'));
  await expect(page.getByTestId('video-error')).toHaveCount(0);
  await expect(page.getByTestId('with-pose')).toHaveText('0 / 20');
  await expect(page.getByTestId('nobody-in-video')).toContainText('Nobody was found in this video');
  // the page still works: the next good file is analysed
  await pick(page, path.join(GENERATED, 'person.mp4'));
  await expect(page.getByTestId('video-error')).toHaveCount(0);
  await expect(page.getByTestId('with-pose')).toHaveText('20 / 20');
  // and nothing stored was lost
  await page.goto('/#/history');
  await expect(page.getByTestId('history-session')).toHaveCount(1);
  await expect(page.getByTestId('history-session').first()).toContainText('Pelvic tilt');
});
