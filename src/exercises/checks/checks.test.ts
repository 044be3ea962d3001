/**
 * Every form check, on generated bodies: it reads past its threshold on its fault (the middle severity of its
 * fault recipe), stays inside it on the correct stretch at the same moment, and is not judged when the landmarks of
 * its body segment are hidden.
 */
import { describe, expect, it } from 'vitest';
import { computeFeatures } from '../../motion/features.ts';
import { bodyPoints } from '../../motion/form-features.ts';
import { FAULT_RAMP_S, FAULT_RECIPES, injectAt, type FaultRecipe } from './fault-recipes.ts';
import { synthesize } from '../synthesize.ts';
import type { PoseFrame } from '../../pose/types.ts';
import { getSpec } from '../registry.ts';
import { classifyPosition } from '../../motion/position.ts';
import type { CheckReading, FormCheck } from './types.ts';

function checkOf(r: FaultRecipe): FormCheck {
  const c = getSpec(r.exercise).checks.find((x) => x.id === r.check);
  if (!c) throw new Error(`${r.exercise} declares no ${r.check}`);
  return c;
}

/** The frame 1 s into the fault (or the same moment of the correct clip), noise-free. */
function frameAt(r: FaultRecipe, faulty: boolean): PoseFrame {
  const plain = synthesize(r.exercise, { noisePx: 0 });
  const startS = r.startS(plain.expected.holds);
  const clip = faulty
    ? synthesize(r.exercise, { noisePx: 0, inject: injectAt(r.apply, r.severities[1], startS) })
    : plain;
  const tMs = 1000 * (startS + FAULT_RAMP_S + 1);
  return clip.track.frames.find((f) => f.tMs >= tMs)!;
}

function read(r: FaultRecipe, frame: PoseFrame): CheckReading | null {
  const features = computeFeatures(frame);
  const points = bodyPoints(frame);
  if (!features || !points) return null;
  const workSide = getSpec(r.exercise).measure(features)?.side ?? null;
  return checkOf(r).read({ features, points, workSide, position: classifyPosition(features) });
}

const beyond = (c: FormCheck, v: number) =>
  (c.above !== undefined && v > c.above) || (c.below !== undefined && v < c.below);

/** Checks judged against rest or over a window are judged by the evaluator, not by one reading. */
const oneFrame = FAULT_RECIPES.filter((r) => !checkOf(r).relativeToRest && !checkOf(r).rangeOverMs);

describe('form checks on generated bodies', () => {
  it.each(oneFrame.map((r) => [r.exercise, r.check, r] as const))('%s %s: fires on its fault', (_e, _c, r) => {
    const v = read(r, frameAt(r, true));
    expect(v).not.toBeNull();
    expect(beyond(checkOf(r), v!.value)).toBe(true);
  });

  it.each(oneFrame.map((r) => [r.exercise, r.check, r] as const))('%s %s: silent on correct form', (_e, _c, r) => {
    const v = read(r, frameAt(r, false));
    expect(v).not.toBeNull();
    expect(beyond(checkOf(r), v!.value)).toBe(false);
  });

  it.each(FAULT_RECIPES.map((r) => [r.exercise, r.check, r] as const))(
    '%s %s: not judged with its segment hidden',
    (_e, _c, r) => {
      const f = frameAt(r, true);
      const hidden = new Set(checkOf(r).segment);
      const hide = <T extends { visibility: number }>(l: T, i: number): T =>
        hidden.has(i) ? { ...l, visibility: 0.1 } : l;
      const frame: PoseFrame = {
        ...f,
        landmarks: f.landmarks!.map(hide),
        worldLandmarks: f.worldLandmarks!.map(hide),
      };
      expect(read(r, frame)).toBeNull();
    },
  );

  it('every check of every stretch has a fault recipe (so each is measured by npm run eval)', () => {
    const ids = new Set(FAULT_RECIPES.map((r) => `${r.exercise}/${r.check}`));
    for (const id of ['pelvic-tilt', 'cat-camel', 'lumbar-roll', 'single-knee-to-chest', 'knee-to-chest'] as const)
      for (const c of getSpec(id).checks) expect(ids).toContain(`${id}/${c.id}`);
    for (const id of ['prone-extension', 'hip-flexor', 'nerve-stretch', 'ql-stretch', 'back-block'] as const)
      for (const c of getSpec(id).checks) expect(ids).toContain(`${id}/${c.id}`);
  });
});
