/**
 * Every stretch on generated tracks (src/motion/synth): the counts, sides and hold boundaries a person watching
 * would give, across body sizes, camera sides, heights and tilts, noise, frame-time jitter and dropouts; shallow
 * movements that must not count; brief and long tracking loss; the wrong camera view; other stretches.
 */
import { describe, expect, it } from 'vitest';
import { countTrack } from '../analysis/count-track.ts';
import { computeFeatures } from '../motion/features.ts';
import { classifyPosition } from '../motion/position.ts';
import { standing } from '../motion/synth/poses.ts';
import { renderScenario, type SynthVariant } from '../motion/synth/render-scenario.ts';
import { Script } from '../motion/synth/script.ts';
import { createTracker, EXERCISE_IDS, getSpec } from './registry.ts';
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

/** The far-side flicker variant, without the hip flexor: its far kneeling leg is the measured one, see the test of
 * its own below. */
const variantsFor = (id: ExerciseId) =>
  Object.entries(VARIANTS).filter(([, v]) => !(id === 'hip-flexor' && v.visibilityJitter));

/** The camera raised (a laptop on a chair or a table, looking down) and turned 30 degrees round from its view, both
 * ways (issue 10): raised by 0.5 and 1.2 m from its default (floor stretches 0.35 m, upright ones 1 m). */
const VIEWS: Record<string, SynthVariant & { raiseM?: number }> = Object.fromEntries(
  [0.5, 1.2].flatMap((upM) =>
    [30, -30].map((yaw) => [
      `camera ${upM} m higher, turned ${yaw} degrees`,
      { raiseM: upM, cameraYawDeg: yaw, seed: 9 },
    ]),
  ),
);

/** Raised and turned views the engine does not yet count right, and why (measured on the generator). */
const VIEW_LIMITS: Partial<Record<ExerciseId, Record<string, string>>> = {
  'hip-flexor': {
    'camera 1.2 m higher, turned 30 degrees': 'a camera 2.2 m up: the kneeling knee is no longer level with its ankle',
    'camera 1.2 m higher, turned -30 degrees': 'a camera 2.2 m up: the kneeling knee is no longer level with its ankle',
  },
  'nerve-stretch': {
    'camera 1.2 m higher, turned 30 degrees': 'a camera 2.2 m up: the foot on the bench is not seen as raised',
  },
  'back-block': {
    'camera 0.5 m higher, turned -30 degrees':
      'the block hold starts 1.9 s early (the pelvis over the shoulders in the picture)',
    'camera 1.2 m higher, turned 30 degrees': 'the raised pelvis is not seen over the shoulders: no block hold',
    'camera 1.2 m higher, turned -30 degrees': 'block hold boundaries off by more than 1.7 s',
  },
};

/** A variant's camera height from its `raiseM` (the stretch's default height plus that much). */
function withHeight(id: ExerciseId, v: SynthVariant & { raiseM?: number }): SynthVariant {
  if (v.raiseM === undefined) return v;
  const upright = ['hip-flexor', 'nerve-stretch', 'ql-stretch'].includes(id);
  return { ...v, cameraHeightM: (upright ? 1.0 : 0.35) + v.raiseM };
}

/** The counts, sides and hold boundaries of stretch `id` filmed as `variant` are those a person watching gives. */
function countsAsScripted(id: ExerciseId, variant: SynthVariant & { raiseM?: number }): void {
  // the live hold timer counts judged time only: losing 5 % of frames costs the 60 s block hold ~4 s, so the
  // person following the timer holds on a little longer
  const v = id === 'back-block' && variant.dropoutRate ? { ...variant, holdS: 68 } : withHeight(id, variant);
  const clip = synthesize(id, v);
  const report = countTrack(clip.track, id);
  expect(report.repCount).toBe(clip.expected.reps);
  expect(report.reps.map((r) => r.side)).toEqual(clip.expected.repSides);
  expect(report.reps.every((r) => r.confidence > 0.5 && r.confidence <= 1)).toBe(true);
  // with the far side flickering, a raised knee can go unseen for its first 1-1.5 s at the chest (the measure
  // says "unknown"): the hold is dated from where its end position is seen
  const tol = clip.expected.holdToleranceS + (variant.visibilityJitter ? 1 : 0);
  for (const h of clip.expected.holds) {
    const found = report.holds.find((r) => Math.min(r.endS, h.endS) > Math.max(r.startS, h.startS));
    expect(found, `hold ${h.startS}-${h.endS} found`).toBeDefined();
    expect(Math.abs(found!.startS - h.startS)).toBeLessThanOrEqual(tol);
    expect(Math.abs(found!.endS - h.endS)).toBeLessThanOrEqual(tol);
    expect(found!.side).toBe(h.side);
  }
}

