/**
 * The review timeline: the depth curve with a band per counted rep, the per-rep table, seeking by band and row, frame
 * steps with the arrow keys and slow playback; on the video page (a real clip, analysed here; skips without
 * ../shared) and on History's Watch (a stored session's landmarks, replayed as a skeleton, with its limit and stops).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { acceptDisclaimer } from './app-helpers.ts';
import { seriousViolations } from './a11y-helpers.ts';
import { analyseBloomfit, BLOOMFIT } from './pose-helpers.ts';
import { SessionRecorder } from '../../src/sessions/recording.ts';
import type { LandmarkTrack } from '../../src/pose/types.ts';
import type { SessionRecord, StopRecord } from '../../src/sessions/types.ts';
import { dayKey } from '../../src/sessions/types.ts';

const TRACK = path.resolve(import.meta.dirname, '../fixtures/tracks/bloomfit__pelvic_tilt.json');
const SHOT = (name: string) => `/tmp/timeline-${name}.png`;

test.use({ viewport: { width: 1280, height: 900 } });

const span = async (band: Locator) => ({
  startS: Number(await band.getAttribute('data-start-s')),
  endS: Number(await band.getAttribute('data-end-s')),
});
const videoTime = (page: Page) => page.getByTestId('video').evaluate((v) => (v as HTMLVideoElement).currentTime);
/** The timeline's clock, "0:05.6 / 0:18.9" -> 5.6 */
async function timelineTime(page: Page): Promise<number> {
  const m = /^(\d+):(\d\d\.\d)/.exec((await page.getByTestId('timeline-time').textContent()) ?? '');
  return Number(m?.[1]) * 60 + Number(m?.[2]);
}

test('video page: one band per counted rep; rep 2 by band and by row seeks the video there; a frame step; 0.5x', async ({
  page,
}) => {
  test.skip(!existsSync(BLOOMFIT), '../shared/footage is absent');
  test.setTimeout(300_000);
  await analyseBloomfit(page);
  // the same count as `npm run analyze -- bloomfit/pelvic_tilt.mp4 --exercise pelvic-tilt` (6, the manifest's tucks)
  await expect(page.getByTestId('review-headline')).toHaveText('6 reps', { timeout: 240_000 });
  const bands = page.getByTestId('timeline-band');
  await expect(bands).toHaveCount(6);
  await expect(page.getByTestId('rep-row')).toHaveCount(6);
  await expect(page.getByTestId('timeline-curve')).toHaveAttribute('d', /^M[\d.]+,[\d.]+ L/);

  const rep2 = await span(bands.nth(1));
  await bands.nth(1).click();
  await expect.poll(() => videoTime(page)).toBeCloseTo(rep2.startS, 1);
  await page.getByTestId('rep-row').nth(0).getByRole('button').click();
  await expect.poll(() => videoTime(page)).toBeLessThan(rep2.startS);
  await page.getByTestId('rep-row').nth(1).getByRole('button').click();
  const at = await videoTime(page);
  expect(at).toBeGreaterThanOrEqual(rep2.startS - 0.01);
  expect(at).toBeLessThan(rep2.endS);

  // one analysed frame (10 per second) forward with the arrow key
  await page.getByTestId('timeline').press('ArrowRight');
  await expect.poll(() => videoTime(page)).toBeCloseTo(at + 0.1, 2);
  await page.screenshot({ path: SHOT('video'), fullPage: true });

  await page.getByTestId('rate-0.5').click();
  await expect(page.getByTestId('rate-0.5')).toHaveAttribute('aria-pressed', 'true');
  expect(await page.getByTestId('video').evaluate((v) => (v as HTMLVideoElement).playbackRate)).toBe(0.5);
  const before = await page.getByTestId('timeline-playhead').getAttribute('style');
  await page.getByTestId('timeline-play').click();
  await expect.poll(() => page.getByTestId('timeline-playhead').getAttribute('style')).not.toBe(before);
  await page.getByTestId('timeline-play').click();
});

/** A session of pelvic tilts stored on the device: the record (limit 17°, a range stop, a PAIN press) and the
 * landmarks of the bloomfit clip as the session recorder keeps them, starting 2 s into the session. */
