import { isBackend, type Backend, type BackendChoice, type ModelType } from './types.ts';
import { createBlazePoseDetector, type PoseDetector, type PoseImage } from './detectors/blazepose.ts';
import { autoCacheKey, autoCandidates, pickFastest } from './auto-backend.ts';
import { median } from '../motion/stats.ts';

export type { PoseDetector, PoseImage, RgbPixels } from './detectors/blazepose.ts';

/** Options of `createPoseDetector`. */
export interface PoseDetectorOptions {
  /** An explicit backend, or `auto` (default behaviour of the app): warm each candidate up and keep the fastest. */
  readonly backend: BackendChoice;
  readonly model: ModelType;
  /** Human-readable progress ("loading wasm…", "timing mediapipe-cpu: 41 ms"). */
  readonly onProgress?: (msg: string) => void;
  /** Ignore (and overwrite) a cached `auto` choice. */
  readonly remeasure?: boolean;
  /** What `auto` times the candidates on: the first camera/video frame when there is one (a person in it makes
   * the timed estimates follow the steady-state tracking path), else a blank picture. */
  readonly warmupImage?: PoseImage;
}

/** Estimates timed per `auto` candidate after one untimed first estimate (which compiles shaders / graphs). With
 * 3, taken one candidate after the other, a loaded 2-core machine picked mediapipe-cpu lite (47 ms) over wasm lite
 * (32 ms) in the bench; 7 rounds, interleaved so that a burst of load hits every candidate alike, cost ~0.3 s more on
 * first use only (the choice is remembered). */
const WARMUP_TIMED_RUNS = 7;

function webglRenderer(): string | null {
  const gl =
    document.createElement('canvas').getContext('webgl2') ?? document.createElement('canvas').getContext('webgl');
  if (!gl) return null;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : String(gl.getParameter(gl.RENDERER));
}

function warmupImage(): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.width = 256;
  c.height = 256;
  const ctx = c.getContext('2d');
  if (ctx) {
    ctx.fillStyle = '#777';
    ctx.fillRect(0, 0, 256, 256);
  }
  return c;
}

/** Times the candidates in interleaved rounds on the same picture; a candidate that fails to load or to estimate
 * gets NaN (and never wins). The fastest one's detector is kept, loaded and warm, for the caller; the others are
 * disposed. */
async function timeCandidates(
  backends: readonly Backend[],
  model: ModelType,
  image: PoseImage | undefined,
  onProgress?: (msg: string) => void,
): Promise<{ timings: Map<Backend, number>; best: PoseDetector | null }> {
  const img = image ?? warmupImage();
  const engines = new Map<Backend, PoseDetector>();
  const times = new Map<Backend, number[]>();
  const fail = (backend: Backend, e: unknown) => {
    engines.get(backend)?.dispose();
    engines.delete(backend);
    times.delete(backend);
    onProgress?.(`${backend} failed: ${e instanceof Error ? e.message : String(e)}`);
  };
  try {
    for (const backend of backends) {
      onProgress?.(`loading ${backend}…`);
      try {
        const engine = await createBlazePoseDetector(backend, model);
        engines.set(backend, engine);
        await engine.estimate(img, 0);
        times.set(backend, []);
      } catch (e) {
        fail(backend, e);
      }
    }
    onProgress?.(`timing ${[...engines.keys()].join(', ')}…`);
    for (let i = 1; i <= WARMUP_TIMED_RUNS; i++) {
      // rotate the order each round so no candidate always runs right after another's garbage
      const order = [...engines.keys()];
      for (let k = 0; k < order.length; k++) {
        const backend = order[(k + i) % order.length]!;
        try {
          const t0 = performance.now();
          await engines.get(backend)!.estimate(img, i);
          times.get(backend)!.push(performance.now() - t0);
        } catch (e) {
          fail(backend, e);
        }
      }
    }
    const result = new Map<Backend, number>(backends.map((b) => [b, NaN]));
    for (const [backend, list] of times) {
      const ms = median(list);
      result.set(backend, ms);
      onProgress?.(`${backend}: ${ms.toFixed(0)} ms per frame`);
    }
    const winner = pickFastest(result);
    const best = winner ? (engines.get(winner) ?? null) : null;
    if (winner) engines.delete(winner);
    best?.reset();
    return { timings: result, best };
  } finally {
    for (const engine of engines.values()) engine.dispose();
  }
}

