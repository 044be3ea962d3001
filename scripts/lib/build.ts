import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function newestMtimeMs(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(p).reduce((m, name) => Math.max(m, newestMtimeMs(path.join(p, name))), st.mtimeMs);
}

/** Runs `vite build` into `outDir` when it is missing or older than the sources. Build output goes to stderr. */
export function ensureBuild(root: string, outDir: string): void {
  const built = newestMtimeMs(path.join(outDir, 'index.html'));
  // ANALYZE_SKIP_BUILD=1 reuses an existing build as is (batch runs while the sources are being edited)
  if (built > 0 && process.env.ANALYZE_SKIP_BUILD === '1') return;
  const sources = Math.max(
    ...['src', 'index.html', 'vite.config.ts', 'vite-plugins', 'public'].map((p) => newestMtimeMs(path.join(root, p))),
  );
  if (built > 0 && built >= sources) return;
  process.stderr.write(`analyze: building the app into ${path.relative(root, outDir) || outDir}…\n`);
  execFileSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir'], { cwd: root, stdio: ['ignore', 2, 2] });
}

/** The container frame rate from ffprobe, or null when ffprobe is missing or cannot tell. */
export function probeFps(file: string): number | null {
  try {
    const out = execFileSync(
      'ffprobe',
      [
        '-v',
        'error',
        '-select_streams',
        'v:0',
        '-show_entries',
        'stream=avg_frame_rate,r_frame_rate',
        '-of',
        'csv=p=0',
        file,
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    );
    for (const field of out.trim().split(/[\n,]/)) {
      const [n, d] = field.split('/').map(Number);
      if (n && d && n / d > 1 && n / d < 240) return n / d;
    }
  } catch {
    // no ffprobe: the page assumes 30 fps for frame timestamps
  }
  return null;
}
