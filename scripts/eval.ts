/**
 * `npm run eval`: runs the counting engine over every labelled landmark track (tests/fixtures/tracks, so it works
 * without the footage) and prints expected vs counted reps, hold boundary errors and totals.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { countTrack } from '../src/analysis/count-track.ts';
import { evaluateClip, summarize, type ClipLabel } from '../src/analysis/evaluate.ts';
import type { LandmarkTrack } from '../src/pose/types.ts';
import { evalFalseAlarms, evalInjected, evalLabelledFaults } from './lib/eval-form.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const labels = JSON.parse(readFileSync(path.join(ROOT, 'tests/labels/footage-labels.json'), 'utf8')) as {
  clips: ClipLabel[];
};
const rows = [];
const missed = new Set(labels.clips.filter((c) => c.knownMiss).map((c) => `${c.track}/${c.exercise}`));
for (const label of labels.clips) {
  const file = path.join(ROOT, 'tests/fixtures/tracks', `${label.track}.json`);
  if (!existsSync(file)) {
    console.log(`skip ${label.track}: no track`);
    continue;
  }
  const track = JSON.parse(readFileSync(file, 'utf8')) as LandmarkTrack;
  rows.push(evaluateClip(label, countTrack(track, label.exercise)));
}
const pad = (v: unknown, n: number) => String(v).padEnd(n);
console.log(
  `${pad('clip', 34)}${pad('exercise', 22)}${pad('expected', 9)}${pad('counted', 8)}${pad('holds (start/end error s)', 34)}ok`,
);
for (const r of rows) {
  const holds = r.holdErrors.map((h) => (h ? `${h.startErrS.toFixed(2)}/${h.endErrS.toFixed(2)}` : 'missed')).join(' ');
  console.log(
    `${pad(r.track, 34)}${pad(r.exercise, 22)}${pad(r.expected, 9)}${pad(r.counted, 8)}${pad(holds || '-', 34)}${r.exact ? 'yes' : 'NO'}`,
  );
}
for (const l of labels.clips.filter((c) => c.knownMiss))
  console.log(`known miss: ${l.track} as ${l.exercise}: ${l.knownMiss}`);
const t = summarize(rows);
console.log(
  `\nstretch clips: ${t.stretchClips}, exact count ${(100 * t.exactRate).toFixed(0)} %, off by one ${(100 * t.offByOneRate).toFixed(0)} %`,
);
console.log(
  `holds: ${t.holdsMatched}/${t.holdsExpected} found, mean boundary error ${t.meanHoldBoundaryErrS.toFixed(2)} s, within 0.5 s ${t.boundariesWithinHalfS}/${2 * t.holdsMatched}`,
);
console.log(`negatives: ${t.negativesZero}/${t.negatives} counted 0`);
const clean = summarize(rows.filter((r) => !missed.has(`${r.track}/${r.exercise}`)));
console.log(
  `without the ${missed.size} known misses: exact count ${(100 * clean.exactRate).toFixed(0)} % of ${clean.stretchClips}, ` +
    `hold boundaries within 0.5 s ${clean.boundariesWithinHalfS}/${2 * clean.holdsMatched}, mean error ${clean.meanHoldBoundaryErrS.toFixed(2)} s`,
);

// form checks: (a) false alarms on correct stretching, (b) injected faults, (c) faults seen in the footage
evalFalseAlarms(ROOT);
evalInjected();
evalLabelledFaults(ROOT);
