import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { BACKEND_CHOICES, MODEL_TYPES, type BackendChoice, type ModelType } from '../../src/pose/types.ts';

/** Thrown for a bad command line; the message is the one line printed on stderr. */
export class UsageError extends Error {}

/**
 * `util.parseArgs` with its errors turned into one short line ("unknown option --speed", "--out needs a value").
 * Every option of these commands takes a value except the ones declared boolean.
 */
export function parseCommandLine<O extends ParseArgsOptionsConfig>(
  argv: readonly string[],
  options: O,
  allowPositionals: boolean,
) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals, strict: true });
  } catch (e) {
    const code = (e as { code?: string }).code;
    const name = /'(--[\w-]+)/.exec(e instanceof Error ? e.message : '')?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown option ${name}`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(`${name} needs a value`);
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') throw new UsageError(`unexpected argument ${name}`);
    throw e;
  }
}

/** A number option: `dflt` when absent, else a finite number >= `min`. */
export function numberOption(raw: string | undefined, name: string, dflt: number, min: number): number {
  if (raw === undefined) return dflt;
  const v = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(v) || v < min)
    throw new UsageError(`--${name} must be a number >= ${min} (got ${raw})`);
  return v;
}

/** One of `allowed`, or `dflt` when absent. */
export function choiceOption<T extends string>(
  raw: string | undefined,
  what: string,
  allowed: readonly T[],
  dflt: T,
): T {
  if (raw === undefined) return dflt;
  if (!(allowed as readonly string[]).includes(raw))
    throw new UsageError(`unknown ${what} ${raw} (one of ${allowed.join(', ')})`);
  return raw as T;
}

/** Options of `npm run analyze`. */
export interface AnalyzeArgs {
  readonly video: string | null;
  readonly exercise: string | null;
  readonly fps: number;
  readonly model: ModelType;
  readonly backend: BackendChoice;
  readonly out: string | null;
  readonly landmarks: string | null;
  readonly fromLandmarks: string | null;
  readonly maxSeconds: number | null;
  readonly maxSide: number;
  /** Read frames by seeking a <video> instead of decoding (the fallback path, for comparison). */
  readonly seek: boolean;
  /** Analysis workers for the wasm backend (each on a segment of the file); 0 = one per core, at most 4. */
  readonly workers: number;
}

export const USAGE =
  'usage: npm run analyze -- <video> [--exercise <id>] [--fps 10] [--model lite|full|heavy] ' +
  `[--backend ${BACKEND_CHOICES.join('|')}] [--out report.json] [--landmarks track.json] ` +
  '[--from-landmarks track.json] [--max-seconds N] [--max-side 640] [--seek] [--workers N]';

/**
 * The default backend of the command: the one the labelled tracks were made with (tests/fixtures/tracks/README.md).
 * Not `auto`, whose choice depends on how busy the machine is at that moment: a report must not change from one
 * run to the next.
 */
export const ANALYZE_DEFAULT_BACKEND: BackendChoice = 'mediapipe-cpu';

/** Parses argv (without node and script); throws UsageError naming the problem. */
export function parseAnalyzeArgs(argv: readonly string[]): AnalyzeArgs {
  const str = { type: 'string' } as const;
  const { values: o, positionals } = parseCommandLine(
    argv,
    {
      exercise: str,
      fps: str,
      model: str,
      backend: str,
      out: str,
      landmarks: str,
      'from-landmarks': str,
      'max-seconds': str,
      'max-side': str,
      seek: { type: 'boolean' },
      workers: str,
    },
    true,
  );
  if (positionals.length > 1) throw new UsageError(`one video at a time (got ${positionals.join(', ')})`);
  const fromLandmarks = o['from-landmarks'] ?? null;
  const video = positionals[0] ?? null;
  if (!video && !fromLandmarks) throw new UsageError('no video given');
  return {
    video,
    exercise: o.exercise ?? null,
    fps: numberOption(o.fps, 'fps', 10, 0),
    model: choiceOption<ModelType>(o.model, 'model', MODEL_TYPES, 'full'),
    backend: choiceOption<BackendChoice>(o.backend, 'backend', BACKEND_CHOICES, ANALYZE_DEFAULT_BACKEND),
    out: o.out ?? null,
    landmarks: o.landmarks ?? null,
    fromLandmarks,
    maxSeconds: o['max-seconds'] === undefined ? null : numberOption(o['max-seconds'], 'max-seconds', 0, 0.1),
    maxSide: numberOption(o['max-side'], 'max-side', 640, 64),
    seek: o.seek ?? false,
    workers: Math.round(numberOption(o.workers, 'workers', 0, 0)),
  };
}
