/** 3D vector helpers for measures on landmarks (world metres, or image pixels with z = 0). Pure. */

export interface V3 {
  readonly x: number;
  readonly y: number;
  readonly z: number;
}

export const sub3 = (a: V3, b: V3): V3 => ({ x: a.x - b.x, y: a.y - b.y, z: a.z - b.z });
export const add3 = (a: V3, b: V3): V3 => ({ x: a.x + b.x, y: a.y + b.y, z: a.z + b.z });
export const scale3 = (a: V3, k: number): V3 => ({ x: a.x * k, y: a.y * k, z: a.z * k });
export const mid3 = (a: V3, b: V3): V3 => scale3(add3(a, b), 0.5);
export const dot3 = (a: V3, b: V3): number => a.x * b.x + a.y * b.y + a.z * b.z;
export const cross3 = (a: V3, b: V3): V3 => ({
  x: a.y * b.z - a.z * b.y,
  y: a.z * b.x - a.x * b.z,
  z: a.x * b.y - a.y * b.x,
});
export const norm3 = (a: V3): number => Math.hypot(a.x, a.y, a.z);
export const unit3 = (a: V3): V3 => scale3(a, 1 / (norm3(a) || 1));

/** `a` with its component along unit `axis` removed. */
export const perp3 = (a: V3, axis: V3): V3 => sub3(a, scale3(axis, dot3(a, axis)));

/** Unsigned angle between two vectors, 0..180 degrees. */
export function angle3Deg(a: V3, b: V3): number {
  const n = norm3(a) * norm3(b);
  if (n === 0) return NaN;
  return (Math.acos(Math.max(-1, Math.min(1, dot3(a, b) / n))) * 180) / Math.PI;
}
