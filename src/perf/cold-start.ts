/**
 * Where a start's time went, read from the page's performance timeline: the detector's phases (measured as
 * `pose:*` by detectors/blazepose.ts) and the fetches of the model and wasm files, all in ms from navigation start.
 */

/** One start-up phase of the detector. */
export interface StartPhase {
  readonly name: string;
  readonly backend: string;
  readonly startMs: number;
  readonly durationMs: number;
}

/** One fetch of a model or runtime file. */
export interface StartFetch {
  readonly file: string;
  readonly startMs: number;
  readonly durationMs: number;
  /** Bytes over the network (0 when served from a cache). */
  readonly transferKB: number;
}

export interface StartBreakdown {
  readonly phases: readonly StartPhase[];
  readonly fetches: readonly StartFetch[];
}

const MODEL_FILE = /\/(mediapipe\/pose|tfjs-wasm|models\/tfjs)\/[^/?]+$/;

export function startBreakdown(): StartBreakdown {
  const round = (v: number) => Math.round(v);
  const phases = performance
    .getEntriesByType('measure')
    .filter((e) => e.name.startsWith('pose:'))
    .map((e) => ({
      name: e.name.slice('pose:'.length),
      backend: String((e as PerformanceMeasure).detail?.backend ?? ''),
      startMs: round(e.startTime),
      durationMs: round(e.duration),
    }));
  const fetches = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
    .filter((e) => MODEL_FILE.test(new URL(e.name).pathname))
    .map((e) => ({
      file: new URL(e.name).pathname.split('/').slice(-2).join('/'),
      startMs: round(e.startTime),
      durationMs: round(e.duration),
      transferKB: round(e.transferSize / 1024),
    }));
  return { phases, fetches };
}