async function storeWatchedSession(page: Page): Promise<string> {
  const track = JSON.parse(readFileSync(TRACK, 'utf8')) as LandmarkTrack;
  const recorder = new SessionRecorder();
  const id = 'timeline-seed';
  for (const f of track.frames) recorder.add('pelvic-tilt', f, 2000 + f.tMs);
  const rec = recorder.take('pelvic-tilt', id, { backend: 'mediapipe-cpu', model: 'full' })!;
  const day = new Date();
  const stop = (reason: StopRecord['reason'], atS: number, depth: number): StopRecord => ({
    exercise: 'pelvic-tilt',
    reason,
    rep: 3,
    side: 'none',
    depth,
    limit: reason === 'over-range' ? 19.6 : null,
    sessionMs: 2000 + atS * 1000,
    atIso: day.toISOString(),
    choice: 'reduce-movement',
  });
  const session: SessionRecord = {
    id,
    startedIso: day.toISOString(),
    day: dayKey(day),
    durationS: 60,
    stretches: [
      {
        exercise: 'pelvic-tilt',
        reps: 6,
        repsBySide: { left: 0, right: 0 },
        holds: [],
        peakDepth: { left: null, right: null, none: 18 },
        unit: 'deg',
        calibrated: { left: null, right: null, none: 17 },
        stops: [stop('over-range', 9.3, 19.8), stop('pain', 15, 12)],
        relief: 'better',
        pain: 2,
        durationS: 40,
      },
    ],
  };
  const plain = { ...rec, tMs: [...rec.tMs], score: [...rec.score], image: [...rec.image], world: [...rec.world] };
  await page.evaluate(
    async ([s, r]) => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const o = indexedDB.open('spine-coach');
        o.onsuccess = () => ok(o.result);
        o.onerror = () => fail(o.error);
      });
      const tx = db.transaction(['sessions', 'recordings'], 'readwrite');
      tx.objectStore('sessions').put(s);
      tx.objectStore('recordings').put({
        ...r,
        tMs: Float64Array.from(r.tMs),
        score: Float32Array.from(r.score),
        image: Float32Array.from(r.image),
        world: Float32Array.from(r.world),
      });
      await new Promise((ok) => (tx.oncomplete = ok));
      db.close();
    },
    [session, plain] as const,
  );
  return id;
}

test("Watch: the stored session's curve with its limit, stops and PAIN press; rep 2 seeks the skeleton replay", async ({
  page,
}) => {
  await acceptDisclaimer(page);
  const id = await storeWatchedSession(page);
  await page.goto(`/#/video?session=${id}&exercise=pelvic-tilt`);
  await expect(page.getByTestId('review-headline')).toHaveText('6 reps', { timeout: 60_000 });
  const bands = page.getByTestId('timeline-band');
  await expect(bands).toHaveCount(6);
  await expect(page.getByTestId('rep-row')).toHaveCount(6);
  await expect(page.getByTestId('timeline')).toContainText('Comfortable limit: 17°');
  await expect(page.getByTestId('rep-row').nth(2)).toContainText('18° (over the 17° limit)');
  const stop = page.locator('[data-testid="timeline-marker"][data-kind="over-range"]');
  const pain = page.locator('[data-testid="timeline-marker"][data-kind="pain"]');
  await expect(stop).toHaveAttribute('data-t-s', '9.3');
  await expect(pain).toHaveAttribute('data-t-s', '15');

  // the replay starts playing; pause it, then seek by band, by row and by marker
  await expect(page.getByTestId('timeline-play')).toHaveText('Pause');
  await page.getByTestId('timeline-play').click();
  const rep2 = await span(bands.nth(1));
  await bands.nth(1).click();
  await expect.poll(() => timelineTime(page)).toBeCloseTo(rep2.startS, 1);
  await pain.click();
  await expect.poll(() => timelineTime(page)).toBeCloseTo(15, 1);
  await page.getByTestId('rep-row').nth(1).getByRole('button').click();
  await expect.poll(() => timelineTime(page)).toBeCloseTo(rep2.startS, 1);
  await page.getByTestId('timeline').press('ArrowRight');
  await expect.poll(() => timelineTime(page)).toBeCloseTo(rep2.startS + 0.1, 1);
  await page.screenshot({ path: SHOT('watch'), fullPage: true });
  expect(await seriousViolations(page)).toEqual([]); // the bands and markers are buttons with their words

  await page.getByTestId('rate-0.25').click();
  await expect(page.getByTestId('rate-0.25')).toHaveAttribute('aria-pressed', 'true');
  const from = await timelineTime(page);
  await page.getByTestId('timeline-play').click();
  await expect.poll(() => timelineTime(page)).toBeGreaterThan(from);
  await page.getByTestId('timeline-play').click();
  await page.getByTestId('timeline').screenshot({ path: SHOT('watch-chart') });
});
