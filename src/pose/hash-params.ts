import { BACKEND_CHOICES, MODEL_TYPES, type BackendChoice, type ModelType } from './types.ts';

/** Backend/model preselected by the hash query (`#/live?backend=wasm&model=full`), else auto / lite. */
export function poseParams(hash: string): { backend: BackendChoice; model: ModelType } {
  const q = new URLSearchParams(hash.split('?')[1] ?? '');
  const b = q.get('backend') as BackendChoice | null;
  const m = q.get('model') as ModelType | null;
  return { backend: b && BACKEND_CHOICES.includes(b) ? b : 'auto', model: m && MODEL_TYPES.includes(m) ? m : 'lite' };
}
