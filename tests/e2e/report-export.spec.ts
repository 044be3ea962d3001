/**
 * The clinician report, its PDF, the CSV/JSON exports, and a whole session exported, deleted and imported back.
 * Sessions and a landmark recording (the bloomfit pelvic-tilt fixture track) are written straight into the app's
 * IndexedDB as a guided session would have saved them; everything checked after that comes from storage.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Download, type Page } from '@playwright/test';
import { SessionRecorder } from '../../src/sessions/recording.ts';
import type { PoseFrame } from '../../src/pose/types.ts';
import type { SessionRecord, StretchResult } from '../../src/sessions/types.ts';
import { dayKey } from '../../src/sessions/types.ts';
import { CSV_COLUMNS } from '../../src/sessions/export/table-export.ts';
import { KNEE } from '../../src/sessions/export/test-bundle.ts';
import { acceptDisclaimer } from './app-helpers.ts';
import { seriousViolations } from './a11y-helpers.ts';

const OUT = '/tmp';
const TRACK = path.resolve(import.meta.dirname, '../fixtures/tracks/bloomfit__pelvic_tilt.json');

function at(daysAgo: number): Date {
  const d = new Date();
  d.setHours(8, 5, 0, 0);
  d.setDate(d.getDate() - daysAgo);
  return d;
}

const tilt = (fields: Partial<StretchResult> = {}): StretchResult => ({
  exercise: 'pelvic-tilt',
  reps: 6,
  repsBySide: { left: 0, right: 0 },
  holds: [],
  peakDepth: { left: null, right: null, none: 18.4 },
  unit: 'deg',
  calibrated: { left: null, right: null, none: 21 },
  stops: [],
  relief: 'better',
  pain: 1,
  durationS: 90,
  faults: { 'arms-straight': 2 },
  ...fields,
});

function session(daysAgo: number): SessionRecord {
  const d = at(daysAgo);
  const iso = d.toISOString();
  return {
    id: `session-${iso}`,
    startedIso: iso,
    day: dayKey(d),
    durationS: 660,
    stretches: [
      tilt({ peakDepth: { left: null, right: null, none: 16 + daysAgo } }),
      {
        ...KNEE,
        peakDepth: { ...KNEE.peakDepth, right: 92 - daysAgo },
        relief: daysAgo ? 'same' : 'better',
        stops: [
          ...KNEE.stops.map((x) => ({ ...x, atIso: iso })),
          {
            exercise: 'single-knee-to-chest',
            reason: 'pain',
            rep: 5,
            side: 'left',
            depth: 99.5,
            limit: null,
            sessionMs: 130_000,
            atIso: iso,
            choice: 'next-stretch',
          },
        ],
      },
    ],
  };
}

/** The fixture track as the session recorder keeps it, with its arrays as plain lists for the page. */
function recordingOf(sessionId: string) {
  const track = JSON.parse(readFileSync(TRACK, 'utf8')) as { frames: PoseFrame[] };
  const rec = new SessionRecorder();
  for (const f of track.frames) rec.add('pelvic-tilt', f);
  const r = rec.take('pelvic-tilt', sessionId, { backend: 'mediapipe-cpu', model: 'full' });
  if (!r) throw new Error('no frames');
  return {
    ...r,
    tMs: Array.from(r.tMs),
    score: Array.from(r.score),
    image: Array.from(r.image),
    world: Array.from(r.world),
  };
}

async function store(page: Page, sessions: SessionRecord[], recording: ReturnType<typeof recordingOf>): Promise<void> {
  await page.evaluate(
    async ({ sessions, recording }) => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const r = indexedDB.open('spine-coach');
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
      const tx = db.transaction(['sessions', 'recordings'], 'readwrite');
      for (const s of sessions) tx.objectStore('sessions').put(s);
      tx.objectStore('recordings').put({
        ...recording,
        tMs: Float64Array.from(recording.tMs),
        score: Float32Array.from(recording.score),
        image: Float32Array.from(recording.image),
        world: Float32Array.from(recording.world),
      });
      await new Promise((ok) => (tx.oncomplete = ok));
      db.close();
    },
    { sessions, recording },
  );
}

async function saved(download: Promise<Download>, name: string): Promise<string> {
  const d = await download;
  const file = path.join(OUT, `export-${name}`);
  await d.saveAs(file);
  return file;
}

