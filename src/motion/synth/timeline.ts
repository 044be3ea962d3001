/**
 * Keyframed motion and the rendered track: a stretch is a list of keyframes of named joint parameters, eased
 * between (cosine), posed, projected through a camera, and degraded like a real detector output (noise, frame-time
 * jitter, dropouts). Pure and deterministic for a given seed.
 */
import type { LandmarkTrack, PoseFrame } from '../../pose/types.ts';
import { bodyPoints, type BodyPose } from './body.ts';
import { project, type Camera } from './camera.ts';
import { seededRandom } from './vec.ts';

export type Params = Readonly<Record<string, number>>;

export interface Keyframe {
  readonly tS: number;
  readonly params: Params;
}

/** Parameters at time `tS`: eased between the keyframes around it, held before the first and after the last. */
export function paramsAt(keys: readonly Keyframe[], tS: number): Params {
  const first = keys[0];
  if (!first) throw new Error('no keyframes');
  if (tS <= first.tS) return first.params;
  for (let i = 1; i < keys.length; i++) {
    const b = keys[i]!;
    if (tS > b.tS) continue;
    const a = keys[i - 1]!;
    const u = b.tS === a.tS ? 1 : (tS - a.tS) / (b.tS - a.tS);
    const w = (1 - Math.cos(Math.PI * u)) / 2;
    const out: Record<string, number> = {};
    for (const k of Object.keys(a.params)) out[k] = a.params[k]! + w * ((b.params[k] ?? a.params[k]!) - a.params[k]!);
    return out;
  }
  return keys[keys.length - 1]!.params;
}

export interface RenderOptions {
  readonly fps: number;
  readonly heightM: number;
  readonly seed: number;
  readonly noisePx: number;
  /** Frame times wander by up to this much (a webcam's uneven frame delivery). */
  readonly jitterMs: number;
  /** Spans with no person found (seconds): the detector lost the body. */
  readonly dropouts: readonly (readonly [number, number])[];
  /** Chance that any one frame is lost on its own. */
  readonly dropoutRate: number;
  readonly farVisibility: number;
  /** Spread of the visibility around its base (far-side joints on the footage tracks range 0.1-0.9, median 0.5-0.8);
   * it wanders slowly, as the detector's does (correlated over ~0.5 s), not independently every frame. */
  readonly visibilityJitter: number;
  /** Whether the frames carry world landmarks (some runtimes give none). */
  readonly worldLandmarks: boolean;
}

export const DEFAULT_RENDER: RenderOptions = {
  fps: 10,
  heightM: 1.7,
  seed: 1,
  noisePx: 1,
  jitterMs: 0,
  dropouts: [],
  dropoutRate: 0,
  farVisibility: 0.8,
  visibilityJitter: 0,
  worldLandmarks: true,
};

/** Renders a track of `durationS` from a pose at each time, seen through `camera`. */
export function renderTrack(
  poseAt: (tS: number) => BodyPose,
  camera: Camera,
  durationS: number,
  opts: RenderOptions,
  source: string,
): LandmarkTrack {
  const rnd = seededRandom(opts.seed);
  const frames: PoseFrame[] = [];
  const n = Math.floor(durationS * opts.fps) + 1;
  let lastMs = -1;
  // per-landmark visibility drift: an AR(1) process with a ~0.5 s time constant at 10 fps
  const keep = Math.exp(-1 / (0.5 * opts.fps));
  const drift = new Array<number>(33).fill(0).map(() => opts.visibilityJitter * rnd.gauss());
  for (let i = 0; i < n; i++) {
    const nominalMs = (1000 * i) / opts.fps;
    const tMs = Math.max(lastMs + 1, Math.round(nominalMs + opts.jitterMs * (2 * rnd.next() - 1)));
    lastMs = tMs;
    const tS = tMs / 1000;
    const lost = opts.dropouts.some(([a, b]) => tS >= a && tS < b) || rnd.next() < opts.dropoutRate;
    const base = { tMs, imageWidth: camera.widthPx, imageHeight: camera.heightPx };
    if (lost) {
      frames.push({ ...base, landmarks: null, worldLandmarks: null, score: 0 });
      continue;
    }
    for (let j = 0; j < drift.length; j++)
      drift[j] = keep * drift[j]! + Math.sqrt(1 - keep * keep) * opts.visibilityJitter * rnd.gauss();
    const { landmarks, world } = project(bodyPoints(poseAt(tS), opts.heightM), camera, {
      noisePx: opts.noisePx,
      farVisibility: opts.farVisibility,
      gauss: rnd.gauss,
    });
    const vis = (v: number, j: number) => Math.max(0, Math.min(1, v + drift[j]!));
    frames.push({
      ...base,
      landmarks: landmarks.map((l, j) => ({ ...l, visibility: vis(l.visibility, j) })),
      worldLandmarks: opts.worldLandmarks ? world.map((l, j) => ({ ...l, visibility: vis(l.visibility, j) })) : null,
      score: 0.95,
    });
  }
  return {
    format: 'spine-coach-track',
    version: 1,
    source,
    backend: 'synthetic',
    model: 'full',
    fps: opts.fps,
    durationS,
    frames,
  };
}
