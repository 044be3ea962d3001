/// <reference types="vitest/config" />
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';
import { contentSecurityPolicy, cspMeta } from './vite-plugins/csp.ts';
import { mediapipePose } from './vite-plugins/mediapipe-pose.ts';
import { defaultMounts, poseAssets } from './vite-plugins/pose-assets.ts';
import { modelCacheConfig, pwa } from './vite-plugins/pwa.ts';

const mounts = defaultMounts(import.meta.dirname);
const modelCache = modelCacheConfig(mounts);

export default defineConfig({
  plugins: [svelte(), mediapipePose(), poseAssets(mounts), pwa(modelCache), cspMeta()],
  // read by the service worker (vite-plugin-pwa builds it with this config's define)
  define: { __MODEL_CACHE__: JSON.stringify(modelCache) },
  // the built app's policy, as a header: `vite preview` (and the e2e suite) serve every file with it
  preview: { headers: { 'Content-Security-Policy': contentSecurityPolicy({ header: true }) } },
  optimizeDeps: {
    // listed so the dev server never re-optimizes (and reloads) mid-session when a backend is imported lazily
    include: [
      '@tensorflow-models/pose-detection',
      '@tensorflow/tfjs-core',
      '@tensorflow/tfjs-converter',
      '@tensorflow/tfjs-backend-webgl',
      '@tensorflow/tfjs-backend-wasm',
      '@tensorflow/tfjs-backend-cpu',
    ],
  },
  build: { chunkSizeWarningLimit: 1500, target: 'es2022' },
  worker: { format: 'es', plugins: () => [mediapipePose()] }, // the detector worker imports pose-detection too
  test: { include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/unit/**/*.test.ts'], environment: 'node' },
});
