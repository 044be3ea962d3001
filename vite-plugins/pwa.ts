/**
 * The installable offline app: vite-plugin-pwa (Workbox) with the web app manifest, the precached shell and the
 * service worker src/sw.ts (injectManifest: ours, so that it can cache the model files cache-first
 * under a name tied to their content, and delete the stale ones; see there).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { VitePWA } from 'vite-plugin-pwa';
import type { AssetMount } from './pose-assets.ts';

/** The app's dark background (src/ui/global.css --bg): the splash screen and the title bar of the installed app. */
export const THEME_COLOUR = '#0d1117';

/** What the service worker needs to know of the model files; injected as the global `__MODEL_CACHE__`. */
export interface ModelCacheConfig {
  /** `spine-coach-models-<hash of the files' bytes>`: a new model or runtime version gets a new cache. */
  readonly name: string;
  /** URL prefixes under the app's base (pose-assets.ts's mounts): cached on first use, never precached. */
  readonly prefixes: readonly string[];
}

/** The cache name hashes every model and runtime file, so an upgrade never serves old weights to new code. */
export function modelCacheConfig(mounts: readonly AssetMount[]): ModelCacheConfig {
  const hash = createHash('sha256');
  for (const mount of mounts) {
    let names: string[] = [];
    try {
      names = readdirSync(mount.dir).filter((f) => mount.include(f) && statSync(join(mount.dir, f)).isFile());
    } catch {
      // a missing folder: pose-assets fails the build with its own message
    }
    for (const f of names.sort()) hash.update(`${mount.urlPrefix}${f}\n`).update(readFileSync(join(mount.dir, f)));
  }
  return {
    name: `spine-coach-models-${hash.digest('hex').slice(0, 12)}`,
    prefixes: mounts.map((m) => m.urlPrefix),
  };
}

/** The plugin; production builds only (a dev server is never cached). */
export function pwa(models: ModelCacheConfig) {
  return VitePWA({
    strategies: 'injectManifest',
    srcDir: 'src',
    filename: 'sw.ts', // built to /sw.js, the URL the hand-written worker had: installed copies update in place
    registerType: 'prompt', // a new version waits for "Reload" (UpdatePrompt.svelte), never swaps code mid-stretch
    injectRegister: false, // UpdatePrompt.svelte registers it
    includeManifestIcons: false, // the precache globs below already hold every icon
    manifest: {
      id: './',
      name: 'Spine Coach',
      short_name: 'Spine Coach',
      description:
        'An on-device coach for back-pain stretches: counts reps, times holds, stops at your comfortable range.',
      start_url: './',
      scope: './',
      display: 'standalone',
      orientation: 'any',
      background_color: THEME_COLOUR,
      theme_color: THEME_COLOUR,
      categories: ['health', 'fitness'],
      icons: [
        { src: 'icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        // icon.svg keeps its drawing inside the central 80 % circle on a full-bleed background: safe to mask
        { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      ],
    },
    injectManifest: {
      rollupFormat: 'iife', // a classic worker script, registered without { type: 'module' }
      globPatterns: ['**/*.{html,js,css,svg,png,webmanifest}'],
      globIgnores: models.prefixes.map((p) => `${p}**`),
      // the main chunk carries tfjs and pose-detection (~2.3 MB); Workbox's 2 MiB default would leave it out
      maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    },
  });
}
