/**
 * Measures the picture check (src/coach/picture-quality.ts) on frames of the footage in ../shared/footage: each
 * frame as filmed, darkened (a quarter and a sixth of its light) and blurred (Gaussian sigma 3 and 6 px at 640 px
 * wide), scaled to PICTURE_SAMPLE_WIDTH_PX like the app's sample. Prints mean luminance and sharpness per clip and
 * variant, and the range over all clips: where DARK_MEAN_LUMA and BLURRED_SHARPNESS come from.
 *
 *   npx tsx scripts/measure-picture.ts [clip.mp4 ...]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { measurePicture, PICTURE_SAMPLE_WIDTH_PX } from '../src/coach/picture-quality.ts';

const FOOTAGE = path.resolve(import.meta.dirname, '../../shared/footage');
const CLIPS = [
  'bloomfit/pelvic_tilt.mp4',
  'pfc/sphinx-pose.mp4',
  'pfc/cat-cow.mp4',
  'adaptx/knee_to_chest_stretching.mp4',
  'adaptx/pelvic_tilt.mp4',
  'aris/cobra_pose.mp4',
  'malik/cobra.mp4',
  'malik/plank.mp4',
  'kaiakol/squat_correct_007.mp4',
  'trajnovd/childs_pose.mp4',
  'skatefit/hip_flexor_stretch.mp4',
  'pfc/side-stretches.mp4',
];
const AT_S = [1.5, 3, 4.5];
const VARIANTS: Record<string, string> = {
  original: '',
  'dark 1/4': ',lutyuv=y=val/4',
  'dark 1/6': ',lutyuv=y=val/6',
  'blur sigma 3': ',gblur=sigma=3',
  'blur sigma 6': ',gblur=sigma=6',
};

/** Decoded frames are cached here between runs (decoding is the slow part). */
const CACHE = path.join(tmpdir(), 'spine-measure-picture');

function frame(clip: string, atS: number, filter: string): { luma: Uint8Array; w: number; h: number } | null {
  const w = PICTURE_SAMPLE_WIDTH_PX;
  const vf = `scale=640:-2${filter},scale=${w}:-2:flags=area,format=gray`;
  const cached = path.join(
    CACHE,
    `${path.relative(FOOTAGE, clip).replace(/\W/g, '_')}-${atS}-${vf.replace(/\W/g, '_')}.raw`,
  );
  mkdirSync(CACHE, { recursive: true });
  const raw = existsSync(cached)
    ? readFileSync(cached)
    : execFileSync('ffmpeg', [
        '-loglevel',
        'error',
        '-ss',
        String(atS),
        '-i',
        clip,
        '-frames:v',
        '1',
        '-vf',
        vf,
        '-f',
        'rawvideo',
        '-',
      ]);
  writeFileSync(cached, raw);
  // nothing decoded: the clip is shorter than atS
  return raw.length ? { luma: new Uint8Array(raw), w, h: raw.length / w } : null;
}

const clips =
  process.argv.length > 2 ? process.argv.slice(2) : CLIPS.map((c) => path.join(FOOTAGE, c)).filter(existsSync);
if (!clips.length) throw new Error(`no clips: ${FOOTAGE} is absent`);
const all: Record<string, { luma: number[]; sharp: number[] }> = {};
for (const clip of clips) {
  const cells: string[] = [];
  for (const [name, filter] of Object.entries(VARIANTS)) {
    const ms = AT_S.flatMap((t) => {
      const f = frame(clip, t, filter);
      return f ? [measurePicture(f.luma, f.w, f.h)] : [];
    });
    const a = (all[name] ??= { luma: [], sharp: [] });
    for (const m of ms) {
      a.luma.push(m.meanLuma);
      if (m.sharpness !== null) a.sharp.push(m.sharpness);
    }
    cells.push(`${name}: ${ms.map((m) => `${m.meanLuma.toFixed(0)}/${m.sharpness?.toFixed(2) ?? '-'}`).join(' ')}`);
  }
  console.log(`${path.relative(FOOTAGE, clip)}\n  ${cells.join('\n  ')}`);
}
const range = (v: number[], d: number) => `${Math.min(...v).toFixed(d)}-${Math.max(...v).toFixed(d)}`;
console.log('\nvariant          mean luma   sharpness   (frames)');
for (const [name, a] of Object.entries(all))
  console.log(`${name.padEnd(16)} ${range(a.luma, 0).padEnd(11)} ${range(a.sharp, 2).padEnd(11)} ${a.luma.length}`);
