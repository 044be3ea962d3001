/**
 * A pinhole camera for the kinematic generator: projects the body's 3D points to BlazePose-like image landmarks
 * (normalised coordinates, relative z, visibility) and world landmarks (metres, hip centre origin, y down). Pure.
 */
import type { ImageLandmark, WorldLandmark } from '../../pose/types.ts';
import { LM } from '../../pose/landmarks.ts';
import { add, cross, dot, scale, sub, unit, v3, type Vec3 } from './vec.ts';

export interface Camera {
  readonly position: Vec3;
  readonly target: Vec3;
  /** Rotation of the picture about the viewing axis (a laptop not level), degrees, + = clockwise. */
  readonly rollDeg: number;
  readonly widthPx: number;
  readonly heightPx: number;
  /** Horizontal field of view; laptop webcams have 60-80 degrees. */
  readonly hfovDeg: number;
}

export interface Lens {
  /** Standard deviation of the landmark position noise, pixels. */
  readonly noisePx: number;
  /** Visibility BlazePose gives a joint on the far side of the body (side-on): 0.5-0.9 on the footage tracks. */
  readonly farVisibility: number;
  readonly gauss: () => number;
}

/** A camera `distanceM` away from `target` along the horizontal direction `from`, at `heightM` above the floor. */
export function cameraAt(
  target: Vec3,
  from: Vec3,
  distanceM: number,
  heightM: number,
  rollDeg = 0,
  widthPx = 640,
  heightPx = 480,
): Camera {
  const flat = unit(v3(from.x, 0, from.z));
  const position = add(v3(target.x, heightM, target.z), scale(flat, distanceM));
  return { position, target, rollDeg, widthPx, heightPx, hfovDeg: 65 };
}

/** Pairs of left/right landmarks: the one further from the camera is the far side. */
const PAIRS: readonly (readonly [number, number])[] = Array.from(
  { length: 11 },
  (_, i) => [LM.leftShoulder + 2 * i, LM.rightShoulder + 2 * i] as const,
);

export function project(
  points: readonly Vec3[],
  cam: Camera,
  lens: Lens,
): { landmarks: ImageLandmark[]; world: WorldLandmark[] } {
  const fwd = unit(sub(cam.target, cam.position));
  const right = unit(cross(fwd, v3(0, 1, 0)));
  const up = cross(right, fwd);
  const f = cam.widthPx / 2 / Math.tan((cam.hfovDeg * Math.PI) / 360);
  const roll = (cam.rollDeg * Math.PI) / 180;
  const cam3 = points.map((p) => {
    const d = sub(p, cam.position);
    return v3(dot(d, right), dot(d, up), dot(d, fwd));
  });
  const hipMid = scale(add(cam3[LM.leftHip]!, cam3[LM.rightHip]!), 0.5);
  const far = new Set<number>();
  for (const [l, r] of PAIRS) {
    const dz = cam3[l]!.z - cam3[r]!.z;
    // side-on the far joint is 0.1-0.3 m further away; facing the camera both are at the same depth
    if (Math.abs(dz) > 0.06) far.add(dz > 0 ? l : r);
  }
  const landmarks = cam3.map((c, i): ImageLandmark => {
    const xr = (f * c.x) / c.z;
    const yr = (-f * c.y) / c.z;
    const xPx = cam.widthPx / 2 + xr * Math.cos(roll) - yr * Math.sin(roll) + lens.noisePx * lens.gauss();
    const yPx = cam.heightPx / 2 + xr * Math.sin(roll) + yr * Math.cos(roll) + lens.noisePx * lens.gauss();
    const x = xPx / cam.widthPx;
    const y = yPx / cam.heightPx;
    const inFrame = x >= 0 && x <= 1 && y >= 0 && y <= 1;
    const base = !inFrame ? 0.05 : far.has(i) ? lens.farVisibility : 0.97;
    const visibility = Math.max(0, Math.min(1, base + 0.02 * lens.gauss()));
    return { x, y, z: ((c.z - hipMid.z) * f) / hipMid.z / cam.widthPx, visibility };
  });
  // the same jitter in metres as in pixels at the body's distance (BlazePose's world landmarks wobble with its image ones)
  const m = (lens.noisePx * hipMid.z) / f;
  const world = cam3.map((c, i): WorldLandmark => ({
    x: c.x - hipMid.x + m * lens.gauss(),
    y: -(c.y - hipMid.y) + m * lens.gauss(),
    z: c.z - hipMid.z + m * lens.gauss(),
    visibility: landmarks[i]!.visibility,
  }));
  return { landmarks, world };
}
