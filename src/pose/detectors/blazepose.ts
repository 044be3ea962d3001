/**
 * BlazePose detector adapters: the only place that imports `@tensorflow-models/pose-detection`.
 * Every file is served by the app itself (see vite-plugins/pose-assets.ts); nothing is fetched from elsewhere.
 */
import type { Backend, ModelType, PoseFrame } from '../types.ts';
import { toPoseFrame, type RawPose } from '../convert.ts';
import type { io, Tensor3D } from '@tensorflow/tfjs-core';

/** What a detector can read pixels from. */
export type PoseImage = HTMLVideoElement | HTMLCanvasElement | ImageBitmap;

/**
 * The same picture as `image`, as float RGB values 0-255 row by row (width x height x 3), where its maker has them (a
 * decoded file frame): the tfjs backends then take it as their input tensor instead of reading the image back
 * through a canvas (tf.browser.fromPixels and a cast, 8-9 ms of a ~60 ms frame in a profile of the sphinx clip).
 */
export type RgbPixels = Float32Array<ArrayBuffer>;

/** One running detector, bound to one backend and model. */
export interface PoseDetector {
  readonly backend: Backend;
  readonly model: ModelType;
  /** Runs the detector on one image; `tMs` is the frame's presentation time, copied into the result. */
  estimate(image: PoseImage, tMs: number, rgb?: RgbPixels): Promise<PoseFrame>;
  /** Forgets the tracking state (the previous frame's region of interest), as at the start of a new video, so that
   * the same frames give the same poses whatever ran before. */
  reset(): void;
  dispose(): void;
}

const BASE = import.meta.env.BASE_URL;

interface Detector {
  estimatePoses(
    image: PoseImage | Tensor3D,
    config?: { flipHorizontal?: boolean },
    timestamp?: number,
  ): Promise<RawPose[]>;
  reset(): void;
  dispose(): void;
}

function imageSize(image: PoseImage): [number, number] {
  if (typeof HTMLVideoElement !== 'undefined' && image instanceof HTMLVideoElement) {
    // absent in a Web Worker
    // pose-detection reads the width/height attributes of a <video> (0 by default), not videoWidth/videoHeight
    if (image.width !== image.videoWidth) image.width = image.videoWidth;
    if (image.height !== image.videoHeight) image.height = image.videoHeight;
    return [image.videoWidth, image.videoHeight];
  }
  return [image.width, image.height];
}

/** Makes `backend` tfjs's backend, its files served by the app. */
export async function useTfjsBackend(backend: 'wasm' | 'webgl'): Promise<void> {
  const tf = await import('@tensorflow/tfjs-core');
  if (backend === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    wasm.setWasmPaths(`${location.origin}${BASE}tfjs-wasm/`);
    // the threaded binary's pthread workers crash inside the bundle when the page is cross-origin isolated
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  } else {
    await import('@tensorflow/tfjs-backend-webgl');
  }
  if (!(await tf.setBackend(backend))) throw new Error(`the tfjs ${backend} backend is not available in this browser`);
  await tf.ready();
}

/** Names a start-up phase in the page's performance timeline (read by the bench's cold-start breakdown). */
function measure(phase: string, startMs: number, backend: Backend, model: ModelType): void {
  performance.measure(`pose:${phase}`, { start: startMs, detail: { backend, model } });
}

/** The tfjs module, once a tfjs backend is loaded (to make input tensors from RGB values). */
let tfjs: typeof import('@tensorflow/tfjs-core') | null = null;

/** Starts downloading a tfjs graph model (its topology and weight files), to be built later. */
function downloadGraphModel(tf: typeof import('@tensorflow/tfjs-core'), url: string): Promise<io.ModelArtifacts> {
  const handler = tf.io.http(url);
  if (!handler.load) throw new Error('this tfjs cannot load a model over HTTP');
  const download = handler.load();
  download.catch(() => undefined); // a failed download is reported where it is awaited, after the runtime
  return download;
}

