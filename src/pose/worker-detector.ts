/**
 * A `PoseDetector` whose detector (BlazePose, tfjs wasm) runs in a Web Worker: each frame is copied into an
 * ImageBitmap and transferred. Measured by `npm run bench -- --worker` against the main-thread engine.
 */
import type { PoseDetector, PoseImage } from './detectors/blazepose.ts';
import type { WorkerReply, WorkerRequest } from './detector-worker.ts';
import type { ModelType, PoseFrame } from './types.ts';

/** Starts the worker, loads the model in it, and resolves with an engine that proxies `estimate` to it. */
export async function createWorkerDetector(model: ModelType): Promise<PoseDetector> {
  const worker = new Worker(new URL('./detector-worker.ts', import.meta.url), { type: 'module' });
  const pending = new Map<number, { resolve: (f: PoseFrame) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  const send = (m: WorkerRequest, transfer: Transferable[] = []) => worker.postMessage(m, transfer);
  await new Promise<void>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      const r = e.data;
      if (r.type === 'ready') return resolve();
      if (r.type === 'error' && r.id === null) return reject(new Error(r.message));
      const p = pending.get(r.type === 'frame' || r.type === 'error' ? (r.id ?? -1) : -1);
      if (!p || r.id === null) return;
      pending.delete(r.id);
      if (r.type === 'frame') p.resolve(r.frame);
      else p.reject(new Error(r.message));
    };
    worker.onerror = (e) => reject(new Error(e.message || 'the detector worker failed to start'));
    send({ type: 'init', model });
  });
  let disposed = false;
  return {
    backend: 'wasm',
    model,
    async estimate(image: PoseImage, tMs: number): Promise<PoseFrame> {
      const bitmap = await createImageBitmap(image);
      const id = nextId++;
      return new Promise<PoseFrame>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        send({ type: 'estimate', id, bitmap, tMs }, [bitmap]);
      });
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      worker.terminate();
      for (const p of pending.values()) p.reject(new Error('the detector worker was stopped'));
      pending.clear();
    },
  };
}
