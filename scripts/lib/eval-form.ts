/** The form-check half of `npm run eval`: (a) false alarms on correct stretching, (b) injected faults found, (c)
 * faults labelled by eye in the real footage, found or not. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { countTrack } from '../../src/analysis/count-track.ts';
import {
  DETECT_WITHIN_S,
  cameraHeightsM,
  falseAlarms,
  runInjection,
  type FalseAlarmRow,
  type InjectionResult,
} from '../../src/analysis/form-eval.ts';
import { FAULT_RECIPES } from '../../src/exercises/checks/fault-recipes.ts';
import { synthesize } from '../../src/exercises/synthesize.ts';
import { EXERCISE_IDS, type ExerciseId } from '../../src/exercises/registry.ts';
import type { Side } from '../../src/exercises/types.ts';
import type { CheckId } from '../../src/exercises/checks/types.ts';
import type { LandmarkTrack } from '../../src/pose/types.ts';

const pad = (v: unknown, n: number) => String(v).padEnd(n);
const fmt = (v: number, d = 2) => v.toFixed(d);

interface FormLabel {
  readonly track: string;
  readonly exercise: ExerciseId;
  readonly check: CheckId;
  /** Where the fault is seen (a rep, or the whole hold), seconds. */
  readonly startS: number;
  readonly endS: number;
  readonly seen: string;
}

interface CorrectLabel {
  readonly track: string;
  readonly exercise: ExerciseId;
  readonly windows?: readonly (readonly [number, number])[];
}

function formLabels(root: string): { correct: CorrectLabel[]; faults: FormLabel[] } {
  return JSON.parse(readFileSync(path.join(root, 'tests/labels/form-labels.json'), 'utf8')) as {
    correct: CorrectLabel[];
    faults: FormLabel[];
  };
}

const readTrack = (root: string, name: string): LandmarkTrack | null => {
  const file = path.join(root, 'tests/fixtures/tracks', `${name}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as LandmarkTrack) : null;
};

export function evalFalseAlarms(root: string): void {
  const rows: FalseAlarmRow[] = [];
  for (const c of formLabels(root).correct) {
    const track = readTrack(root, c.track);
    if (track) rows.push(falseAlarms(c.track, track, c.exercise, c.windows));
  }
  // the generator's correct stretching, both camera sides, both heights
  for (const id of EXERCISE_IDS)
    for (const cameraSide of ['left', 'right'] as const)
      for (const cameraHeightM of cameraHeightsM(id))
        rows.push(
          falseAlarms(
            `synthetic ${cameraSide} ${cameraHeightM} m`,
            synthesize(id, { cameraSide, cameraHeightM }).track,
            id,
          ),
        );
  console.log('\n(a) false alarms on correct stretching: fault seconds per minute of stretching');
  console.log(`${pad('source', 36)}${pad('exercise', 22)}${pad('min', 6)}faults (check: s/min)`);
  let total = 0;
  let minutes = 0;
  for (const r of rows) {
    const f = Object.entries(r.faultS)
      .map(([k, s]) => `${k}: ${fmt(s / Math.max(r.minutes, 1e-9))}`)
      .join(', ');
    total += Object.values(r.faultS).reduce((a, b) => a + b, 0);
    minutes += r.minutes;
    console.log(`${pad(r.source, 36)}${pad(r.exercise, 22)}${pad(fmt(r.minutes), 6)}${f || '0'}`);
  }
  console.log(`all: ${fmt(total, 1)} s of fault in ${fmt(minutes, 1)} min = ${fmt(total / minutes)} s/min`);
}

export function evalInjected(): void {
  const results: InjectionResult[] = [];
  for (const recipe of FAULT_RECIPES)
    for (const severity of [0, 1, 2] as const)
      for (const side of ['left', 'right'] as Side[])
        for (const cameraHeightM of cameraHeightsM(recipe.exercise))
          results.push(runInjection({ recipe, severity, side, cameraHeightM }));
  console.log(`\n(b) injected faults found within ${DETECT_WITHIN_S} s (3 severities x 2 sides x 2 camera heights)`);
  console.log(
    `${pad('exercise', 22)}${pad('check', 24)}${pad('found', 8)}${pad('delay med/max s', 17)}missed (severity side height)`,
  );
  let found = 0;
  for (const recipe of FAULT_RECIPES) {
    const rs = results.filter((r) => r.recipe === recipe);
    const ok = rs.filter((r) => r.delayS !== null);
    found += ok.length;
    const d = ok.map((r) => r.delayS!).sort((a, b) => a - b);
    const missed = rs
      .filter((r) => r.delayS === null)
      .map((r) => `${r.severity + 1} ${r.side} ${r.cameraHeightM}${r.early ? ' (early)' : ''}`)
      .join('; ');
    console.log(
      `${pad(recipe.exercise, 22)}${pad(recipe.check, 24)}${pad(`${ok.length}/${rs.length}`, 8)}${pad(d.length ? `${fmt(d[Math.floor(d.length / 2)]!)}/${fmt(d[d.length - 1]!)}` : '-', 17)}${missed}`,
    );
  }
  console.log(
    `all: ${found}/${results.length} = ${fmt((100 * found) / results.length, 1)} % found within ${DETECT_WITHIN_S} s`,
  );
}

export function evalLabelledFaults(root: string): void {
  const labels = formLabels(root).faults;
  console.log('\n(c) faults seen by eye in the real footage (tests/labels/form-labels.json)');
  let found = 0;
  for (const l of labels) {
    const track = readTrack(root, l.track);
    if (!track) continue;
    const report = countTrack(track, l.exercise);
    const hits = report.faults.filter((f) => f.check === l.check && f.startS <= l.endS && f.endS >= l.startS);
    if (hits.length) found++;
    const spans = hits.map((h) => `${h.startS}-${h.endS}`).join(' ');
    console.log(
      `${pad(l.track, 34)}${pad(l.check, 24)}${pad(`${l.startS}-${l.endS}`, 12)}${pad(hits.length ? `found ${spans}` : 'MISSED', 26)}${l.seen}`,
    );
  }
  console.log(`found ${found}/${labels.length}`);
}
