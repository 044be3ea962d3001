/**
 * Analysing a video file, the one entry point the video page and `npm run analyze` share. The tfjs wasm detector runs
 * in analysis workers, one segment of the file each, side by side (worker-analysis.ts); the other backends
 * (MediaPipe's runtime needs a page; WebGL has one GPU) run one detector on the page over the decoded frames
 * (video-frames.ts). A file the browser cannot decode is sought in a <video> by a detector on the page, whichever the
 * backend.
 */
import { chooseAutoBackend, createPoseDetector, type PoseDetector, type PoseImage } from './create-detector.ts';
import { createBlazePoseDetector } from './detectors/blazepose.ts';
import { fileFrameSource, type FrameSourceOptions, type VideoFileInfo, type VideoFrameSource } from './file-frames.ts';
import type { Backend, BackendChoice, ModelType, PoseFrame } from './types.ts';
import { analyzeFrames, openVideoFrames, type FrameTimings } from './video-frames.ts';
import { openSeekedFrames } from './video-file.ts';
import { analysisWorkerCount, startAnalysisWorkers, type AnalysisWorkerPool } from './worker-analysis.ts';

/** How a file is opened. */
export interface FileOpenOptions extends FrameSourceOptions {
  /** Frame rate from ffprobe, used only by the seeking fallback (decoding reads the container's timestamps). */
  readonly sourceFps?: number;
  /** Read frames by seeking a <video> even where WebCodecs could decode (to compare the two in the bench). */
  readonly forceSeek?: boolean;
}

/** What one analysis run reports as it goes. */
export interface FileAnalysisRun {
  readonly signal?: AbortSignal;
  /** The file is open: what it is, in how many parts it is analysed, and how many of them at a time. */
  readonly onOpened?: (info: VideoFileInfo, parts: number, atOnce: number) => void;
  /** Hand each frame's picture to `onFrame` where one can be shown in order (a preview); the command needs none. */
  readonly withPictures?: boolean;
  /** Each analysed frame (in time order within a segment), the frames done so far, and, when asked `withPictures`
   * and the frame is of the part a preview follows (the earliest segment not yet finished, so that the preview runs
   * forward through the file), its picture, valid during the call only. */
  readonly onFrame?: (
    frame: PoseFrame,
    detectorMs: number,
    done: number,
    total: number,
    image: PoseImage | null,
  ) => void;
}

/** A finished (or cancelled) analysis. */
export interface FileAnalysis {
  readonly info: VideoFileInfo;
  /** Every analysed frame in time order; after a cancel, those from the start up to the first gap. */
  readonly frames: PoseFrame[];
  readonly timings: FrameTimings;
  readonly cancelled: boolean;
}

/** A detector (or detectors in workers) ready to analyse files, kept between files. */
export interface FileAnalyzer {
  readonly backend: Backend;
  readonly model: ModelType;
  analyze(file: Blob, opts: FileOpenOptions, run?: FileAnalysisRun): Promise<FileAnalysis>;
  dispose(): void;
}

/** Options of `createFileAnalyzer`. */
export interface FileAnalyzerOptions {
  readonly backend: BackendChoice;
  readonly model: ModelType;
  readonly onProgress?: (msg: string) => void;
  /** Time the `auto` candidates again instead of reading the remembered choice. */
  readonly remeasure?: boolean;
  /** What `auto` times its candidates on (a frame of the file to analyse, else a blank picture). */
  readonly warmupImage?: PoseImage;
  /** Analysis workers for wasm; one per core (at most 4) when absent. */
  readonly workers?: number;
}

/** A file's frames, decoded (or sought where it cannot be decoded); `forceSeek` seeks even where it could decode. */
export async function openFileFrames(blob: Blob, opts: FileOpenOptions): Promise<VideoFrameSource> {
  if (!opts.forceSeek) return openVideoFrames(blob, opts);
  const url = URL.createObjectURL(blob);
  const s = await openSeekedFrames(url, opts);
  return fileFrameSource({
    ...s,
    [Symbol.asyncIterator]: s[Symbol.asyncIterator],
    close: () => (s.close(), URL.revokeObjectURL(url)),
  });
}

/** One detector on the page over the file's frames. */
async function analyzeOnPage(
  detector: PoseDetector,
  file: Blob,
  opts: FileOpenOptions,
  run: FileAnalysisRun,
): Promise<FileAnalysis> {
  const source = await openFileFrames(file, opts);
  try {
    run.onOpened?.(source, 1, 1);
    const { frames, timings, cancelled } = await analyzeFrames(source, detector, {
      signal: run.signal,
      onFrame: (f, ms, done, total, image) => run.onFrame?.(f, ms, done, total, image),
    });
    return { info: source, frames, timings, cancelled };
  } finally {
    source.close();
  }
}

function pageAnalyzer(detector: PoseDetector): FileAnalyzer {
  return {
    backend: detector.backend,
    model: detector.model,
    analyze: (file, opts, run = {}) => analyzeOnPage(detector, file, opts, run),
    dispose: () => detector.dispose(),
  };
}

function workerAnalyzer(pool: AnalysisWorkerPool, model: ModelType): FileAnalyzer {
  // for files the browser cannot decode: seeking needs a <video>, which only the page has
  let onPage: Promise<PoseDetector> | null = null;
  const pageDetector = () => (onPage ??= createBlazePoseDetector('wasm', model));
  return {
    backend: 'wasm',
    model,
    async analyze(file, opts, run = {}) {
      const inWorkers = opts.forceSeek ? null : await pool.analyze(file, opts, run);
      return inWorkers ?? analyzeOnPage(await pageDetector(), file, opts, run);
    },
    dispose() {
      pool.dispose();
      void onPage?.then(
        (d) => d.dispose(),
        () => undefined,
      );
    },
  };
}

/**
 * Loads what analyses files with `backend`/`model`: analysis workers for wasm (also when `auto` picks it), where the
 * browser has workers and WebCodecs; else one detector on the page.
 */
export async function createFileAnalyzer(opts: FileAnalyzerOptions): Promise<FileAnalyzer> {
  let backend: BackendChoice = opts.backend;
  if (backend === 'auto') {
    const choice = await chooseAutoBackend(opts.model, opts.onProgress, opts.remeasure, opts.warmupImage);
    if (choice.detector && choice.backend !== 'wasm') return pageAnalyzer(choice.detector);
    choice.detector?.dispose();
    backend = choice.backend;
  }
  const workers =
    typeof Worker === 'undefined' || typeof VideoDecoder === 'undefined' ? 0 : (opts.workers ?? analysisWorkerCount());
  if (backend === 'wasm' && workers > 0) {
    opts.onProgress?.(`loading BlazePose ${opts.model} on wasm in ${workers} workers…`);
    const pool = startAnalysisWorkers('wasm', opts.model, workers);
    await pool.ready;
    return workerAnalyzer(pool, opts.model);
  }
  return pageAnalyzer(await createPoseDetector({ ...opts, backend }));
}
