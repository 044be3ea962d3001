import type { Backend } from './types.ts';

/** Candidates `auto` times on a device whose WebGL is hardware: GPU paths first, CPU paths as the fallback. */
export const GPU_CANDIDATES: readonly Backend[] = ['mediapipe-gpu', 'webgl', 'wasm', 'mediapipe-cpu'];
/** Candidates on a software (SwiftShader) or missing WebGL: there WebGL was 8-10x slower than wasm/CPU inference
 * (370-590 ms vs 31-77 ms per frame on the 2-core dev VM, pose-runtime-recipe.md §6), so it is not even tried. */
export const CPU_CANDIDATES: readonly Backend[] = ['wasm', 'mediapipe-cpu'];

/** Whether a WebGL renderer string names a software rasteriser rather than a GPU. */
export function isSoftwareRenderer(renderer: string): boolean {
  return /swiftshader|llvmpipe|softpipe|software|basic render/i.test(renderer);
}

/** The backends `auto` should time, given the WebGL renderer string (null when there is no WebGL at all). */
export function autoCandidates(renderer: string | null): readonly Backend[] {
  return renderer === null || isSoftwareRenderer(renderer) ? CPU_CANDIDATES : GPU_CANDIDATES;
}

/** Picks the backend with the lowest median warm-up time; failed candidates (NaN or missing) never win. */
export function pickFastest(timings: ReadonlyMap<Backend, number>): Backend | null {
  let best: Backend | null = null;
  let bestMs = Infinity;
  for (const [backend, ms] of timings) {
    if (Number.isFinite(ms) && ms < bestMs) {
      best = backend;
      bestMs = ms;
    }
  }
  return best;
}

/** The localStorage key under which the `auto` choice is cached: one per browser build and model. */
export function autoCacheKey(userAgent: string, model: string): string {
  return `spine-coach.auto-backend.${model}.${userAgent}`;
}
