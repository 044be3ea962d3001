import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { countTrack } from './count-track.ts';
import { clock, reviewOf } from './review.ts';
import { getExercise } from '../exercises/registry.ts';
import type { LandmarkTrack } from '../pose/types.ts';

const track = (name: string) =>
  JSON.parse(
    readFileSync(path.resolve(import.meta.dirname, '../../tests/fixtures/tracks', `${name}.json`), 'utf8'),
  ) as LandmarkTrack;

describe('video review', () => {
  it('bloomfit pelvic tilt: "6 reps", each with its time to jump to and its depth', () => {
    const r = reviewOf(countTrack(track('bloomfit__pelvic_tilt'), 'pelvic-tilt'), getExercise('pelvic-tilt'));
    expect(r.headline).toBe('6 reps');
    expect(r.reps).toHaveLength(6);
    expect(r.reps[0]!.text).toMatch(/^0:0\d\.\d–0:0\d\.\d: hip and knee opening \d+°$/);
    expect(r.reps.map((x) => x.startS)).toEqual([...r.reps.map((x) => x.startS)].sort((a, b) => a - b));
  });

  it('cobra (a 4 s hold against a 10 s target): no hold counted, the hold found and why it did not count', () => {
    const r = reviewOf(countTrack(track('pfc__cobra-pose'), 'prone-extension'), getExercise('prone-extension'));
    expect(r.headline).toBe('0 holds counted (1 hold found)');
    expect(r.holds[0]!.text).toMatch(/held \d\.\d s \(under the 10 s target\)$/);
  });

  it('cobra: the hold lists its form faults in words, and each fault has its time to jump to and its fix', () => {
    const r = reviewOf(countTrack(track('pfc__cobra-pose'), 'prone-extension'), getExercise('prone-extension'));
    expect(r.holds[0]!.faults).toContain('You are up on straight arms.');
    expect(r.holds[0]!.faults).toContain('Your head is tipped back.');
    const arms = r.faults.find((f) => f.text.includes('straight arms') && f.startS > 4)!;
    expect(arms.text).toMatch(
      /^0:0\d\.\d–0:\d\d\.\d, right: You are up on straight arms\. Come down onto your forearms/,
    );
  });

  it('a clean clip has no faults', () => {
    const r = reviewOf(countTrack(track('bloomfit__pelvic_tilt'), 'pelvic-tilt'), getExercise('pelvic-tilt'));
    expect(r.faults).toEqual([]);
    expect(r.reps.every((x) => x.faults.length === 0)).toBe(true);
  });

  it('says in words why time was not judged, longest first', () => {
    const r = reviewOf(countTrack(track('deb__vtest_h264'), 'pelvic-tilt'), getExercise('pelvic-tilt'));
    expect(r.headline).toBe('0 reps');
    expect(r.notJudged[0]).toMatch(/^\d+\.\d s: /);
    expect(r.notJudged.join(' ')).toMatch(/not in the start position/);
  });

  it("writes each depth in its signal's unit: degrees, or a ratio as a percentage (a cat/camel depth of 0.28)", () => {
    const rep = (peakDepth: number) => ({ startS: 1, endS: 3, peakDepth, confidence: 0.9 });
    const report = (peakDepth: number, id: 'cat-camel' | 'pelvic-tilt') => ({
      exercise: id,
      repCount: 1,
      reps: [rep(peakDepth)],
      holds: [],
      notJudged: [],
      faults: [],
    });
    expect(reviewOf(report(0.28, 'cat-camel'), getExercise('cat-camel')).reps[0]!.text).toBe(
      '0:01.0–0:03.0: head and back away from neutral 28 %',
    );
    expect(reviewOf(report(13.4, 'pelvic-tilt'), getExercise('pelvic-tilt')).reps[0]!.text).toBe(
      '0:01.0–0:03.0: hip and knee opening 13°',
    );
  });

  it('writes times as m:ss.s', () => {
    expect([clock(0), clock(9.96), clock(59.97), clock(75.26)]).toEqual(['0:00.0', '0:10.0', '1:00.0', '1:15.3']);
  });
});
