/** Plane geometry on landmarks projected to pixels (y down). Pure. */
import type { ImageLandmark } from '../pose/types.ts';

export interface Point {
  readonly x: number;
  readonly y: number;
}

const RAD_TO_DEG = 180 / Math.PI;

/** Landmark to pixel coordinates, so that angles are not skewed by a non-square frame. */
export function toPx(l: ImageLandmark, widthPx: number, heightPx: number): Point {
  return { x: l.x * widthPx, y: l.y * heightPx };
}

export function midpoint(a: Point, b: Point): Point {
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}

export function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

/** Unsigned angle ABC at vertex b, 0..180 degrees. */
export function angleAtDeg(a: Point, b: Point, c: Point): number {
  const v1x = a.x - b.x;
  const v1y = a.y - b.y;
  const v2x = c.x - b.x;
  const v2y = c.y - b.y;
  const n = Math.hypot(v1x, v1y) * Math.hypot(v2x, v2y);
  if (n === 0) return NaN;
  return Math.acos(Math.max(-1, Math.min(1, (v1x * v2x + v1y * v2y) / n))) * RAD_TO_DEG;
}

/** Elevation of the vector from `from` to `to` above the image horizontal, -90..90 degrees (up = positive). */
export function elevationDeg(from: Point, to: Point): number {
  return Math.atan2(from.y - to.y, Math.abs(to.x - from.x)) * RAD_TO_DEG;
}

/** Signed angle from vector u to vector v, -180..180 degrees (clockwise on screen = positive). */
export function signedAngleDeg(u: Point, v: Point): number {
  return Math.atan2(u.x * v.y - u.y * v.x, u.x * v.x + u.y * v.y) * RAD_TO_DEG;
}

export function vector(from: Point, to: Point): Point {
  return { x: to.x - from.x, y: to.y - from.y };
}

/** Unsigned angle between two vectors, 0..180 degrees. */
export function angleBetweenDeg(u: Point, v: Point): number {
  return angleAtDeg(u, { x: 0, y: 0 }, v);
}
