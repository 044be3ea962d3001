/**
 * Prints the engine's per-frame view of a landmark track: time, body position, camera view, depth (the stretch's
 * signal, larger = deeper), side, not-judged reason and events. Used to read thresholds off real footage.
 * `npx tsx scripts/trace.ts tests/fixtures/tracks/pfc__cat-cow.json cat-camel [fromS] [toS]`
 */
import { readFileSync } from 'node:fs';
import { createTracker, EXERCISE_IDS } from '../src/exercises/registry.ts';
import type { ExerciseId } from '../src/exercises/types.ts';
import type { LandmarkTrack } from '../src/pose/types.ts';

const [file, id, from = '0', to = '1e9'] = process.argv.slice(2);
if (!file || !EXERCISE_IDS.includes(id as ExerciseId)) {
  console.error('usage: tsx scripts/trace.ts <track.json> <exercise-id> [fromS] [toS]');
  process.exit(2);
}
const track = JSON.parse(readFileSync(file, 'utf8')) as LandmarkTrack;
const tracker = createTracker(id as ExerciseId);
for (const frame of track.frames) {
  const u = tracker.step(frame);
  const tS = u.tMs / 1000;
  if (tS < Number(from) || tS > Number(to)) continue;
  const events = u.events.map((e) => e.type).join(',');
  console.log(
    `${tS.toFixed(2).padStart(6)} ${u.position.padEnd(22)} ${u.view.padEnd(7)} ${u.depth === null ? '   -  ' : u.depth.toFixed(1).padStart(6)} ${(u.side ?? '-').padEnd(5)} ${(u.notJudged ?? '').padEnd(22)} ${events}`,
  );
}
