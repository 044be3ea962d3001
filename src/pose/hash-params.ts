import { BACKEND_CHOICES, MODEL_TYPES, type BackendChoice, type ModelType } from './types.ts';

/** The backend/model a page URL asks for (ui/routes.ts reads them), else auto / lite; unknown names are ignored. */
export function poseParams(q: { backend?: string | null; model?: string | null }): {
  backend: BackendChoice;
  model: ModelType;
} {
  const backend = BACKEND_CHOICES.find((b) => b === q.backend) ?? 'auto';
  const model = MODEL_TYPES.find((m) => m === q.model) ?? 'lite';
  return { backend, model };
}
