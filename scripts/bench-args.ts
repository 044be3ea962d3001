/** Command line of `npm run bench` (parsed here so that it can be tested without a browser). */
import { BACKEND_CHOICES, MODEL_TYPES, type BackendChoice, type ModelType } from '../src/pose/types.ts';

/** Options of `npm run bench`. */
export interface BenchArgs {
  readonly out: string | null;
  readonly clip: string | null;
  readonly backends: readonly BackendChoice[];
  readonly models: readonly ModelType[];
  /** Steady-state seconds measured per backend/model after the first pose. */
  readonly seconds: number;
  /** Also run wasm in a Web Worker and compare with the main thread. */
  readonly worker: boolean;
  /** Detector input widths to compare (0 = as captured). */
  readonly inputWidths: readonly number[];
  /** > 0: one long session on the first backend/model instead of the table. */
  readonly longMinutes: number;
  readonly sampleS: number;
}

export class BenchUsageError extends Error {}

export const BENCH_USAGE =
  'usage: npm run bench -- [--out bench.json] [--clip video.mp4] [--backends wasm,mediapipe-cpu,webgl,auto] ' +
  '[--models lite,full,heavy] [--seconds 10] [--worker] [--input-widths 0,320] [--long-minutes 15 [--sample-s 60]]';

const VALUED = ['out', 'clip', 'backends', 'models', 'seconds', 'input-widths', 'long-minutes', 'sample-s'];

function list<T extends string>(v: string, allowed: readonly T[], what: string): T[] {
  const items = v.split(',').filter(Boolean);
  for (const i of items)
    if (!(allowed as readonly string[]).includes(i))
      throw new BenchUsageError(`unknown ${what} ${i} (one of ${allowed.join(', ')})`);
  if (items.length === 0) throw new BenchUsageError(`--${what}s needs at least one value`);
  return items as T[];
}

function positive(v: string, name: string, allowZero = false): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0 || (!allowZero && n === 0))
    throw new BenchUsageError(`--${name} needs a ${allowZero ? 'non-negative' : 'positive'} number, not ${v}`);
  return n;
}

/** Parses argv (without node and script); throws BenchUsageError naming the problem. */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const o = {
    out: null as string | null,
    clip: null as string | null,
    backends: ['wasm', 'mediapipe-cpu'] as BackendChoice[],
    models: ['lite', 'full'] as ModelType[],
    seconds: 10,
    worker: false,
    inputWidths: [0] as number[],
    longMinutes: 0,
    sampleS: 60,
  };
  for (let i = 0; i < argv.length; i++) {
    const [name = '', inline] = (argv[i] as string).replace(/^--/, '').split('=', 2);
    if (!(argv[i] as string).startsWith('--')) throw new BenchUsageError(`unexpected argument ${argv[i]}`);
    if (name === 'worker') {
      o.worker = true;
      continue;
    }
    if (!VALUED.includes(name)) throw new BenchUsageError(`unknown option --${name}`);
    const v = inline ?? argv[++i];
    if (v === undefined) throw new BenchUsageError(`--${name} needs a value`);
    if (name === 'out') o.out = v;
    else if (name === 'clip') o.clip = v;
    else if (name === 'backends') o.backends = list(v, BACKEND_CHOICES, 'backend');
    else if (name === 'models') o.models = list(v, MODEL_TYPES, 'model');
    else if (name === 'seconds') o.seconds = positive(v, name);
    else if (name === 'input-widths') o.inputWidths = v.split(',').map((w) => positive(w, name, true));
    else if (name === 'long-minutes') o.longMinutes = positive(v, name);
    else if (name === 'sample-s') o.sampleS = positive(v, name);
    else throw new BenchUsageError(`unknown option --${name}`);
  }
  return o;
}
