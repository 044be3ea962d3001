import type { LandmarkTrack, PoseFrame } from './types.ts';
import { LANDMARK_COUNT } from './landmarks.ts';

/** Rounds a frame's coordinates (image to `imageDigits` decimals, world to `worldDigits`) to keep tracks small. */
export function roundFrame(frame: PoseFrame, imageDigits = 4, worldDigits = 3): PoseFrame {
  const r = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;
  return {
    ...frame,
    tMs: r(frame.tMs, 3),
    score: r(frame.score, 3),
    landmarks: frame.landmarks?.map((l) => ({ x: r(l.x, imageDigits), y: r(l.y, imageDigits), z: r(l.z, imageDigits), visibility: r(l.visibility, 3) })) ?? null,
    worldLandmarks: frame.worldLandmarks?.map((l) => ({ x: r(l.x, worldDigits), y: r(l.y, worldDigits), z: r(l.z, worldDigits), visibility: r(l.visibility, 3) })) ?? null,
  };
}

function isLandmarkList(v: unknown): boolean {
  return (
    Array.isArray(v) &&
    v.length === LANDMARK_COUNT &&
    v.every((l: unknown) => typeof l === 'object' && l !== null && ['x', 'y', 'z', 'visibility'].every((k) => typeof (l as Record<string, unknown>)[k] === 'number'))
  );
}

/** Validates parsed JSON as a `LandmarkTrack`; throws an Error naming the first problem. */
export function parseLandmarkTrack(json: unknown): LandmarkTrack {
  const t = json as Partial<LandmarkTrack> | null;
  if (!t || typeof t !== 'object' || t.format !== 'spine-coach-track') throw new Error('not a spine-coach landmark track');
  if (t.version !== 1) throw new Error(`unsupported track version ${String(t.version)}`);
  if (!Array.isArray(t.frames)) throw new Error('track has no frames');
  let last = -Infinity;
  t.frames.forEach((f: PoseFrame, i) => {
    if (typeof f.tMs !== 'number' || f.tMs < last) throw new Error(`frame ${i}: timestamps must be numbers that never decrease`);
    last = f.tMs;
    if (f.landmarks !== null && !isLandmarkList(f.landmarks)) throw new Error(`frame ${i}: landmarks must be null or 33 points`);
    if (f.worldLandmarks !== null && !isLandmarkList(f.worldLandmarks)) throw new Error(`frame ${i}: worldLandmarks must be null or 33 points`);
  });
  return t as LandmarkTrack;
}

/**
 * Replays a recorded track in real time (scaled by `speed`), calling `onFrame` at each frame's timestamp.
 * Resolves at the end of the track or when `signal` aborts.
 */
export async function replayTrack(
  track: LandmarkTrack,
  onFrame: (frame: PoseFrame) => void,
  signal?: AbortSignal,
  speed = 1,
): Promise<void> {
  const first = track.frames[0]?.tMs ?? 0;
  const start = performance.now();
  for (const frame of track.frames) {
    if (signal?.aborted) return;
    const waitMs = (frame.tMs - first) / speed - (performance.now() - start);
    if (waitMs > 0) await new Promise((r) => setTimeout(r, waitMs));
    if (signal?.aborted) return;
    onFrame(frame);
  }
}
