import type { Backend, BackendChoice, ModelType, PoseFrame } from './types.ts';
import { createPoseDetector, type RgbPixels } from './create-detector.ts';
import type { DecodePath, VideoFrameSource } from './file-frames.ts';
import { createFileAnalyzer, openFileFrames, type FileOpenOptions } from './file-analysis.ts';
import { openVideoFrames } from './video-frames.ts';

/** What `npm run analyze` asks the page to do. */
export interface AnalyzeRequest {
  readonly url: string;
  readonly backend: BackendChoice;
  readonly model: ModelType;
  readonly fps: number;
  /** Frame rate from ffprobe, used only by the seeking fallback (decoding reads the container's timestamps). */
  readonly sourceFps?: number;
  readonly maxDurationS?: number;
  readonly maxSide?: number;
  /** Read frames by seeking a <video> even where WebCodecs could decode (to compare the two in the bench). */
  readonly forceSeek?: boolean;
  /** Analysis workers for wasm (each on a segment of the file); one per core (at most 4) when absent. */
  readonly workers?: number;
  /** Hand the frames back through `__spineAnalyzeFrames` in slices instead of in the result (long files: see there). */
  readonly framesBySlice?: boolean;
}

/** What the page hands back: every frame plus timings measured in the page. */
export interface AnalyzeResult {
  readonly backend: Backend;
  readonly model: ModelType;
  readonly decodePath: DecodePath;
  readonly codec: string | null;
  readonly sourceFps: number | null;
  readonly durationS: number;
  readonly width: number;
  readonly height: number;
  /** Every analysed frame; empty when asked `framesBySlice` (then fetched with `__spineAnalyzeFrames`). */
  readonly frames: PoseFrame[];
  readonly frameCount: number;
  readonly cancelled: boolean;
  readonly detectorMs: number[];
  /** Per frame, how long the detector waited for the frame source. */
  readonly waitMs: number[];
  /** Detectors that ran side by side (analysis workers, each on a segment of the file); 1 for one detector. */
  readonly workers: number;
  /** From asking for the first frame to the last pose. */
  readonly analysisWallMs: number;
  /** ms from the request to the end of the first frame with a person. */
  readonly firstPoseMs: number | null;
  /** ms from the request until the detector (or the workers' detectors) was loaded. */
  readonly modelLoadMs: number;
  /** Largest JS heap seen (sampled each 100 frames), MB; null where the browser does not tell. */
  readonly peakHeapMB: number | null;
}

declare global {
  interface Window {
    __spineAnalyze?: (req: AnalyzeRequest) => Promise<AnalyzeResult>;
    /** The last analysis's frames `from` to `to` (exclusive) as JSON, after a request with `framesBySlice`. */
    __spineAnalyzeFrames?: (from: number, to: number) => string;
    __spineReadFrames?: typeof readFramesOnly;
    __spineDetectorAlone?: typeof timeDetectorAlone;
    /** Stops the analysis in progress (the command's Ctrl-C). */
    __spineAnalyzeCancel?: () => void;
    /** Set by the command to hear progress. */
    __spineAnalyzeProgress?: (done: number, total: number) => void;
  }
  interface Performance {
    memory?: { usedJSHeapSize: number };
  }
}

const heapMB = (): number | null =>
  performance.memory ? Math.round((performance.memory.usedJSHeapSize / 2 ** 20) * 10) / 10 : null;

/** How a request opens its file. */
function fileOptions(
  req: Pick<AnalyzeRequest, 'fps' | 'maxSide' | 'maxDurationS' | 'forceSeek' | 'sourceFps'>,
): FileOpenOptions {
  const { fps, maxDurationS, maxSide, sourceFps, forceSeek } = req;
  return { fps, maxDurationS, maxSide, sourceFps, forceSeek };
}

/** A picture held beyond its frame: its copy, time and RGB values. */
interface HeldPicture {
  readonly image: ImageBitmap;
  readonly tMs: number;
  readonly rgb: RgbPixels | undefined;
}

/** Copies of the first `n` pictures of `source` (theirs are valid only while handed over), then closes it. */
async function firstPictures(source: VideoFrameSource, n: number): Promise<HeldPicture[]> {
  const held: HeldPicture[] = [];
  const ac = new AbortController();
  try {
    await source.frames(async (image, tMs, rgb) => {
      held.push({ image: await createImageBitmap(image), tMs, rgb: rgb?.slice() });
      if (held.length >= n) ac.abort();
    }, ac.signal);
  } catch (e) {
    for (const f of held) f.image.close();
    throw e;
  } finally {
    source.close();
  }
  return held;
}

/** The command hears of the progress at most this often, and of the last frame always: each report is a round trip
 * through the DevTools protocol to Node, which took CPU from the analysis it reported on when sent for every frame. */
const PROGRESS_EVERY_MS = 250;

