/**
 * Builds src/service-worker.ts to `<outDir>/sw.js` (production builds only; the dev server never sees it) and
 * injects the manifest: the build's version, the app shell files to precache, and the model/wasm path prefixes.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { transformWithOxc, type Plugin } from 'vite';

/** Model and runtime files (served by pose-assets.ts): cached on first use, not precached (up to ~100 MB). */
export const MODEL_PREFIXES = ['mediapipe/', 'tfjs-wasm/', 'models/'];

/** The plugin; put it after the plugins that emit assets so it sees every output file. */
export function serviceWorker(root: string): Plugin {
  return {
    name: 'spine-service-worker',
    apply: 'build',
    enforce: 'post',
    async generateBundle(_opts, bundle) {
      const files = Object.keys(bundle).sort();
      const shell = files.filter(
        (f) => !MODEL_PREFIXES.some((p) => f.startsWith(p)) && /\.(html|js|css|svg|ico|png|webmanifest)$/.test(f),
      );
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12);
      const src = path.join(root, 'src/service-worker.ts');
      const { code } = await transformWithOxc(readFileSync(src, 'utf8'), src, { lang: 'ts' });
      const manifest = JSON.stringify({ version, shell, modelPrefixes: MODEL_PREFIXES });
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: `const __SW_MANIFEST__ = ${manifest};\n${code}` });
    },
  };
}
