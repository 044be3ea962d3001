/**
 * Every stretch on generated tracks (src/motion/synth): the counts, sides and hold boundaries a person watching
 * would give, across body sizes, camera sides, heights and tilts, noise, frame-time jitter and dropouts; shallow
 * movements that must not count; brief and long tracking loss; the wrong camera view; other stretches.
 */
import { describe, expect, it } from 'vitest';
import { countTrack } from '../analysis/count-track.ts';
import type { SynthVariant } from '../motion/synth/render-scenario.ts';
import { createTracker, EXERCISE_IDS } from './registry.ts';
import { synthesize } from './synthesize.ts';
import type { EngineEvent, ExerciseId } from './types.ts';

const VARIANTS: Record<string, SynthVariant> = {
  'default (1.70 m, left side to the camera)': {},
  '1.90 m, right side to the camera': { heightM: 1.9, cameraSide: 'right', seed: 2 },
  '1.55 m, camera tilted 6 degrees, 2 px noise, 20 ms jitter': {
    heightM: 1.55,
    rollDeg: 6,
    noisePx: 2,
    jitterMs: 20,
    seed: 3,
  },
  '30 fps': { fps: 30, seed: 4, noisePx: 1.5 },
  '5 % of frames lost': { dropoutRate: 0.05, seed: 5 },
  'camera higher and further away': { cameraHeightM: 0.8, distanceM: 3.2, seed: 6 },
  // far-side joints on the footage tracks: visibility 0.1-0.9, under the 0.5 gate in 25-50 % of the frames
  'far side flickering (visibility 0.65, spread 0.2)': { farVisibility: 0.65, visibilityJitter: 0.2, seed: 7 },
};

/** How far a hold boundary may sit from the scripted one: the scripted end position is reached at the end of an
 * eased approach of 1 s (knees), 1.5 s (prone) or 2-3 s (lunge, side bend, block), and the engine's "in position"
 * is 60 % of the way back from the plateau (see end-position.ts). */
const HOLD_TOLERANCE_S: Partial<Record<ExerciseId, number>> = {
  'single-knee-to-chest': 0.5,
  'knee-to-chest': 0.5,
  'prone-extension': 0.9,
  'hip-flexor': 1.3,
  'ql-stretch': 1.6,
  'back-block': 1.7,
};

/** The far-side flicker variant, without the hip flexor: its far kneeling leg is the measured one, see the test of
 * its own below. */
const variantsFor = (id: ExerciseId) =>
  Object.entries(VARIANTS).filter(([, v]) => !(id === 'hip-flexor' && v.visibilityJitter));

describe.each(EXERCISE_IDS)('%s on generated tracks', (id) => {
  it.each(variantsFor(id))('%s: counts, sides and holds', (_name, variant) => {
    // the live hold timer counts judged time only: losing 5 % of frames costs the 60 s block hold ~4 s, so the
    // person following the timer holds on a little longer
    const v = id === 'back-block' && variant.dropoutRate ? { ...variant, holdS: 68 } : variant;
    const clip = synthesize(id, v);
    const report = countTrack(clip.track, id);
    expect(report.repCount).toBe(clip.expected.reps);
    expect(report.reps.map((r) => r.side)).toEqual(clip.expected.repSides);
    expect(report.reps.every((r) => r.confidence > 0.5 && r.confidence <= 1)).toBe(true);
    const tol = HOLD_TOLERANCE_S[id] ?? 0.5;
    for (const h of clip.expected.holds) {
      const found = report.holds.find((r) => Math.min(r.endS, h.endS) > Math.max(r.startS, h.startS));
      expect(found, `hold ${h.startS}-${h.endS} found`).toBeDefined();
      expect(Math.abs(found!.startS - h.startS)).toBeLessThanOrEqual(tol);
      expect(Math.abs(found!.endS - h.endS)).toBeLessThanOrEqual(tol);
      expect(found!.side).toBe(h.side);
    }
  });

  it('counts nothing for a quarter-depth movement (landmark jitter 0.5 px, as measured at rest on bloomfit)', () => {
    const report = countTrack(synthesize(id, { depthScale: 0.25, noisePx: 0.5, seed: 8 }).track, id);
    expect(report.repCount).toBe(0);
  });
});

