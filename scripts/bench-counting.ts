/**
 * Per-frame cost of the counting engine (features, gate, filter, counters) in microseconds, over real footage
 * tracks. `npx tsx scripts/bench-counting.ts`. A benchmark, not a test: it prints numbers and asserts nothing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createTracker } from '../src/exercises/registry.ts';
import type { ExerciseId } from '../src/exercises/types.ts';
import type { LandmarkTrack } from '../src/pose/types.ts';
import { synthesize } from '../src/exercises/synthesize.ts';
import { quantile } from '../src/motion/stats.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const cases: [string, ExerciseId][] = [
  ['bloomfit__pelvic_tilt', 'pelvic-tilt'],
  ['pfc__side-stretches', 'ql-stretch'],
  ['adaptx__knee_to_chest_stretching', 'single-knee-to-chest'],
  ['pfc__cat-cow', 'cat-camel'],
  ['pfc__sphinx-pose', 'prone-extension'],
];
const ROUNDS = 20;
const all: number[] = [];
// no footage of these: generated tracks (with world landmarks, which the lumbar roll reads)
const generated: ExerciseId[] = ['lumbar-roll', 'back-block'];
const load = (name: string): LandmarkTrack =>
  name.startsWith('synthetic:')
    ? synthesize(name.slice(10) as ExerciseId).track
    : (JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures/tracks', `${name}.json`), 'utf8')) as LandmarkTrack);
for (const [name, id] of [...cases, ...generated.map((g): [string, ExerciseId] => [`synthetic:${g}`, g])]) {
  const track = load(name);
  const perFrameUs: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const tracker = createTracker(id);
    for (const frame of track.frames) {
      const t0 = performance.now();
      tracker.step(frame);
      perFrameUs.push((performance.now() - t0) * 1000);
    }
  }
  const timed = perFrameUs.slice(ROUNDS > 1 ? track.frames.length : 0); // the first round warms the JIT
  all.push(...timed);
  const q = (p: number) => quantile(timed, p).toFixed(1);
  console.log(`${name.padEnd(34)} ${id.padEnd(22)} median ${q(0.5)} us  p90 ${q(0.9)} us  (${timed.length} frames)`);
}
console.log(`all: median ${quantile(all, 0.5).toFixed(1)} us, p90 ${quantile(all, 0.9).toFixed(1)} us per frame`);