/** Share of dark pixels in a PDF page rendered to greyscale (PGM), to tell a printed page from a blank one. */
function inkShare(pgm: string): number {
  const b = readFileSync(pgm);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(b.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('not a PGM');
  const pixels = b.subarray(header[0].length);
  let dark = 0;
  for (const p of pixels) if (p < 128) dark++;
  return dark / pixels.length;
}

/** Prints the page to PDF (A4, as "Save as PDF" does), renders its pages, and returns their count and text. */
async function printed(page: Page, name: string): Promise<{ pages: number; text: string; ink: number[] }> {
  const pdf = path.join(OUT, `export-${name}.pdf`);
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: path.join(OUT, `export-${name}-print-media.png`), fullPage: true });
  await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(OUT, `export-${name}-page`)]);
  execFileSync('pdftoppm', ['-gray', '-r', '30', pdf, path.join(OUT, `export-${name}-grey`)]);
  const info = execFileSync('pdfinfo', [pdf]).toString();
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  const digits = String(pages).length;
  const ink = Array.from({ length: pages }, (_, i) =>
    inkShare(path.join(OUT, `export-${name}-grey-${String(i + 1).padStart(digits, '0')}.pgm`)),
  );
  return { pages, text: execFileSync('pdftotext', ['-layout', pdf, '-']).toString(), ink };
}

test.use({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });

