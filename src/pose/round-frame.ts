/** Rounding of landmark frames for storage (pure: used by the analyze CLI, the bench and session recordings). */
import type { PoseFrame } from './types.ts';

/** Rounds a frame's coordinates (image to `imageDigits` decimals, world to `worldDigits`) to keep tracks small. */
export function roundFrame(frame: PoseFrame, imageDigits = 4, worldDigits = 3): PoseFrame {
  const r = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;
  return {
    ...frame,
    tMs: r(frame.tMs, 3),
    score: r(frame.score, 3),
    landmarks:
      frame.landmarks?.map((l) => ({
        x: r(l.x, imageDigits),
        y: r(l.y, imageDigits),
        z: r(l.z, imageDigits),
        visibility: r(l.visibility, 3),
      })) ?? null,
    worldLandmarks:
      frame.worldLandmarks?.map((l) => ({
        x: r(l.x, worldDigits),
        y: r(l.y, worldDigits),
        z: r(l.z, worldDigits),
        visibility: r(l.visibility, 3),
      })) ?? null,
  };
}