describe.each(EXERCISE_IDS)('%s on generated tracks', (id) => {
  it.each(variantsFor(id))('%s: counts, sides and holds', (_name, variant) => countsAsScripted(id, variant));

  const limits = VIEW_LIMITS[id] ?? {};
  const views = Object.entries(VIEWS);
  it.each(views.filter(([name]) => !limits[name]))('%s: counts, sides and holds', (_name, variant) =>
    countsAsScripted(id, variant),
  );
  // known limits: these fail today, and the test says so when one starts to pass
  for (const [name, variant] of views.filter(([n]) => limits[n]))
    it.fails(`${name}: not yet (${limits[name]})`, () => countsAsScripted(id, variant));

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
  }, 30_000); // 90 tracks counted: seconds of work on a shared machine; not a timing test

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
    expect(Math.abs(far!.startS - clip.expected.holds[1]!.startS)).toBeLessThanOrEqual(clip.expected.holdToleranceS);
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

  it('starts counting only once the start position has been held 0.8 s, not on a brief pass through it', () => {
    // nerve stretch, standing: the heel goes up on the bench for a moment (under 0.8 s in position) and down again,
    // then up for good, and four ankle bends follow
    const s = new Script({ raise: 0, plantar: 25, lean: 10, raisedLeft: 1 }).stay(2);
    s.move({ raise: 70 }, 0.5).stay(0.2).move({ raise: 0 }, 0.5).stay(1.5);
    s.move({ raise: 70 }, 0.8).stay(1.5);
    for (let i = 0; i < 4; i++)
      s.move({ plantar: -15 }, 0.8).stay(0.5).rep('left').move({ plantar: 25 }, 0.8).stay(0.7);
    const track = renderScenario({ pose: standing, script: s.stay(1), floor: false }, 'side', { seed: 14 }).track;
    const spec = getSpec('nerve-stretch');
    const tracker = createTracker('nerve-stretch');
    // each judged frame: in the start position by the stretch's own gate? and had the tracker started counting?
    const frames = track.frames.flatMap((f) => {
      const u = tracker.step(f);
      const features = computeFeatures(f);
      if (!features) return [];
      return [{ tMs: f.tMs, inPosition: spec.inPosition(features, classifyPosition(features)), u }];
    });
    const startAt = frames.findIndex((x) => x.u.started);
    expect(startAt).toBeGreaterThan(0);
    // the in-position run that ends at the start began at least 0.8 s before it
    let runFrom = startAt;
    while (runFrom > 0 && frames[runFrom - 1]!.inPosition) runFrom--;
    expect(frames.slice(runFrom, startAt + 1).every((x) => x.inPosition)).toBe(true);
    expect(frames[startAt]!.tMs - frames[runFrom]!.tMs).toBeGreaterThanOrEqual(800);
    // the brief pass happened (else this test proves nothing), and did not start counting
    const before = frames.slice(0, runFrom);
    expect(before.some((x) => x.inPosition)).toBe(true);
    const judgingOnly = (e: EngineEvent) => e.type === 'not-judged' || e.type === 'judged-again';
    expect(before.every((x) => !x.u.started && x.u.repCount === 0 && x.u.events.every(judgingOnly))).toBe(true);
    // once started, the four bends count, on the raised leg
    const last = frames[frames.length - 1]!.u;
    expect([last.repCount, last.repsBySide]).toEqual([4, { left: 4, right: 0 }]);
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