test('report, PDF, CSV and JSON; a session exported, deleted and imported back; a damaged file refused', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await acceptDisclaimer(page);
  const today = session(0);
  const older = session(2);
  await store(page, [older, today], recordingOf(today.id));
  await page.goto('/#/history');
  await page.reload();
  const rows = page.getByTestId('history-session');
  await expect(rows).toHaveCount(2);
  const todayRow = rows.first();

  // Watch before: the pelvic-tilt recording counted again
  await todayRow.getByTestId('review-link').click();
  const headline = page.getByTestId('review-headline');
  await expect(headline).toHaveText(/\d+ reps?/, { timeout: 60_000 });
  const watchBefore = {
    headline: await headline.textContent(),
    reps: await page.getByTestId('review-reps').textContent(),
  };

  // the report of today's session
  await page.goto('/#/history');
  const historyBefore = await rows.allTextContents();
  await todayRow.getByRole('link', { name: 'Report' }).click();
  const report = page.getByTestId('report');
  await expect(page.getByTestId('report-title')).toHaveText(/^Session of /);
  await expect(page.getByTestId('report-session')).toHaveCount(1);
  for (const text of [
    'Pelvic tilt',
    'Single knee to chest',
    '6 (left 3, right 3)',
    'left 7 s, right 6 s, left 8 s',
    '105°',
    '98°',
    '96 % of the limit',
    'better',
    '2 / 10',
    'Rep 4, right, 1:35 into the session: stopped past the comfortable range (hip flexion 113.4°, limit 98.0°); chose: reduced the movement.',
    'Rep 5, left, 2:10 into the session: PAIN pressed (hip flexion 99.5°); chose: stopped this stretch.',
    'Your other leg is held up: twice.',
    'Not medical advice.',
  ])
    await expect(report).toContainText(text);
  await expect(report.getByRole('img', { name: /Single knee to chest: range per day, left and right/ })).toBeVisible();
  await page.screenshot({ path: path.join(OUT, 'export-report.png'), fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);

  const one = await printed(page, 'session');
  expect(one.pages).toBe(1);
  expect(one.text).toContain('Not medical advice');
  expect(one.text).toContain('PAIN pressed');
  for (const share of one.ink) expect(share).toBeGreaterThan(0.005);

  // CSV and JSON of this session
  const csvFile = saved(page.waitForEvent('download'), 'session.csv');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const csv = readFileSync(await csvFile, 'utf8')
    .trimEnd()
    .split('\r\n');
  expect(csv[0]).toBe(CSV_COLUMNS.join(','));
  // 6 tilts + 6 knee reps + 3 holds + 2 stops
  expect(csv).toHaveLength(1 + 17);
  expect(csv.filter((l) => l.includes(',over-range,right,4,,113.4,92,98,deg,reduce-movement,'))).toHaveLength(1);
  expect(csv.filter((l) => l.includes(',hold,left,1,7.2,'))).toHaveLength(1);
  const jsonFile = saved(page.waitForEvent('download'), 'session.json');
  await page.getByRole('button', { name: 'Download JSON' }).click();
  const json = JSON.parse(readFileSync(await jsonFile, 'utf8')) as { sessions: SessionRecord[] };
  expect(json.sessions).toEqual([today]);

  // the report of both days: a page of charts, then one page per session
  await page.goto(`/#/report?from=${older.day}&to=${today.day}`);
  await expect(page.getByTestId('report-session')).toHaveCount(2);
  await page.screenshot({ path: path.join(OUT, 'export-report-range.png'), fullPage: true });
  const range = await printed(page, 'range');
  expect(range.pages).toBe(3);
  for (const share of range.ink) expect(share).toBeGreaterThan(0.005);

  // export today's session, delete it, import it back
  await page.goto('/#/history');
  const fileDone = saved(page.waitForEvent('download'), 'session.spinecoach');
  await todayRow.getByRole('button', { name: 'Export session file' }).click();
  const sessionFile = await fileDone;
  await todayRow.getByRole('button', { name: 'Delete session' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete this session?' });
  await expect(confirm).toContainText('and its recordings from this device? This cannot be undone.');
  await confirm.screenshot({ path: path.join(OUT, 'export-delete-confirm.png') });
  await confirm.getByRole('button', { name: 'Delete it' }).click();
  await expect(rows).toHaveCount(1);
  await expect(page.getByTestId('review-link')).toHaveCount(0);

  await page.getByTestId('import-file').setInputFiles(sessionFile);
  await expect(page.getByTestId('import-message')).toContainText('Imported the session of');
  await expect(rows).toHaveCount(2);
  expect(await rows.allTextContents()).toEqual(historyBefore);

  // the same file again: asked, and kept
  await page.getByTestId('import-file').setInputFiles(sessionFile);
  const clash = page.getByRole('alertdialog', { name: 'This session is already here' });
  await expect(clash).toContainText('is already on this device. Replace it');
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(OUT, 'export-import-clash.png'), fullPage: true });
  await clash.getByRole('button', { name: 'Keep the one here' }).click();
  await expect(page.getByTestId('import-message')).toContainText('nothing was imported');
  // and again, replaced: the same session, once
  await page.getByTestId('import-file').setInputFiles(sessionFile);
  await clash.getByRole('button', { name: 'Replace it' }).click();
  await expect(page.getByTestId('import-message')).toContainText('Imported the session of');
  await expect(rows).toHaveCount(2);

  // damaged: cut short, and a byte flipped inside the landmarks
  const bytes = readFileSync(sessionFile);
  const cut = path.join(OUT, 'export-cut.spinecoach');
  writeFileSync(cut, bytes.subarray(0, bytes.length - 1000));
  const flipped = Buffer.from(bytes);
  const byteAt = flipped.length - 5000;
  flipped.writeUInt8(flipped.readUInt8(byteAt) ^ 0x40, byteAt);
  const flippedFile = path.join(OUT, 'export-flipped.spinecoach');
  writeFileSync(flippedFile, flipped);
  for (const [file, why] of [
    [cut, /incomplete/],
    [flippedFile, /damaged: the checksum of the pelvic-tilt recording's .* does not match/],
    [TRACK, /not a Spine Coach session file/],
  ] as const) {
    await page.getByTestId('import-file').setInputFiles(file);
    await expect(page.getByRole('alert')).toContainText(why);
    await expect(page.getByRole('alert')).toContainText('Nothing on this device was changed.');
    if (file === flippedFile) await page.screenshot({ path: path.join(OUT, 'export-import-refused.png') });
    await page.reload();
    await expect(rows).toHaveCount(2);
    expect(await rows.allTextContents()).toEqual(historyBefore);
  }
  await page.screenshot({ path: path.join(OUT, 'export-history.png'), fullPage: true });

  // Watch after: the same count from the imported recording
  await rows.first().getByTestId('review-link').click();
  await expect(headline).toHaveText(watchBefore.headline ?? '', { timeout: 60_000 });
  expect(await page.getByTestId('review-reps').textContent()).toBe(watchBefore.reps);
});
