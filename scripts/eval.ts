/**
 * `npm run eval`: runs the counting engine over every labelled landmark track (tests/fixtures/tracks, so it works
 * without the footage) and prints expected vs counted reps, hold boundary errors and totals. `--loo` adds the
 * leave-one-clip-out table: each threshold's margin on each clip and each clip's verdict with the thresholds the
 * other clips alone support (src/analysis/loo.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { countTrack } from '../src/analysis/count-track.ts';
import { evaluateClip, summarize } from '../src/analysis/evaluate.ts';
import { DERIVATIONS, leaveOneClipOut, THIN_MARGIN, type LooLabel } from '../src/analysis/loo.ts';
import type { LandmarkTrack } from '../src/pose/types.ts';
import { evalFalseAlarms, evalInjected, evalLabelledFaults } from './lib/eval-form.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const labels = JSON.parse(readFileSync(path.join(ROOT, 'tests/labels/footage-labels.json'), 'utf8')) as {
  clips: LooLabel[];
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
  `${pad('clip', 34)}${pad('exercise', 22)}${pad('expected', 9)}${pad('counted', 8)}${pad('holds: start/end error s (from manifest start)', 48)}ok`,
);
for (const r of rows) {
  const holds = r.holdErrors
    .map((h) =>
      h
        ? `${h.startErrS.toFixed(2)}/${h.endErrS.toFixed(2)}` +
          (h.manifestStartErrS !== h.startErrS ? `(${h.manifestStartErrS.toFixed(1)})` : '')
        : 'missed',
    )
    .join(' ');
  console.log(
    `${pad(r.track, 34)}${pad(r.exercise, 22)}${pad(r.expected, 9)}${pad(r.counted, 8)}${pad(holds || '-', 48)}${r.exact ? 'yes' : 'NO'}`,
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

if (process.argv.includes('--loo')) {
  const loo = leaveOneClipOut(
    labels.clips.filter((l) => existsSync(path.join(ROOT, 'tests/fixtures/tracks', `${l.track}.json`))),
    (name) =>
      JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures/tracks', `${name}.json`), 'utf8')) as LandmarkTrack,
  );
  const num = (v: number | null, d = 2) => (v === null ? '-' : v.toFixed(d));
  // a negative whose values pass the threshold is rejected by a gate (start position, view, maximum depth): its
  // margin says nothing about the threshold
  const pct = (v: number | null, negative = false) =>
    v === null ? '-' : `${(100 * v).toFixed(0)} %${negative && v < 0 ? ' gated' : v < THIN_MARGIN ? ' THIN' : ''}`;
  console.log('\nLeave-one-clip-out. How each threshold is derived from the tracks:');
  for (const d of DERIVATIONS) console.log(`  ${d.exercise} ${d.name}: ${d.rule}`);
  console.log(
    `\nMargins: (threshold - clip rest) and (clip end range - threshold) as % of the clip's rest-to-end gap ` +
      `(negatives: of the smallest positive gap); THIN = under ${100 * THIN_MARGIN} %`,
  );
  console.log(
    `${pad('exercise', 22)}${pad('threshold', 11)}${pad('clip', 34)}${pad('rest', 8)}${pad('end', 8)}${pad('value', 8)}${pad('rest margin', 13)}${pad('end margin', 13)}other clips alone`,
  );
  for (const m of loo.margins)
    console.log(
      `${pad(m.exercise, 22)}${pad(m.threshold, 11)}${pad(m.clip + (m.negative ? ' (neg)' : ''), 34)}${pad(num(m.rest), 8)}${pad(num(m.end), 8)}${pad(num(m.committed), 8)}${pad(pct(m.restMargin, m.negative), 13)}${pad(pct(m.endMargin), 13)}${num(m.looValue)}`,
    );
  console.log('\nVerdicts with the thresholds the other clips alone support:');
  for (const v of loo.verdicts) {
    const th = v.thresholds
      ? Object.entries(v.thresholds)
          .map(([k, x]) => `${k} ${x.toFixed(2)}`)
          .join(', ')
      : 'the other clips support no value (none with this stretch, or their ranges overlap)';
    const verdict =
      v.ok === null
        ? 'n/a'
        : `${v.counted}/${v.expected}${v.holdsFound ? '' : ' (a hold missed)'} ${v.ok ? 'ok' : 'FAILS'}`;
    console.log(`${pad(v.exercise, 22)}${pad(v.clip, 34)}${pad(verdict, 26)}${th}`);
  }
  const thin = loo.margins.filter(
    (m) =>
      (m.restMargin !== null && m.restMargin < THIN_MARGIN && !(m.negative && m.restMargin < 0)) ||
      (m.endMargin !== null && m.endMargin < THIN_MARGIN),
  );
  const gated = loo.margins.filter((m) => m.negative && m.restMargin !== null && m.restMargin < 0);
  const judged = loo.verdicts.filter((v) => v.ok !== null);
  console.log(
    `\n${judged.filter((v) => v.ok).length}/${judged.length} verdicts hold with the other clips' thresholds ` +
      `(${loo.verdicts.length - judged.length} have no value from the other clips); ` +
      `${thin.length} margins under ${100 * THIN_MARGIN} %: ` +
      thin.map((m) => `${m.exercise} ${m.threshold} on ${m.clip}`).join('; '),
  );
  console.log(
    `negatives past a threshold, counted 0 by a gate: ` +
      [...new Set(gated.map((m) => `${m.clip} as ${m.exercise}`))].join('; '),
  );
}

// form checks: (a) false alarms on correct stretching, (b) injected faults, (c) faults seen in the footage
evalFalseAlarms(ROOT);
evalInjected();
evalLabelledFaults(ROOT);
