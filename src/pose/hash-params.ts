import type { BackendChoice, ModelType } from './types.ts';

const BACKENDS: readonly BackendChoice[] = ['auto', 'wasm', 'mediapipe-cpu', 'mediapipe-gpu', 'webgl'];
const MODELS: readonly ModelType[] = ['lite', 'full', 'heavy'];

/** Backend/model preselected by the hash query (`#/live?backend=wasm&model=full`), else auto / lite. */
export function poseParams(hash: string): { backend: BackendChoice; model: ModelType } {
  const q = new URLSearchParams(hash.split('?')[1] ?? '');
  const b = q.get('backend') as BackendChoice | null;
  const m = q.get('model') as ModelType | null;
  return { backend: b && BACKENDS.includes(b) ? b : 'auto', model: m && MODELS.includes(m) ? m : 'lite' };
}