async function createTfjsDetector(backend: 'wasm' | 'webgl', model: ModelType): Promise<Detector> {
  const t0 = performance.now();
  const tf = await import('@tensorflow/tfjs-core');
  // both graph models download while the runtime compiles: they need nothing from it until they are built
  const detectorDownload = downloadGraphModel(tf, `${BASE}models/tfjs/blazepose-detector.json`);
  const landmarkDownload = downloadGraphModel(tf, `${BASE}models/tfjs/blazepose-${model}.json`);
  await useTfjsBackend(backend);
  measure('runtime', t0, backend, model); // the wasm binary fetched and compiled, or the WebGL context set up
  const t1 = performance.now();
  tfjs = tf;
  const pd = await import('@tensorflow-models/pose-detection');
  const [detectorModel, landmarkModel] = await Promise.all([detectorDownload, landmarkDownload]);
  const detector = (await pd.createDetector(pd.SupportedModels.BlazePose, {
    runtime: 'tfjs',
    modelType: model,
    enableSmoothing: false,
    detectorModelUrl: tf.io.fromMemory(detectorModel),
    landmarkModelUrl: tf.io.fromMemory(landmarkModel),
  })) as unknown as Detector;
  measure('model', t1, backend, model); // the rest of both models' download, and building them
  return detector;
}

interface MediapipeSolution {
  setOptions(o: Record<string, unknown>): void;
}

async function createMediapipeDetector(cpu: boolean, model: ModelType): Promise<Detector> {
  const t0 = performance.now();
  const pd = await import('@tensorflow-models/pose-detection');
  const d = await pd.createDetector(pd.SupportedModels.BlazePose, {
    runtime: 'mediapipe',
    modelType: model,
    enableSmoothing: false,
    solutionPath: `${BASE}mediapipe/pose`,
  });
  // undocumented @mediapipe/pose option (8-9x faster without a GPU); pose-detection does not forward it
  if (cpu) (d as unknown as { poseSolution: MediapipeSolution }).poseSolution.setOptions({ useCpuInference: true });
  // the wasm runtime and the packed graph assets; the landmark model itself loads with the first frame
  measure('runtime', t0, cpu ? 'mediapipe-cpu' : 'mediapipe-gpu', model);
  return d as unknown as Detector;
}

/** Creates one detector for an explicit backend (no `auto`). */
export async function createBlazePoseDetector(backend: Backend, model: ModelType): Promise<PoseDetector> {
  const isTfjs = backend === 'wasm' || backend === 'webgl';
  const detector = isTfjs
    ? await createTfjsDetector(backend, model)
    : await createMediapipeDetector(backend === 'mediapipe-cpu', model);
  // the mediapipe graph wants strictly increasing timestamps (ms); they follow the frames' own times, so that the same
  // frames give the same poses, shifted past the last one after a reset (a new file starts again from 0)
  let lastTs = 0;
  let tsOffset = 0;
  let disposed = false;
  let estimated = false;
  return {
    backend,
    model,
    async estimate(image, tMs, rgb) {
      const [w, h] = imageSize(image);
      if (disposed || w === 0 || h === 0) return toPoseFrame([], tMs, w, h);
      lastTs = Math.max(lastTs + 1, Math.round(tsOffset + tMs));
      const t0 = performance.now();
      // the same values fromPixels would read from the image, so the poses are the same either way
      const input = tfjs && isTfjs && rgb?.length === w * h * 3 ? tfjs.tensor3d(rgb, [h, w, 3], 'float32') : image;
      let poses: RawPose[];
      try {
        poses = await detector.estimatePoses(input, { flipHorizontal: false }, isTfjs ? tMs : lastTs);
      } finally {
        if (input !== image) (input as Tensor3D).dispose();
      }
      if (!estimated) measure('first-estimate', t0, backend, model); // graph set-up, shaders, first inference
      estimated = true;
      return toPoseFrame(poses, tMs, w, h, { zInPixels: isTfjs });
    },
    reset() {
      if (disposed) return;
      detector.reset();
      tsOffset = lastTs + 1;
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      detector.dispose();
    },
  };
}
