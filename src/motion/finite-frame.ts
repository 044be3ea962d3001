/**
 * The engine's guard against numbers no detector should give (issue 13, hostile input): a NaN or an infinity
 * anywhere in a pose. Pure.
 */
import type { ImageLandmark, PoseFrame, WorldLandmark } from '../pose/types.ts';

function finite(l: ImageLandmark | WorldLandmark | undefined): boolean {
  return (
    l !== undefined &&
    Number.isFinite(l.x) &&
    Number.isFinite(l.y) &&
    Number.isFinite(l.z) &&
    Number.isFinite(l.visibility)
  );
}

/** True when every landmark of the list holds finite numbers only. */
export function allFinite(landmarks: readonly (ImageLandmark | WorldLandmark)[]): boolean {
  return landmarks.every(finite);
}

/**
 * The frame with world landmarks that hold a non-finite number dropped (the picture is kept and judged alone, as
 * from a runtime that gives no world landmarks). Before this, one NaN world point made a joint angle NaN, the
 * smoothing filter kept NaN for good and the counters timed a NaN hold (fast-check, hostile.property.test.ts).
 */
export function withFiniteWorld(frame: PoseFrame): PoseFrame {
  return frame.worldLandmarks && !allFinite(frame.worldLandmarks) ? { ...frame, worldLandmarks: null } : frame;
}
