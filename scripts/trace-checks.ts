/**
 * Prints what each form check of a stretch reads on a landmark track, per phase (the spread of its measure where
 * it applies), and the faults the engine finds. Used to read form thresholds off real footage.
 * `npx tsx scripts/trace-checks.ts tests/fixtures/tracks/pfc__sphinx-pose.json prone-extension [--frames fromS toS]`
 */
import { readFileSync } from 'node:fs';
import { phaseOf } from '../src/exercises/checks/phase.ts';
import { computeFeatures } from '../src/motion/features.ts';
import { bodyPoints } from '../src/motion/form-features.ts';
import { createTracker, EXERCISE_IDS, getSpec, type ExerciseId } from '../src/exercises/registry.ts';
import type { LandmarkTrack } from '../src/pose/types.ts';
import { quantile } from '../src/motion/stats.ts';

const [file, id, flag, from = '0', to = '1e9'] = process.argv.slice(2);
if (!file || !EXERCISE_IDS.includes(id as ExerciseId)) {
  console.error('usage: tsx scripts/trace-checks.ts <track.json> <exercise-id> [--frames fromS toS]');
  process.exit(2);
}
const track = JSON.parse(readFileSync(file, 'utf8')) as LandmarkTrack;
const exercise = id as ExerciseId;
const spec = getSpec(exercise);
const { checks } = spec;
const tracker = createTracker(exercise);
const values = new Map<string, number[]>();
let phase = 'start';
for (const frame of track.frames) {
  const u = tracker.step(frame);
  const f = computeFeatures(frame);
  const p = bodyPoints(frame);
  const tS = frame.tMs / 1000;
  const cells: string[] = [];
  if (f && p && u.started) {
    const workSide = spec.measure(f)?.side ?? null;
    for (const c of checks) {
      const r = c.read({ features: f, points: p, workSide, position: u.position });
      cells.push(`${c.id}=${r ? r.value.toFixed(2) : '-'}`);
      if (r && c.when.includes(phase as never)) {
        const key = `${c.id} @${phase}`;
        values.set(key, [...(values.get(key) ?? []), r.value]);
      }
    }
  }
  if (flag === '--frames' && tS >= Number(from) && tS <= Number(to))
    console.log(
      `${tS.toFixed(1).padStart(5)} ${phase.padEnd(9)} ${cells.join(' ')} ${u.events.map((e) => e.type).join(',')}`,
    );
  if (u.started) phase = phaseOf(spec, u);
}
tracker.finish();
const q = (v: number[], x: number) => quantile(v, x).toFixed(2);
for (const [k, v] of [...values].sort())
  console.log(
    `${k.padEnd(36)} n=${String(v.length).padEnd(4)} min ${q(v, 0)} p5 ${q(v, 0.05)} med ${q(v, 0.5)} p95 ${q(v, 0.95)} max ${q(v, 1)}`,
  );
for (const fs of tracker.faults()) console.log(`fault ${fs.check} ${fs.startS}-${fs.endS} ${fs.side ?? ''}`);
