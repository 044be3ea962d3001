import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sirv from 'sirv';
import type { Plugin } from 'vite';

/** A folder on disk served under a URL prefix, in dev and copied unhashed into the build. */
export interface AssetMount {
  urlPrefix: string;
  dir: string;
  include: (fileName: string) => boolean;
}

function listFiles(mount: AssetMount): string[] {
  if (!existsSync(mount.dir)) return [];
  return readdirSync(mount.dir).filter((f) => mount.include(f) && statSync(join(mount.dir, f)).isFile());
}

/** The model and wasm files the pose runtimes fetch at run time, all from npm packages. */
export function defaultMounts(root: string): AssetMount[] {
  const nm = resolve(root, 'node_modules');
  return [
    {
      urlPrefix: 'mediapipe/pose/',
      dir: join(nm, '@mediapipe/pose'),
      // pose.js is bundled; the others are fetched by the solution itself
      include: (f) => f !== 'pose.js' && /\.(js|wasm|data|tflite|binarypb)$/.test(f) && !f.endsWith('.d.ts'),
    },
    {
      urlPrefix: 'tfjs-wasm/',
      dir: join(nm, '@tensorflow/tfjs-backend-wasm/dist'),
      include: (f) => f.endsWith('.wasm'),
    },
    { urlPrefix: 'models/tfjs/', dir: resolve(root, 'models/tfjs'), include: (f) => /\.(json|bin)$/.test(f) },
  ];
}

/** Serves the mounts in dev and emits them as unhashed assets in `vite build`. */
export function poseAssets(mounts: AssetMount[]): Plugin {
  return {
    name: 'pose-assets',
    configureServer(server) {
      const base = server.config.base;
      for (const mount of mounts) {
        // sirv sets the content types (application/wasm for the wasm files, which streaming compilation needs)
        const serve = sirv(mount.dir, { dev: true, dotfiles: false });
        server.middlewares.use(`${base}${mount.urlPrefix}`, (req, res, next) => {
          const name = decodeURIComponent((req.url ?? '').split('?')[0] ?? '').replace(/^\//, '');
          if (name.includes('/') || !mount.include(name)) return next();
          serve(req, res, next);
        });
      }
    },
    generateBundle() {
      for (const mount of mounts) {
        const files = listFiles(mount);
        if (files.length === 0) this.error(`pose-assets: no files in ${mount.dir} (run npm install)`);
        for (const f of files) {
          this.emitFile({
            type: 'asset',
            fileName: `${mount.urlPrefix}${f}`,
            source: readFileSync(join(mount.dir, f)),
          });
        }
      }
    },
  };
}