function readCache(key: string): Backend | null {
  try {
    const v = localStorage.getItem(key);
    return isBackend(v) ? v : null;
  } catch {
    return null;
  }
}

/** Times the `auto` candidates on this device and returns the fastest, remembering it per user agent and model;
 * when it had to time them, also the fastest one's detector (loaded and warm: it need not be loaded again). */
export async function chooseAutoBackend(
  model: ModelType,
  onProgress?: (msg: string) => void,
  remeasure = false,
  image?: PoseImage,
): Promise<{ backend: Backend; detector: PoseDetector | null }> {
  const key = autoCacheKey(navigator.userAgent, model);
  const cached = remeasure ? null : readCache(key);
  if (cached) return { backend: cached, detector: null };
  const { best } = await timeCandidates(autoCandidates(webglRenderer()), model, image, onProgress);
  if (!best) throw new Error('no pose backend works in this browser');
  try {
    localStorage.setItem(key, best.backend);
  } catch {
    // private mode: choose again next time
  }
  return { backend: best.backend, detector: best };
}

async function loadPoseDetector(opts: PoseDetectorOptions): Promise<PoseDetector> {
  let backend: Backend;
  if (opts.backend === 'auto') {
    const choice = await chooseAutoBackend(opts.model, opts.onProgress, opts.remeasure, opts.warmupImage);
    if (choice.detector) return choice.detector;
    backend = choice.backend;
  } else backend = opts.backend;
  opts.onProgress?.(`loading BlazePose ${opts.model} on ${backend}…`);
  return createBlazePoseDetector(backend, opts.model);
}

/** A detector loading ahead of its use (see preloadPoseDetector). */
let preloaded: { key: string; detector: Promise<PoseDetector> } | null = null;
const preloadKey = (o: Pick<PoseDetectorOptions, 'backend' | 'model'>) => `${o.backend}/${o.model}`;

/**
 * Starts loading the detector a session will ask for, and warms it up on a blank picture (graph set-up and first
 * inference), so that it is ready by the time the camera is open and the person is in position: the next
 * `createPoseDetector` with the same backend and model takes it. A different request discards it.
 */
export function preloadPoseDetector(opts: Pick<PoseDetectorOptions, 'backend' | 'model'>): void {
  const key = preloadKey(opts);
  if (preloaded?.key === key) return;
  discardPreloaded();
  const detector = loadPoseDetector({ backend: opts.backend, model: opts.model }).then(async (d) => {
    await d.estimate(warmupImage(), 0);
    d.reset();
    return d;
  });
  detector.catch(() => undefined); // a failure is reported when the detector is asked for
  preloaded = { key, detector };
}

function discardPreloaded(): void {
  const p = preloaded;
  preloaded = null;
  p?.detector.then(
    (d) => d.dispose(),
    () => undefined,
  );
}

/** Creates a pose engine; `auto` warms up the candidates (or reads the cached choice) and keeps the fastest. A
 * detector preloaded for the same backend and model is handed over instead of loading another. */
export async function createPoseDetector(opts: PoseDetectorOptions): Promise<PoseDetector> {
  if (preloaded && !opts.remeasure) {
    const p = preloaded;
    if (p.key === preloadKey(opts)) {
      preloaded = null;
      opts.onProgress?.(`loading BlazePose ${opts.model}…`);
      try {
        return await p.detector;
      } catch {
        // loading ahead failed: load again here, with progress and the error for the caller
      }
    } else discardPreloaded();
  }
  return loadPoseDetector(opts);
}
