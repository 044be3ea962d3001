import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SessionRecorder } from './recording.ts';
import { countTrack } from '../analysis/count-track.ts';
import type { LandmarkTrack, PoseFrame } from '../pose/types.ts';

const bloomfit = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../tests/fixtures/tracks/bloomfit__pelvic_tilt.json'), 'utf8')) as LandmarkTrack;

describe('session recorder', () => {
  it('keeps 10 frames a second from a 30 fps camera, per stretch, each track starting at 0 s', () => {
    const r = new SessionRecorder();
    const frame = (tMs: number): PoseFrame => ({ tMs, landmarks: null, worldLandmarks: null, score: 0, imageWidth: 640, imageHeight: 360 });
    for (let i = 0; i < 90; i++) r.add('pelvic-tilt', frame(50_000 + (i * 1000) / 30));
    for (let i = 0; i < 30; i++) r.add('cat-camel', frame(80_000 + (i * 1000) / 30));
    const [tilt, cat] = r.recordings('s1', { backend: 'wasm', model: 'lite' });
    expect(tilt!.track.frames).toHaveLength(30);
    expect(tilt!.track.frames[0]!.tMs).toBe(0);
    expect(tilt!.track.durationS).toBeCloseTo(2.9, 1);
    expect(cat!.exercise).toBe('cat-camel');
    expect(cat!.track.frames).toHaveLength(10);
  });

  it('a recorded stretch counts the same when reviewed: the bloomfit tilts, fed live, still count 6', () => {
    const r = new SessionRecorder();
    for (const f of bloomfit.frames) r.add('pelvic-tilt', { ...f, tMs: f.tMs + 123_456 });
    const [rec] = r.recordings('s2', { backend: 'mediapipe-cpu', model: 'full' });
    expect(countTrack(rec!.track, 'pelvic-tilt').repCount).toBe(6);
  });
});
