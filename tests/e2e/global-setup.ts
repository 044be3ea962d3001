/**
 * Makes the e2e fixtures with ffmpeg into tests/fixtures/generated/ (gitignored):
 * - person.y4m / person.mp4 / person.webm (VP9): Debian opencv-doc's messi5.jpg (one whole person) padded to
 *   640x480, 2 s at 30 fps;
 * - person-rotated.mp4: that picture stored sideways with a rotation flag, as phones record;
 * - empty.y4m: a grey 640x480 picture with nobody in it;
 * - footage.y4m / footage.mp4: 4 s of ../shared/footage/bloomfit/pelvic_tilt.mp4 at 640x360, when the footage exists
 *   (the camera feed and the video page's file in pose-footage.spec).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const GENERATED = path.join(ROOT, 'tests/fixtures/generated');
export const MESSI = '/usr/share/doc/opencv-doc/examples/data/messi5.jpg';
export const FOOTAGE_DIR = path.resolve(ROOT, '../shared/footage');
export const FOOTAGE_CLIP = path.join(FOOTAGE_DIR, 'bloomfit/pelvic_tilt.mp4');

function ffmpeg(out: string, args: string[]): void {
  if (existsSync(out)) return;
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args, out], { stdio: 'inherit' });
}

export default function globalSetup(): void {
  mkdirSync(GENERATED, { recursive: true });
  if (!existsSync(MESSI)) throw new Error(`${MESSI} is missing: apt-get install opencv-doc`);
  // 548x342 photo centred on a 640x480 canvas: the person stands in x 90-540, y 110-420 of the padded frame
  const padding = 'pad=640:480:46:69,format=yuv420p';
  const pad = ['-vf', padding];
  const still = ['-loop', '1', '-i', MESSI, '-t', '2', '-r', '30'];
  ffmpeg(path.join(GENERATED, 'person.y4m'), [...still, ...pad]);
  ffmpeg(path.join(GENERATED, 'person.mp4'), [...still, ...pad, '-c:v', 'libx264', '-pix_fmt', 'yuv420p']);
  // the same picture stored sideways (turned a quarter clockwise, 480x640) with the rotation flag a phone writes: a
  // player turns it back upright (ffmpeg 5 writes the flag only when copying the stream)
  const sideways = path.join(GENERATED, 'person-sideways.mp4');
  ffmpeg(sideways, [...still, '-vf', `${padding},transpose=1`, '-c:v', 'libx264']);
  ffmpeg(path.join(GENERATED, 'person-rotated.mp4'), ['-i', sideways, '-c', 'copy', '-metadata:s:v', 'rotate=90']);
  // the same picture as VP9 in WebM: the other codec/container the decoding path must read
  ffmpeg(path.join(GENERATED, 'person.webm'), [
    '-loop',
    '1',
    // the picture read at 30 fps: WebM is written with variable frame rate, which would drop the repeats of a 25 fps
    // input (50 frames, not 60)
    '-framerate',
    '30',
    '-i',
    MESSI,
    '-t',
    '2',
    ...pad,
    '-c:v',
    'libvpx-vp9',
    '-deadline',
    'good',
    '-cpu-used',
    '8',
  ]);
  ffmpeg(path.join(GENERATED, 'empty.y4m'), [
    '-f',
    'lavfi',
    '-i',
    'color=c=gray:s=640x480:r=30',
    '-t',
    '1',
    '-pix_fmt',
    'yuv420p',
  ]);
  if (existsSync(FOOTAGE_CLIP)) {
    const scale = ['-vf', 'scale=640:360,format=yuv420p', '-r', '30'];
    const cut = ['-ss', '2', '-t', '4', '-i', FOOTAGE_CLIP, ...scale, '-an'];
    ffmpeg(path.join(GENERATED, 'footage.y4m'), cut);
    ffmpeg(path.join(GENERATED, 'footage.mp4'), [...cut, '-c:v', 'libx264']);
  }
}
