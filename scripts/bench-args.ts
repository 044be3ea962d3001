/** Command line of `npm run bench` (parsed here so that it can be tested without a browser). */
import { BACKEND_CHOICES, MODEL_TYPES, type BackendChoice, type ModelType } from '../src/pose/types.ts';
import { numberOption, parseCommandLine, UsageError } from './lib/cli-args.ts';

/** Options of `npm run bench`. */
export interface BenchArgs {
  readonly out: string | null;
  readonly clip: string | null;
  /** The video file analysed for the analysis rows (null: the default clip when the footage is there). */
  readonly video: string | null;
  /** Live rows (fake camera) and/or analysis rows (a video file decoded and analysed). */
  readonly live: boolean;
  readonly analysis: boolean;
  readonly backends: readonly BackendChoice[];
  readonly models: readonly ModelType[];
  /** Steady-state seconds measured per backend/model after the first pose. */
  readonly seconds: number;
  /** Detector input widths to compare (0 = as captured). */
  readonly inputWidths: readonly number[];
  /** > 0: one long session on the first backend/model instead of the table. */
  readonly longMinutes: number;
  readonly sampleS: number;
}

export const BENCH_USAGE =
  'usage: npm run bench -- [--out bench.json] [--clip camera.mp4] [--video analysed.mp4] [--only live|analysis] ' +
  '[--backends wasm,mediapipe-cpu,webgl,auto] [--models lite,full,heavy] [--seconds 10] [--input-widths 0,320] ' +
  '[--long-minutes 15 [--sample-s 60]]';

function list<T extends string>(v: string, allowed: readonly T[], what: string): T[] {
  const items = v.split(',').filter(Boolean);
  for (const i of items)
    if (!(allowed as readonly string[]).includes(i))
      throw new UsageError(`unknown ${what} ${i} (one of ${allowed.join(', ')})`);
  if (items.length === 0) throw new UsageError(`--${what}s needs at least one value`);
  return items as T[];
}

/** Parses argv (without node and script); throws UsageError naming the problem. */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const str = { type: 'string' } as const;
  const { values: o } = parseCommandLine(
    argv,
    {
      out: str,
      clip: str,
      video: str,
      only: str,
      backends: str,
      models: str,
      seconds: str,
      'input-widths': str,
      'long-minutes': str,
      'sample-s': str,
    },
    false,
  );
  if (o.only !== undefined && o.only !== 'live' && o.only !== 'analysis')
    throw new UsageError(`--only is live or analysis (got ${o.only})`);
  const positive = (raw: string | undefined, name: string, dflt: number) => {
    const v = numberOption(raw, name, dflt, 0);
    if (v === 0) throw new UsageError(`--${name} must be a positive number (got ${raw})`);
    return v;
  };
  return {
    out: o.out ?? null,
    clip: o.clip ?? null,
    video: o.video ?? null,
    live: o.only !== 'analysis',
    analysis: o.only !== 'live',
    backends:
      o.backends === undefined
        ? ['wasm', 'mediapipe-cpu']
        : list<BackendChoice>(o.backends, BACKEND_CHOICES, 'backend'),
    models: o.models === undefined ? ['lite', 'full'] : list<ModelType>(o.models, MODEL_TYPES, 'model'),
    seconds: positive(o.seconds, 'seconds', 10),
    inputWidths:
      o['input-widths'] === undefined
        ? [0]
        : o['input-widths'].split(',').map((w) => numberOption(w, 'input-widths', 0, 0)),
    longMinutes: o['long-minutes'] === undefined ? 0 : positive(o['long-minutes'], 'long-minutes', 0),
    sampleS: positive(o['sample-s'], 'sample-s', 60),
  };
}
