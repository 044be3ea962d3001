/** The fake camera the bench and first-pose-live.ts give Chromium: a y4m made from a footage clip with ffmpeg. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DEFAULT_CLIP = path.resolve(ROOT, '../shared/footage/bloomfit/pelvic_tilt.mp4');
const MESSI = '/usr/share/doc/opencv-doc/examples/data/messi5.jpg';
const CACHE = path.join(os.tmpdir(), 'spine-bench');

/** The fake camera: 10 s of the clip (from 2 s in) at 640x360, 30 fps, as y4m (Chromium loops it); else the still. */
export function fakeCamera(clip: string | null): { y4m: string; source: string } {
  mkdirSync(CACHE, { recursive: true });
  const src = clip ?? (existsSync(DEFAULT_CLIP) ? DEFAULT_CLIP : null);
  const ff = (out: string, args: string[]) => {
    if (!existsSync(out))
      execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args, out], { stdio: 'inherit' });
  };
  if (src) {
    if (!existsSync(src)) throw new Error(`cannot read clip ${src}`);
    const y4m = path.join(CACHE, `${path.basename(src).replace(/\W+/g, '_')}-640x360.y4m`);
    ff(y4m, ['-ss', '2', '-t', '10', '-i', src, '-vf', 'scale=640:360,format=yuv420p', '-r', '30', '-an']);
    return { y4m, source: path.relative(path.resolve(ROOT, '..'), src) };
  }
  const y4m = path.join(CACHE, 'messi5-640x480.y4m');
  ff(y4m, ['-loop', '1', '-i', MESSI, '-t', '2', '-r', '30', '-vf', 'pad=640:480:46:69,format=yuv420p']);
  return { y4m, source: MESSI };
}

/** Chromium flags that make `y4m` the camera, allowed without asking. */
export const fakeCameraArgs = (y4m: string): string[] => [
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  `--use-file-for-fake-video-capture=${y4m}`,
];
