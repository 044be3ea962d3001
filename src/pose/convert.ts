import type { ImageLandmark, PoseFrame, WorldLandmark } from './types.ts';
import { LANDMARK_COUNT } from './landmarks.ts';

/** The subset of a pose-detection keypoint we read (pixel x/y for 2D, metres for 3D). */
export interface RawKeypoint {
  readonly x: number;
  readonly y: number;
  readonly z?: number;
  readonly score?: number;
}

/** The subset of a pose-detection `Pose` we read. */
export interface RawPose {
  readonly keypoints: readonly RawKeypoint[];
  readonly keypoints3D?: readonly RawKeypoint[];
  readonly score?: number;
}

const finiteOr = (v: number | undefined, fallback: number): number =>
  v !== undefined && Number.isFinite(v) ? v : fallback;

/**
 * Turns the detector's first pose (pixel coordinates) into our `PoseFrame` (normalised coordinates).
 * No pose, a pose with the wrong number of keypoints, or one whose 2D keypoints are not finite yields a
 * "no person" frame (landmarks null), never a guess. The score is the detector's pose score; the mediapipe
 * runtime reports none and only returns a pose above its presence threshold, so it counts as 1.
 */
export function toPoseFrame(
  poses: readonly RawPose[],
  tMs: number,
  imageWidth: number,
  imageHeight: number,
  opts: { mirrored?: boolean; zInPixels?: boolean } = {},
): PoseFrame {
  const mirrored = opts.mirrored ?? false;
  // the tfjs runtime scales z by the image width like x; the mediapipe runtime leaves it normalised
  const zScale = opts.zInPixels ? imageWidth : 1;
  const empty: PoseFrame = { tMs, landmarks: null, worldLandmarks: null, score: 0, imageWidth, imageHeight, mirrored };
  const pose = poses[0];
  if (!pose || pose.keypoints.length !== LANDMARK_COUNT || imageWidth <= 0 || imageHeight <= 0) return empty;
  if (pose.keypoints.some((k) => !Number.isFinite(k.x) || !Number.isFinite(k.y))) return empty;
  const landmarks: ImageLandmark[] = pose.keypoints.map((k) => ({
    x: k.x / imageWidth,
    y: k.y / imageHeight,
    z: finiteOr(k.z, 0) / zScale,
    visibility: finiteOr(k.score, 0),
  }));
  const k3 = pose.keypoints3D;
  const worldLandmarks: WorldLandmark[] | null =
    k3 && k3.length === LANDMARK_COUNT && k3.every((k) => Number.isFinite(k.x) && Number.isFinite(k.y))
      ? k3.map((k) => ({ x: k.x, y: k.y, z: finiteOr(k.z, 0), visibility: finiteOr(k.score, 0) }))
      : null;
  return { tMs, landmarks, worldLandmarks, score: finiteOr(pose.score, 1), imageWidth, imageHeight, mirrored };
}
