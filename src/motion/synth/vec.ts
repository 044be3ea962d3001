/** Small 3D vector helpers and a seeded random source for the kinematic generator. Pure. */

/** A point or direction in metres; x along the floor, y up, z across (the generator's world frame). */
export interface Vec3 {
  readonly x: number;
  readonly y: number;
  readonly z: number;
}

export const v3 = (x: number, y: number, z: number): Vec3 => ({ x, y, z });
export const add = (a: Vec3, b: Vec3): Vec3 => v3(a.x + b.x, a.y + b.y, a.z + b.z);
export const sub = (a: Vec3, b: Vec3): Vec3 => v3(a.x - b.x, a.y - b.y, a.z - b.z);
export const scale = (a: Vec3, k: number): Vec3 => v3(a.x * k, a.y * k, a.z * k);
export const dot = (a: Vec3, b: Vec3): number => a.x * b.x + a.y * b.y + a.z * b.z;
export const cross = (a: Vec3, b: Vec3): Vec3 =>
  v3(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x);
export const norm = (a: Vec3): number => Math.hypot(a.x, a.y, a.z);
export const unit = (a: Vec3): Vec3 => scale(a, 1 / (norm(a) || 1));

const DEG = Math.PI / 180;

/** Unit direction in the x-y plane at `deg` from +x towards +y (0 = forward, 90 = up, -90 = down). */
export function dirXY(deg: number): Vec3 {
  return v3(Math.cos(deg * DEG), Math.sin(deg * DEG), 0);
}

/** Rotates `p` about the axis through `origin` along unit `axis` by `deg` (right-hand rule). */
export function rotateAbout(p: Vec3, origin: Vec3, axis: Vec3, deg: number): Vec3 {
  const d = sub(p, origin);
  const c = Math.cos(deg * DEG);
  const s = Math.sin(deg * DEG);
  const k = unit(axis);
  // Rodrigues' rotation formula
  const r = add(add(scale(d, c), scale(cross(k, d), s)), scale(k, dot(k, d) * (1 - c)));
  return add(origin, r);
}

/** Deterministic pseudo-random numbers (mulberry32) so that a generated track is the same on every run. */
export function seededRandom(seed: number): { next(): number; gauss(): number } {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  // Box-Muller
  const gauss = () => Math.sqrt(-2 * Math.log(next() || 1e-12)) * Math.cos(2 * Math.PI * next());
  return { next, gauss };
}
