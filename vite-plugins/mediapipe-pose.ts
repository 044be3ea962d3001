import type { Plugin } from 'vite';

// @mediapipe/pose's pose.js is a closure-compiled classic script that writes `Pose` onto the global object and has
// no exports, while pose-detection does `import { Pose } from '@mediapipe/pose'`. Vite 8 (Rolldown) fails with
// MISSING_EXPORT, and the package's `sideEffects` list would tree-shake the script away in production.
// This transform appends ESM exports that read the globals back, and marks the module as having side effects.
const POSE_JS = /[\\/]@mediapipe[\\/]pose[\\/]pose\.js$/;
const EXPORTS = [
  'Pose',
  'POSE_CONNECTIONS',
  'POSE_LANDMARKS',
  'POSE_LANDMARKS_LEFT',
  'POSE_LANDMARKS_RIGHT',
  'POSE_LANDMARKS_NEUTRAL',
  'VERSION',
]
  .map((name) => `export const ${name} = globalThis.${name};`)
  .join('\n');

const transformHook = {
  name: 'mediapipe-pose-esm',
  transform(code: string, id: string) {
    if (!POSE_JS.test(id.split('?')[0] ?? '')) return null;
    return { code: `${code}\n${EXPORTS}\n`, map: null, moduleSideEffects: true as const };
  },
};

/** Makes `@mediapipe/pose` importable as ESM, in the dev optimizer and in the production build. */
export function mediapipePose(): Plugin {
  return {
    ...transformHook,
    // the dependency optimizer does not run normal plugins
    config: () => ({ optimizeDeps: { rolldownOptions: { plugins: [transformHook] } } }),
  };
}
