import { BACKEND_CHOICES, MODEL_TYPES, type BackendChoice, type ModelType } from '../../src/pose/types.ts';

/** Options of `npm run analyze`. */
export interface AnalyzeArgs {
  readonly video: string | null;
  readonly exercise: string | null;
  readonly fps: number;
  readonly model: ModelType;
  readonly backend: Exclude<BackendChoice, 'mediapipe-gpu'> | 'mediapipe-gpu';
  readonly out: string | null;
  readonly landmarks: string | null;
  readonly fromLandmarks: string | null;
  readonly maxSeconds: number | null;
  readonly maxSide: number;
}

/** Thrown for a bad command line; the message is the one line printed on stderr. */
export class UsageError extends Error {}

export const USAGE =
  `usage: npm run analyze -- <video> [--exercise <id>] [--fps 10] [--model ${MODEL_TYPES.join('|')}] ` +
  `[--backend ${BACKEND_CHOICES.join('|')}] [--out report.json] [--landmarks track.json] ` +
  '[--from-landmarks track.json] [--max-seconds N] [--max-side 640]';

/** Parses argv (without node and script); throws UsageError naming the problem. */
export function parseAnalyzeArgs(argv: readonly string[]): AnalyzeArgs {
  const positional: string[] = [];
  const opts = new Map<string, string>();
  const valued = [
    'exercise',
    'fps',
    'model',
    'backend',
    'out',
    'landmarks',
    'from-landmarks',
    'max-seconds',
    'max-side',
  ];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const [name = '', inline] = a.slice(2).split('=', 2);
    if (!valued.includes(name)) throw new UsageError(`unknown option --${name}`);
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
    opts.set(name, value);
  }
  if (positional.length > 1) throw new UsageError(`one video at a time (got ${positional.join(', ')})`);
  const num = (name: string, dflt: number, min: number): number => {
    const raw = opts.get(name);
    if (raw === undefined) return dflt;
    const v = Number(raw);
    if (!Number.isFinite(v) || v < min) throw new UsageError(`--${name} must be a number >= ${min} (got ${raw})`);
    return v;
  };
  const model = opts.get('model') ?? 'full';
  if (!(MODEL_TYPES as readonly string[]).includes(model))
    throw new UsageError(`unknown model ${model} (${MODEL_TYPES.join(', ')})`);
  const backend = opts.get('backend') ?? 'auto';
  if (!(BACKEND_CHOICES as readonly string[]).includes(backend))
    throw new UsageError(`unknown backend ${backend} (${BACKEND_CHOICES.join(', ')})`);
  const fromLandmarks = opts.get('from-landmarks') ?? null;
  const video = positional[0] ?? null;
  if (!video && !fromLandmarks) throw new UsageError('no video given');
  return {
    video,
    exercise: opts.get('exercise') ?? null,
    fps: num('fps', 10, 0),
    model: model as ModelType,
    backend: backend as AnalyzeArgs['backend'],
    out: opts.get('out') ?? null,
    landmarks: opts.get('landmarks') ?? null,
    fromLandmarks,
    maxSeconds: opts.has('max-seconds') ? num('max-seconds', 0, 0.1) : null,
    maxSide: num('max-side', 640, 64),
  };
}
