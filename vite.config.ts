/// <reference types="vitest/config" />
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';
import { mediapipePose } from './vite-plugins/mediapipe-pose.ts';
import { defaultMounts, poseAssets } from './vite-plugins/pose-assets.ts';
import { serviceWorker } from './vite-plugins/service-worker.ts';

export default defineConfig({
  plugins: [
    svelte(),
    mediapipePose(),
    poseAssets(defaultMounts(import.meta.dirname)),
    serviceWorker(import.meta.dirname),
  ],
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
