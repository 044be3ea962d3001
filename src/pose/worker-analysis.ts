/**
 * A file analysed by several workers side by side (analysis-worker.ts), each taking segments of it (segments.ts)
 * from a queue, decoding and detecting them, their poses put back together in time order. Used for the tfjs wasm
 * detector, which runs on one core; the figures per core count are in the README (Performance).
 */
import * as Comlink from 'comlink';
import type { AnalysisWorkerApi, SegmentFrame } from './analysis-worker.ts';
import type { FileAnalysis, FileAnalysisRun } from './file-analysis.ts';
import type { FrameSourceOptions, VideoFileInfo } from './file-frames.ts';
import { contiguousFrames, planSegments } from './segments.ts';
import type { ModelType } from './types.ts';

/** Most workers a file is split over: each holds its own detector and decoder (the browser's memory rose from 1.17
 * to 1.39-1.41 GB from one worker to two on the adaptx clips), and beyond 4 a laptop's cores are shared with the
 * decoders and the page. */
const MAX_WORKERS = 4;

/** How many analysis workers this device runs: one per core it reports, at most MAX_WORKERS. */
export function analysisWorkerCount(): number {
  const cores = typeof navigator === 'undefined' ? 1 : navigator.hardwareConcurrency || 1;
  return Math.max(1, Math.min(cores, MAX_WORKERS));
}

/** One analysis worker with its detector. */
interface AnalysisWorker {
  readonly api: Comlink.Remote<AnalysisWorkerApi>;
  /** Rejects when the worker itself fails (a script error, out of memory). */
  readonly failed: Promise<never>;
  terminate(): void;
}

function startWorker(backend: 'wasm' | 'webgl', model: ModelType): { worker: AnalysisWorker; loaded: Promise<void> } {
  const w = new Worker(new URL('./analysis-worker.ts', import.meta.url), { type: 'module', name: 'pose-analysis' });
  const api = Comlink.wrap<AnalysisWorkerApi>(w);
  const failed = new Promise<never>((_, reject) => {
    w.onerror = (e) => reject(new Error(e.message || 'a video analysis worker failed'));
  });
  failed.catch(() => undefined); // reported through the call that was waiting on the worker
  const worker = {
    api,
    failed,
    terminate: () => {
      api[Comlink.releaseProxy]();
      w.terminate();
    },
  };
  return { worker, loaded: Promise.race([api.load(backend, model), failed]) };
}

/** Detectors in workers, loaded once and reused for every file the page analyses. */
export interface AnalysisWorkerPool {
  readonly size: number;
  /** Resolves when every worker's detector is loaded. */
  readonly ready: Promise<void>;
  /**
   * Analyses `file` split over the workers; null when this browser cannot decode it (the caller then seeks a
   * <video> with a detector on the page). Stops early, keeping the part from the start analysed so far, when
   * `signal` aborts.
   */
  analyze(file: Blob, opts: FrameSourceOptions, run: FileAnalysisRun): Promise<FileAnalysis | null>;
  dispose(): void;
}

/** Starts `size` analysis workers, each loading a `backend`/`model` detector. */
export function startAnalysisWorkers(backend: 'wasm' | 'webgl', model: ModelType, size: number): AnalysisWorkerPool {
  const started = Array.from({ length: size }, () => startWorker(backend, model));
  const workers = started.map((s) => s.worker);
  const ready = Promise.all(started.map((s) => s.loaded)).then(() => undefined);
  let disposed = false;
  const dispose = () => {
    if (disposed) return;
    disposed = true;
    for (const w of workers) w.terminate();
  };
  ready.catch(dispose);

  async function analyze(file: Blob, opts: FrameSourceOptions, run: FileAnalysisRun): Promise<FileAnalysis | null> {
    await ready;
    const first = workers[0];
    if (!first || disposed) throw new Error('the video analysis workers were closed');
    const opened = await Promise.race([first.api.open(file, opts), first.failed]);
    if (!opened) return null;
    const info: VideoFileInfo = { ...opened, decodePath: 'webcodecs' };
    const durationS = Math.min(info.durationS, opts.maxDurationS ?? Infinity);
    const segments = planSegments(durationS, workers.length);
    const atOnce = Math.min(workers.length, segments.length);
    run.onOpened?.(info, segments.length, atOnce);
    const perSegment: SegmentFrame[][] = segments.map(() => []);
    const finished = segments.map(() => false);
    /** Which worker analyses each segment (a segment not yet started has none). */
    const runBy: (AnalysisWorker | undefined)[] = segments.map(() => undefined);
    let nextSegment = 0;
    let done = 0;
    const stopAll = () => {
      for (const w of workers) void w.api.stop().catch(() => undefined);
    };
    // the preview follows the earliest segment not finished, so its pictures run forward through the file
    const previewed = () => finished.indexOf(false);
    const movePreview = () => {
      const w = runBy[previewed()];
      if (run.withPictures && w) void w.api.showPictures(true).catch(() => undefined);
    };
    run.signal?.addEventListener('abort', stopAll, { once: true });
    const t0 = performance.now();
    /** One worker's loop: it takes the next segment from the queue until none is left. */
    const work = async (w: AnalysisWorker, first: boolean): Promise<void> => {
      if (!first) await Promise.race([w.api.open(file, opts), w.failed]);
      for (let i = nextSegment++; i < segments.length && !run.signal?.aborted; i = nextSegment++) {
        const perFrame = perSegment[i]!;
        const onFrame = (f: SegmentFrame) => {
          perFrame.push({ frame: f.frame, detectorMs: f.detectorMs, waitMs: f.waitMs });
          done++;
          run.onFrame?.(f.frame, f.detectorMs, done, info.total, f.image ?? null);
          f.image?.close();
        };
        runBy[i] = w;
        const pictures = (run.withPictures ?? false) && i === previewed();
        finished[i] = await Promise.race([w.api.analyse(segments[i]!, pictures, Comlink.proxy(onFrame)), w.failed]);
        if (finished[i]) movePreview();
      }
    };
    try {
      await Promise.all(
        workers.slice(0, atOnce).map((w, k) =>
          work(w, k === 0).catch((e: unknown) => {
            stopAll(); // one failed segment fails the file: the others stop too
            throw e;
          }),
        ),
      );
    } finally {
      run.signal?.removeEventListener('abort', stopAll);
    }
    const cancelled = run.signal?.aborted ?? false;
    const kept = cancelled ? contiguousFrames(perSegment, finished) : perSegment.flat();
    return {
      info,
      frames: kept.map((f) => f.frame),
      timings: {
        detectorMs: kept.map((f) => f.detectorMs),
        waitMs: kept.map((f) => f.waitMs),
        wallMs: performance.now() - t0,
        workers: atOnce,
      },
      cancelled,
    };
  }

  return { size, ready, analyze, dispose };
}
