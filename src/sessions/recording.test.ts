import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MAX_RECORDED_FRAMES, recordingTrack, SessionRecorder } from './recording.ts';
import { countTrack } from '../analysis/count-track.ts';
import type { LandmarkTrack, PoseFrame } from '../pose/types.ts';

const bloomfit = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../tests/fixtures/tracks/bloomfit__pelvic_tilt.json'), 'utf8'),
) as LandmarkTrack;
const META = { backend: 'mediapipe-cpu', model: 'full' } as const;

describe('session recorder', () => {
  it('keeps 10 frames a second from a 30 fps camera, per stretch, each starting at 0 s', () => {
    const r = new SessionRecorder();
    const frame = (tMs: number): PoseFrame => ({
      tMs,
      landmarks: null,
      worldLandmarks: null,
      score: 0,
      imageWidth: 640,
      imageHeight: 360,
    });
    for (let i = 0; i < 90; i++) r.add('pelvic-tilt', frame(50_000 + (i * 1000) / 30), 7000 + (i * 1000) / 30);
    for (let i = 0; i < 30; i++) r.add('cat-camel', frame(80_000 + (i * 1000) / 30));
    expect(r.exercises).toEqual(['pelvic-tilt', 'cat-camel']);
    const tilt = r.take('pelvic-tilt', 's1', META)!;
    expect(tilt.tMs).toHaveLength(30);
    expect(tilt.tMs[0]).toBe(0);
    expect(tilt.startSessionMs).toBe(7000); // where the session's stops fall on it
    expect(recordingTrack(tilt).durationS).toBeCloseTo(2.9, 1);
    expect(r.exercises).toEqual(['cat-camel']); // taken out of memory
    expect([r.has('pelvic-tilt'), r.has('cat-camel')]).toEqual([false, true]);
    const roll = r.take('cat-camel', 's1', META)!;
    expect(roll.tMs).toHaveLength(10);
    expect(roll).not.toHaveProperty('startSessionMs'); // offered without the session clock
  });

  it(`a stretch left running for 2 hours keeps its first ${MAX_RECORDED_FRAMES / 600} minutes, no more`, () => {
    const r = new SessionRecorder();
    const nobody = { landmarks: null, worldLandmarks: null, score: 0, imageWidth: 640, imageHeight: 360 };
    for (let tMs = 0; tMs < 2 * 3600_000; tMs += 100) r.add('back-block', { ...nobody, tMs });
    const rec = r.take('back-block', 's1', META)!;
    expect(rec.tMs).toHaveLength(MAX_RECORDED_FRAMES);
    expect(rec.tMs.at(-1)).toBe((MAX_RECORDED_FRAMES - 1) * 100);
    expect(rec.image.byteLength + rec.world.byteLength).toBeLessThan(7e6);
  });

  it('packs 1 KB a frame, and gives back the same landmarks (to float precision) and missing ones as missing', () => {
    const r = new SessionRecorder();
    for (const f of bloomfit.frames) r.add('pelvic-tilt', f);
    const rec = r.take('pelvic-tilt', 's2', META)!;
    expect((rec.image.byteLength + rec.world.byteLength) / rec.tMs.length).toBe(1056);
    const back = recordingTrack(rec);
    const a = bloomfit.frames[40]!.landmarks![23]!;
    const b = back.frames[40]!.landmarks![23]!;
    expect(b.x).toBeCloseTo(a.x, 5);
    expect(b.visibility).toBeCloseTo(a.visibility, 5);
    expect(back.frames.filter((f) => f.landmarks === null)).toHaveLength(
      bloomfit.frames.filter((f) => f.landmarks === null).length,
    );
  });

  it('a recorded stretch counts the same when reviewed: the bloomfit tilts, fed live, still count 6', () => {
    const r = new SessionRecorder();
    for (const f of bloomfit.frames) r.add('pelvic-tilt', { ...f, tMs: f.tMs + 123_456 });
    expect(countTrack(recordingTrack(r.take('pelvic-tilt', 's3', META)!), 'pelvic-tilt').repCount).toBe(6);
  });
});
