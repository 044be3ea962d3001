/** The IndexedDB adapter against fake-indexeddb: what is saved comes back, and old recordings are pruned. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openSpineStore, RECORDED_SESSIONS_KEPT } from './spine-store.ts';
import { DEFAULT_SETTINGS, type CalibrationRecord, type SessionRecord } from '../types.ts';
import { recordingKey, type StretchRecording } from '../recording.ts';

let n = 0;
const fresh = () => openSpineStore(`spine-store-test-${++n}`);

const session = (id: string, startedIso: string): SessionRecord => ({
  id,
  startedIso,
  day: startedIso.slice(0, 10),
  durationS: 600,
  stretches: [],
});

const recording = (sessionId: string, exercise: StretchRecording['exercise'] = 'pelvic-tilt'): StretchRecording => ({
  sessionId,
  exercise,
  backend: 'wasm',
  model: 'lite',
  imageWidth: 640,
  imageHeight: 360,
  tMs: Float64Array.from([0, 100, 200]),
  score: Float32Array.from([0.9, 0.8, 0.7]),
  image: new Float32Array(3 * 132).fill(0.5),
  world: new Float32Array(3 * 132).fill(NaN),
});

const day = (i: number) => new Date(Date.UTC(2026, 0, 1 + i, 8)).toISOString();

describe('spine store (IndexedDB)', () => {
  it('lists sessions newest first and finds one by id', async () => {
    const db = await fresh();
    await db.saveSession(session('b', day(2)));
    await db.saveSession(session('a', day(1)));
    await db.saveSession(session('c', day(3)));
    expect((await db.listSessions()).map((s) => s.id)).toEqual(['c', 'b', 'a']);
    expect(await db.getSession('b')).toMatchObject({ id: 'b', startedIso: day(2) });
    expect(await db.getSession('nope')).toBeUndefined();
    db.close();
  });

  it('keeps one calibration per stretch and side (a new one replaces the old)', async () => {
    const db = await fresh();
    const cal = (side: 'left' | 'right', depth: number): CalibrationRecord => ({
      exercise: 'single-knee-to-chest',
      side,
      depth,
      unit: 'deg',
      atIso: day(1),
    });
    await db.saveCalibration(cal('left', 90));
    await db.saveCalibration(cal('right', 85));
    await db.saveCalibration(cal('left', 100));
    const got = (await db.listCalibrations()).map((c) => [c.side, c.depth]).sort();
    expect(got).toEqual([
      ['left', 100],
      ['right', 85],
    ]);
    db.close();
  });

  it('gives back defaults for settings never saved, and what was saved after', async () => {
    const db = await fresh();
    expect(await db.loadSettings()).toEqual(DEFAULT_SETTINGS);
    await db.saveSettings({ ...DEFAULT_SETTINGS, stopMarginPct: 5, backend: 'wasm' });
    expect(await db.loadSettings()).toMatchObject({ stopMarginPct: 5, backend: 'wasm' });
    db.close();
  });

  it('stores a recording with its typed arrays intact and lists its key', async () => {
    const db = await fresh();
    await db.saveSession(session('s1', day(1)));
    await db.saveRecording(recording('s1'));
    const back = await db.loadRecording('s1', 'pelvic-tilt');
    expect(back?.tMs).toBeInstanceOf(Float64Array);
    expect(Array.from(back?.tMs ?? [])).toEqual([0, 100, 200]);
    expect(Number.isNaN(back?.world[0])).toBe(true);
    expect(await db.listRecordingKeys()).toEqual(new Set([recordingKey('s1', 'pelvic-tilt')]));
    expect(await db.loadRecording('s1', 'cat-camel')).toBeUndefined();
    db.close();
  });

  it(`keeps the recordings of the newest ${RECORDED_SESSIONS_KEPT} sessions only; their session records stay`, async () => {
    const db = await fresh();
    const total = RECORDED_SESSIONS_KEPT + 2;
    for (let i = 0; i < total; i++) {
      await db.saveSession(session(`s${i}`, day(i)));
      await db.saveRecording(recording(`s${i}`));
    }
    const keys = await db.listRecordingKeys();
    expect(keys.size).toBe(RECORDED_SESSIONS_KEPT);
    expect(keys.has(recordingKey('s0', 'pelvic-tilt'))).toBe(false);
    expect(keys.has(recordingKey('s1', 'pelvic-tilt'))).toBe(false);
    expect(keys.has(recordingKey(`s${total - 1}`, 'pelvic-tilt'))).toBe(true);
    expect(await db.listSessions()).toHaveLength(total);
    db.close();
  });

  it('keeps the recording of a session still running (its record is saved only at the end)', async () => {
    const db = await fresh();
    for (let i = 0; i < RECORDED_SESSIONS_KEPT; i++) await db.saveSession(session(`s${i}`, day(i)));
    await db.saveRecording(recording('running'));
    expect(await db.listRecordingKeys()).toEqual(new Set([recordingKey('running', 'pelvic-tilt')]));
    db.close();
  });
});
