import type { LandmarkTrack, PoseFrame } from './types.ts';
import { LANDMARK_COUNT } from './landmarks.ts';

export { roundFrame } from './round-frame.ts';

function isLandmarkList(v: unknown): boolean {
  return (
    Array.isArray(v) &&
    v.length === LANDMARK_COUNT &&
    v.every(
      (l: unknown) =>
        typeof l === 'object' &&
        l !== null &&
        ['x', 'y', 'z', 'visibility'].every((k) => typeof (l as Record<string, unknown>)[k] === 'number'),
    )
  );
}

/** Validates parsed JSON as a `LandmarkTrack`; throws an Error naming the first problem. */
export function parseLandmarkTrack(json: unknown): LandmarkTrack {
  const t = json as Partial<LandmarkTrack> | null;
  if (!t || typeof t !== 'object' || t.format !== 'spine-coach-track')
    throw new Error('not a spine-coach landmark track');
  if (t.version !== 1) throw new Error(`unsupported track version ${String(t.version)}`);
  if (!Array.isArray(t.frames)) throw new Error('track has no frames');
  let last = -Infinity;
  t.frames.forEach((f: PoseFrame, i) => {
    if (typeof f.tMs !== 'number' || f.tMs < last)
      throw new Error(`frame ${i}: timestamps must be numbers that never decrease`);
    last = f.tMs;
    if (f.landmarks !== null && !isLandmarkList(f.landmarks))
      throw new Error(`frame ${i}: landmarks must be null or 33 points`);
    if (f.worldLandmarks !== null && !isLandmarkList(f.worldLandmarks))
      throw new Error(`frame ${i}: worldLandmarks must be null or 33 points`);
  });
  return t as LandmarkTrack;
}
