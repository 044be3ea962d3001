/**
 * Web Worker entry: BlazePose on tfjs wasm off the main thread (bench experiment of issue 5, see worker-detector.ts).
 * Protocol: `init` -> `ready` | `error`; `estimate` (a transferred ImageBitmap) -> `frame` | `error`, echoing `id`.
 */
import { createBlazePoseDetector, type PoseDetector } from './detectors/blazepose.ts';
import type { ModelType, PoseFrame } from './types.ts';

/** Messages the main thread sends. */
export type WorkerRequest =
  | { readonly type: 'init'; readonly model: ModelType }
  | { readonly type: 'estimate'; readonly id: number; readonly bitmap: ImageBitmap; readonly tMs: number };

/** Messages the worker answers with. */
export type WorkerReply =
  | { readonly type: 'ready' }
  | { readonly type: 'frame'; readonly id: number; readonly frame: PoseFrame; readonly detectorMs: number }
  | { readonly type: 'error'; readonly id: number | null; readonly message: string };

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(m: WorkerReply): void;
};
let engine: PoseDetector | null = null;

scope.onmessage = (e) => {
  const msg = e.data;
  if (msg.type === 'init') {
    createBlazePoseDetector('wasm', msg.model).then(
      (eng) => {
        engine = eng;
        scope.postMessage({ type: 'ready' });
      },
      (err: unknown) =>
        scope.postMessage({ type: 'error', id: null, message: err instanceof Error ? err.message : String(err) }),
    );
    return;
  }
  const eng = engine;
  if (!eng) return scope.postMessage({ type: 'error', id: msg.id, message: 'the worker detector is not ready' });
  const start = performance.now();
  eng.estimate(msg.bitmap, msg.tMs).then(
    (frame) => {
      msg.bitmap.close();
      scope.postMessage({ type: 'frame', id: msg.id, frame, detectorMs: performance.now() - start });
    },
    (err: unknown) => {
      msg.bitmap.close();
      scope.postMessage({ type: 'error', id: msg.id, message: err instanceof Error ? err.message : String(err) });
    },
  );
};
