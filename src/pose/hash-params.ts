import type { BackendChoice, ModelType } from './types.ts';

const BACKENDS: readonly BackendChoice[] = ['auto', 'wasm', 'mediapipe-cpu', 'mediapipe-gpu', 'webgl'];
const MODELS: readonly ModelType[] = ['lite', 'full', 'heavy'];

/** The backend/model a page URL asks for (ui/routes.ts reads them), else auto / lite; unknown names are ignored. */
export function poseParams(q: { backend?: string | null; model?: string | null }): {
  backend: BackendChoice;
  model: ModelType;
} {
  const backend = BACKENDS.find((b) => b === q.backend) ?? 'auto';
  const model = MODELS.find((m) => m === q.model) ?? 'lite';
  return { backend, model };
}