describe('generated tracks across stretches', () => {
  it('counts no stretch as another one (except the knee-to-chest inside the back block)', () => {
    for (const done of EXERCISE_IDS) {
      const track = synthesize(done, { seed: 11 }).track;
      for (const analysed of EXERCISE_IDS) {
        if (analysed === done || (done === 'back-block' && analysed === 'knee-to-chest')) continue;
        expect(countTrack(track, analysed).repCount, `${done} analysed as ${analysed}`).toBe(0);
      }
    }
  }, 20_000); // 100 tracker runs over 10 clips with the form checks: 2 s alone, 7-8 s in a loaded full suite

  it('pauses a hold across a 0.6 s tracking loss and does not count the lost time', () => {
    const clip = synthesize('knee-to-chest', { dropouts: [[6.0, 6.6]], noisePx: 0.5 });
    const tracker = createTracker('knee-to-chest');
    const events: EngineEvent[] = clip.track.frames.flatMap((f) => [...tracker.step(f).events]);
    events.push(...tracker.finish());
    const types = events
      .filter((e) => e.type.startsWith('hold-'))
      .slice(0, 4)
      .map((e) => e.type);
    expect(types).toEqual(['hold-started', 'hold-paused', 'hold-resumed', 'hold-ended']);
    const first = events.find((e) => e.type === 'hold-ended');
    if (first?.type !== 'hold-ended') throw new Error('no hold ended');
    expect(first.hold.endS).toBeGreaterThan(9.5); // one hold 4-10 s, not split at the loss
    expect(first.hold.heldS).toBeLessThan(first.hold.endS - first.hold.startS - 0.4);
    expect(events.filter((e) => e.type === 'rep-counted')).toHaveLength(4);
  });

  it('times a lunge whose kneeling leg is on the far side only while that leg is seen, and says so', () => {
    // the right (far) kneeling leg under the visibility gate ~35 % of its 30 s hold, for up to 2-3 s at a time: the
    // near-side hold counts; the far-side hold is found, on its side and in place, but its judged time falls short
    // of 30 s, and the engine reports the unseen spans, which the live coach turns into "I can only see part of you"
    const clip = synthesize('hip-flexor', VARIANTS['far side flickering (visibility 0.65, spread 0.2)']);
    const report = countTrack(clip.track, 'hip-flexor');
    expect(report.reps.map((r) => r.side)).toEqual(['left']);
    const far = report.holds.find((h) => h.side === 'right');
    expect(far).toBeDefined();
    expect(Math.abs(far!.startS - clip.expected.holds[1]!.startS)).toBeLessThanOrEqual(HOLD_TOLERANCE_S['hip-flexor']!);
    expect(far!.heldS).toBeLessThan(30);
    expect(
      report.notJudged.filter((s) => s.reason === 'low-visibility' && s.startS > far!.startS && s.endS < far!.endS)
        .length,
    ).toBeGreaterThan(3);
  });

  it('ends a hold when the person is lost for 3 s, and says why it could not judge', () => {
    // prone extension holds 4.5-15.5 s; lost 8-11 s: neither part lasts the 10 s target
    const report = countTrack(synthesize('prone-extension', { dropouts: [[8, 11]] }).track, 'prone-extension');
    expect(report.repCount).toBe(2);
    expect(report.notJudged).toContainEqual(expect.objectContaining({ reason: 'no-person' }));
    const lost = report.notJudged.find((s) => s.reason === 'no-person')!;
    expect(lost.startS).toBeCloseTo(8, 0);
    expect(lost.endS).toBeCloseTo(11, 0);
  });

  it('counts the lumbar roll from the picture alone when the runtime gives no world landmarks', () => {
    const clip = synthesize('lumbar-roll', { worldLandmarks: false, seed: 12 });
    const report = countTrack(clip.track, 'lumbar-roll');
    expect(report.reps.map((r) => r.side)).toEqual(clip.expected.repSides);
    expect(
      countTrack(
        synthesize('lumbar-roll', { worldLandmarks: false, depthScale: 0.25, noisePx: 0.5 }).track,
        'lumbar-roll',
      ).repCount,
    ).toBe(0);
  });

  it.each(['single-knee-to-chest', 'ql-stretch', 'lumbar-roll'] as const)(
    "names the person's real sides on a mirrored (selfie) picture: %s",
    (id) => {
      const clip = synthesize(id, { seed: 13 });
      // the detector run on a mirrored picture: x flipped, and what it calls the left side is the person's right
      const face = [0, 4, 5, 6, 1, 2, 3, 8, 7, 10, 9]; // nose; eyes, ears and mouth corners change sides
      const swap = (i: number) => face[i] ?? (i % 2 === 1 ? i + 1 : i - 1); // from 11 on: left odd, right even
      const frames = clip.track.frames.map((f) => {
        if (!f.landmarks || !f.worldLandmarks) return { ...f, mirrored: true };
        const lm = f.landmarks;
        const wl = f.worldLandmarks;
        return {
          ...f,
          mirrored: true,
          landmarks: lm.map((_, i) => ({ ...lm[swap(i)]!, x: 1 - lm[swap(i)]!.x })),
          worldLandmarks: wl.map((_, i) => ({ ...wl[swap(i)]!, x: -wl[swap(i)]!.x })),
        };
      });
      const report = countTrack({ ...clip.track, frames }, id);
      expect(report.reps.map((r) => r.side)).toEqual(clip.expected.repSides);
    },
  );

  it('does not count a lumbar roll filmed from the side, and says the view is wrong', () => {
    const report = countTrack(synthesize('lumbar-roll', { view: 'side' }).track, 'lumbar-roll');
    expect(report.repCount).toBe(0);
    expect(report.notJudged.some((s) => s.reason === 'wrong-view')).toBe(true);
  });

  it('counts only after the start position: nerve-stretch reps before the foot is on the bench do not count', () => {
    const clip = synthesize('nerve-stretch', {});
    const tracker = createTracker('nerve-stretch');
    const first = tracker.step(clip.track.frames[0]!);
    expect(first.started).toBe(false);
    expect(first.notJudged).toBe('not-in-start-position');
  });

  it('walks the back block through its stages: block hold, knees to chest, next cycle', () => {
    const clip = synthesize('back-block', { reps: 2 });
    const tracker = createTracker('back-block');
    const stages = new Set<string>();
    for (const f of clip.track.frames) {
      const u = tracker.step(f);
      if (u.sequence) stages.add(`${u.sequence.stage}:${u.sequence.cyclesDone}`);
    }
    expect([...stages]).toEqual(['block-hold:0', 'knee-to-chest:0', 'block-hold:1', 'knee-to-chest:1', 'block-hold:2']);
  });
});