/** Analyses a same-origin video URL in this page (used headlessly by `npm run analyze` and the bench). */
export async function analyzeUrl(req: AnalyzeRequest): Promise<AnalyzeResult> {
  const t0 = performance.now();
  const ac = new AbortController();
  window.__spineAnalyzeCancel = () => ac.abort();
  const blob = await (await fetch(req.url)).blob();
  const opts = fileOptions(req);
  // `auto` times its candidates on a frame of this clip
  const warmup =
    req.backend === 'auto'
      ? (await firstPictures(await openVideoFrames(blob, { ...opts, fps: 1, maxDurationS: 1 }), 1))[0]
      : undefined;
  let analyzer;
  try {
    analyzer = await createFileAnalyzer({
      backend: req.backend,
      model: req.model,
      remeasure: true,
      warmupImage: warmup?.image,
      workers: req.workers,
    });
  } finally {
    warmup?.image.close();
  }
  const modelLoadMs = performance.now() - t0;
  let firstPoseMs: number | null = null;
  let peakHeapMB = heapMB();
  let progressAtMs = -Infinity;
  try {
    const { info, frames, timings, cancelled } = await analyzer.analyze(blob, opts, {
      signal: ac.signal,
      onFrame: (f, _ms, done, total) => {
        if (f.landmarks && firstPoseMs === null) firstPoseMs = performance.now() - t0;
        const nowMs = performance.now();
        if (done === total || nowMs - progressAtMs >= PROGRESS_EVERY_MS) {
          progressAtMs = nowMs;
          window.__spineAnalyzeProgress?.(done, total);
        }
        if (done % 100 === 0) peakHeapMB = Math.max(peakHeapMB ?? 0, heapMB() ?? 0) || null;
      },
    });
    return {
      backend: analyzer.backend,
      model: req.model,
      decodePath: info.decodePath,
      codec: info.codec,
      sourceFps: info.sourceFps,
      durationS: info.durationS,
      width: info.width,
      height: info.height,
      frames,
      frameCount: frames.length,
      cancelled,
      detectorMs: timings.detectorMs,
      waitMs: timings.waitMs,
      workers: timings.workers,
      analysisWallMs: timings.wallMs,
      firstPoseMs,
      modelLoadMs,
      peakHeapMB,
    };
  } finally {
    analyzer.dispose();
  }
}

/** Reads a file's sampled frames with no detector (the bench's decode-only speed): wall time and frames read. */
export async function readFramesOnly(
  req: Pick<AnalyzeRequest, 'url' | 'fps' | 'maxSide' | 'maxDurationS' | 'forceSeek' | 'sourceFps'>,
): Promise<{ decodePath: DecodePath; frames: number; wallMs: number; durationS: number }> {
  const blob = await (await fetch(req.url)).blob();
  const source = await openFileFrames(blob, fileOptions(req));
  const t0 = performance.now();
  let frames = 0;
  try {
    await source.frames(() => Promise.resolve(void frames++), new AbortController().signal);
    return { decodePath: source.decodePath, frames, wallMs: performance.now() - t0, durationS: source.durationS };
  } finally {
    source.close();
  }
}

/**
 * The detector alone on the first `n` sampled frames of a file, decoded beforehand and held in memory, so nothing
 * else runs meanwhile: the bench's reference for what the analysis adds around the detector. ms per frame.
 */
export async function timeDetectorAlone(
  req: Pick<AnalyzeRequest, 'url' | 'fps' | 'maxSide' | 'backend' | 'model'>,
  n: number,
): Promise<number[]> {
  const blob = await (await fetch(req.url)).blob();
  const held = await firstPictures(await openVideoFrames(blob, { fps: req.fps, maxSide: req.maxSide }), n);
  const detector = await createPoseDetector({ backend: req.backend, model: req.model });
  const ms: number[] = [];
  try {
    detector.reset();
    for (const f of held) {
      const t0 = performance.now();
      await detector.estimate(f.image, f.tMs, f.rgb);
      ms.push(performance.now() - t0);
    }
  } finally {
    detector.dispose();
    for (const f of held) f.image.close();
  }
  return ms.slice(1); // the first estimate includes the graph's warm-up
}

/**
 * The frames of the last `framesBySlice` analysis. Handing 6000 frames (a 10-minute file) back as one result made the
 * browser build Playwright's serialized copy of every landmark object at once: +1.37 GB of browser memory for 160 s
 * (measured with 6000 synthetic frames), which was the 1.84-1.94 GB peak reported for the 10-minute file. Slices of
 * JSON text cost a few MB each; JSON gives the numbers back exactly.
 */
let heldFrames: PoseFrame[] = [];

async function analyzeUrlHeld(req: AnalyzeRequest): Promise<AnalyzeResult> {
  heldFrames = [];
  const result = await analyzeUrl(req);
  if (!req.framesBySlice) return result;
  heldFrames = result.frames;
  return { ...result, frames: [] };
}

/** Publishes `analyzeUrl` as `window.__spineAnalyze` for the headless analyze command. */
export function installAnalyzeHarness(): void {
  window.__spineAnalyze = analyzeUrlHeld;
  window.__spineAnalyzeFrames = (from, to) => JSON.stringify(heldFrames.slice(from, to));
  window.__spineReadFrames = readFramesOnly;
  window.__spineDetectorAlone = timeDetectorAlone;
}
