/**
 * Checks a session record read from a file, field by field, and rebuilds it from the checked fields only (nothing
 * the app does not know is stored). A problem throws a FileProblem whose message says where, for the importer to
 * show. Pure.
 */
import { EXERCISE_IDS } from '../../exercises/registry.ts';
import type { ExerciseId } from '../../exercises/types.ts';
import type { CheckId } from '../../exercises/checks/types.ts';
import type { Relief, SessionRecord, SideKey, StopChoice, StopRecord, StretchResult } from '../types.ts';

/** Why a session file cannot be imported, in a sentence for the person. */
export class FileProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileProblem';
  }
}

type Obj = Record<string, unknown>;

const damaged = (path: string, want: string) =>
  new FileProblem(`This session file is damaged: in its session record, ${path} is missing or not ${want}.`);

function obj(v: unknown, path: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw damaged(path, 'a set of fields');
  return v as Obj;
}
function arr(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) throw damaged(path, 'a list');
  return v;
}
function num(v: unknown, path: string, min = -Infinity, max = Infinity): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max)
    throw damaged(path, `a number${min > -Infinity ? ` from ${min}` : ''}${max < Infinity ? ` to ${max}` : ''}`);
  return v;
}
function count(v: unknown, path: string): number {
  if (!Number.isInteger(v) || (v as number) < 0) throw damaged(path, 'a whole number, 0 or more');
  return v as number;
}
function str(v: unknown, path: string, pattern?: RegExp): string {
  if (typeof v !== 'string' || v.length === 0 || v.length > 200 || (pattern && !pattern.test(v)))
    throw damaged(path, 'a valid text');
  return v;
}
function oneOf<T extends string>(v: unknown, options: readonly T[], path: string): T {
  if (!options.includes(v as T)) throw damaged(path, `one of ${options.join(', ')}`);
  return v as T;
}
const orNull = <T>(v: unknown, read: (v: unknown) => T): T | null => (v === null ? null : read(v));
function isoDate(v: unknown, path: string): string {
  const s = str(v, path);
  if (!Number.isFinite(Date.parse(s))) throw damaged(path, 'a date');
  return s;
}

const SIDES: readonly SideKey[] = ['left', 'right', 'none'];
const RELIEFS: readonly Relief[] = ['better', 'same', 'worse'];
const CHOICES: readonly StopChoice[] = ['change-technique', 'reduce-movement', 'next-stretch'];

/** A stretch id this app knows; an unknown one (a newer app's stretch, or a foreign file) is its own problem. */
export function knownExercise(v: unknown, path: string): ExerciseId {
  if (typeof v !== 'string') throw damaged(path, 'a stretch id');
  if (!EXERCISE_IDS.includes(v as ExerciseId))
    throw new FileProblem(
      `This session file has a stretch this version of Spine Coach does not know (“${v.slice(0, 60)}”): it may come from a newer version. Update the app and try again.`,
    );
  return v as ExerciseId;
}

function bySide(v: unknown, path: string): { left: number | null; right: number | null; none: number | null } {
  const o = obj(v, path);
  const side = (k: SideKey) => orNull(o[k], (x) => num(x, `${path}.${k}`));
  return { left: side('left'), right: side('right'), none: side('none') };
}

function stop(v: unknown, path: string, exercise: ExerciseId): StopRecord {
  const o = obj(v, path);
  return {
    exercise: oneOf(o.exercise, [exercise], `${path}.exercise`),
    reason: oneOf(o.reason, ['over-range', 'pain'] as const, `${path}.reason`),
    rep: count(o.rep, `${path}.rep`),
    side: oneOf(o.side, SIDES, `${path}.side`),
    depth: orNull(o.depth, (x) => num(x, `${path}.depth`)),
    limit: orNull(o.limit, (x) => num(x, `${path}.limit`)),
    sessionMs: num(o.sessionMs, `${path}.sessionMs`, 0),
    atIso: isoDate(o.atIso, `${path}.atIso`),
    choice: orNull(o.choice, (x) => oneOf(x, CHOICES, `${path}.choice`)),
  };
}

function faults(v: unknown, path: string): Partial<Record<CheckId, number>> {
  const o = obj(v, path);
  return Object.fromEntries(Object.entries(o).map(([k, n]) => [str(k, path), count(n, `${path}.${k}`)]));
}

function stretch(v: unknown, path: string): StretchResult {
  const o = obj(v, path);
  const exercise = knownExercise(o.exercise, `${path}.exercise`);
  const sides = obj(o.repsBySide, `${path}.repsBySide`);
  return {
    exercise,
    reps: count(o.reps, `${path}.reps`),
    repsBySide: {
      left: count(sides.left, `${path}.repsBySide.left`),
      right: count(sides.right, `${path}.repsBySide.right`),
    },
    holds: arr(o.holds, `${path}.holds`).map((h, i) => {
      const ho = obj(h, `${path}.holds[${i}]`);
      return {
        side: oneOf(ho.side, SIDES, `${path}.holds[${i}].side`),
        heldS: num(ho.heldS, `${path}.holds[${i}].heldS`, 0),
      };
    }),
    peakDepth: bySide(o.peakDepth, `${path}.peakDepth`),
    unit: oneOf(o.unit, ['deg', 'ratio'] as const, `${path}.unit`),
    calibrated: bySide(o.calibrated, `${path}.calibrated`),
    stops: arr(o.stops, `${path}.stops`).map((s, i) => stop(s, `${path}.stops[${i}]`, exercise)),
    relief: orNull(o.relief, (x) => oneOf(x, RELIEFS, `${path}.relief`)),
    pain: orNull(o.pain, (x) => num(x, `${path}.pain`, 0, 10)),
    durationS: num(o.durationS, `${path}.durationS`, 0),
    ...(o.faults === undefined ? {} : { faults: faults(o.faults, `${path}.faults`) }),
  };
}

/** The session record in `v`, checked and rebuilt; throws FileProblem saying what is wrong. */
export function checkSessionRecord(v: unknown): SessionRecord {
  const o = obj(v, 'the record');
  return {
    id: str(o.id, 'id'),
    startedIso: isoDate(o.startedIso, 'startedIso'),
    day: str(o.day, 'day', /^\d{4}-\d{2}-\d{2}$/),
    durationS: num(o.durationS, 'durationS', 0),
    stretches: arr(o.stretches, 'stretches').map((s, i) => stretch(s, `stretches[${i}]`)),
  };
}
