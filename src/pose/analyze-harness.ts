import type { Backend, BackendChoice, ModelType, PoseFrame } from './types.ts';
import { createPoseDetector } from './create-detector.ts';
import type { DecodePath, FileFrame } from './file-frames.ts';
import { analyzeFrames, openVideoFrames } from './video-frames.ts';
import { openSeekedFrames } from './video-file.ts';

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
  readonly frames: PoseFrame[];
  readonly cancelled: boolean;
  readonly detectorMs: number[];
  /** Per frame, how long the detector waited for the frame source. */
  readonly waitMs: number[];
  /** From asking for the first frame to the last pose. */
  readonly analysisWallMs: number;
  /** ms from the request to the end of the first frame with a person. */
  readonly firstPoseMs: number | null;
  /** ms from the request until both the detector and the file were ready (they load side by side). */
  readonly modelLoadMs: number;
  /** Largest JS heap seen (sampled each 100 frames), MB; null where the browser does not tell. */
  readonly peakHeapMB: number | null;
}

declare global {
  interface Window {
    __spineAnalyze?: (req: AnalyzeRequest) => Promise<AnalyzeResult>;
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

/** Analyses a same-origin video URL in this page (used headlessly by `npm run analyze` and the bench). */
export async function analyzeUrl(req: AnalyzeRequest): Promise<AnalyzeResult> {
  const t0 = performance.now();
  const ac = new AbortController();
  window.__spineAnalyzeCancel = () => ac.abort();
  const blob = await (await fetch(req.url)).blob();
  const opts = { fps: req.fps, maxDurationS: req.maxDurationS, maxSide: req.maxSide, sourceFps: req.sourceFps };
  const open = async () => {
    if (!req.forceSeek) return openVideoFrames(blob, opts);
    const url = URL.createObjectURL(blob);
    const s = await openSeekedFrames(url, opts);
    return { ...s, close: () => (s.close(), URL.revokeObjectURL(url)) };
  };
  // `auto` times its candidates on a frame of this clip, so it waits for one; an explicit backend loads meanwhile
  const firstFrame = async (): Promise<FileFrame | undefined> => {
    if (req.backend !== 'auto') return undefined;
    const first = await openVideoFrames(blob, { ...opts, fps: 1, maxDurationS: 1 });
    try {
      for await (const f of first) return f;
    } finally {
      first.close();
    }
    return undefined;
  };
  const loadDetector = async () => {
    const warmup = await firstFrame();
    try {
      return await createPoseDetector({
        backend: req.backend,
        model: req.model,
        remeasure: true,
        warmupImage: warmup?.image,
      });
    } finally {
      warmup?.close();
    }
  };
  const [opened, loaded] = await Promise.allSettled([open(), loadDetector()]);
  if (opened.status === 'rejected' || loaded.status === 'rejected') {
    if (opened.status === 'fulfilled') opened.value.close();
    if (loaded.status === 'fulfilled') loaded.value.dispose();
    throw opened.status === 'rejected' ? opened.reason : (loaded as PromiseRejectedResult).reason;
  }
  const source = opened.value;
  const detector = loaded.value;
  const modelLoadMs = performance.now() - t0;
  let firstPoseMs: number | null = null;
  let peakHeapMB = heapMB();
  try {
    const { frames, timings, cancelled } = await analyzeFrames(source, detector, {
      signal: ac.signal,
      onFrame: (f, _ms, done, total) => {
        if (f.landmarks && firstPoseMs === null) firstPoseMs = performance.now() - t0;
        window.__spineAnalyzeProgress?.(done, total);
        if (done % 100 === 0) peakHeapMB = Math.max(peakHeapMB ?? 0, heapMB() ?? 0) || null;
      },
    });
    return {
      backend: detector.backend,
      model: req.model,
      decodePath: source.decodePath,
      codec: source.codec,
      sourceFps: source.sourceFps,
      durationS: source.durationS,
      width: source.width,
      height: source.height,
      frames,
      cancelled,
      detectorMs: timings.detectorMs,
      waitMs: timings.waitMs,
      analysisWallMs: timings.wallMs,
      firstPoseMs,
      modelLoadMs,
      peakHeapMB,
    };
  } finally {
    source.close();
    detector.dispose();
  }
}

/** Reads a file's sampled frames with no detector (the bench's decode-only speed): wall time and frames read. */
export async function readFramesOnly(
  req: Pick<AnalyzeRequest, 'url' | 'fps' | 'maxSide' | 'maxDurationS' | 'forceSeek' | 'sourceFps'>,
): Promise<{ decodePath: DecodePath; frames: number; wallMs: number; durationS: number }> {
  const blob = await (await fetch(req.url)).blob();
  const opts = { fps: req.fps, maxDurationS: req.maxDurationS, maxSide: req.maxSide, sourceFps: req.sourceFps };
  const url = URL.createObjectURL(blob);
  const source = req.forceSeek ? await openSeekedFrames(url, opts) : await openVideoFrames(blob, opts);
  const t0 = performance.now();
  let frames = 0;
  try {
    for await (const f of source) {
      frames++;
      f.close();
    }
    return { decodePath: source.decodePath, frames, wallMs: performance.now() - t0, durationS: source.durationS };
  } finally {
    source.close();
    URL.revokeObjectURL(url);
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
  const source = await openVideoFrames(blob, { fps: req.fps, maxSide: req.maxSide });
  const held: FileFrame[] = [];
  try {
    for await (const f of source) {
      held.push(f);
      if (held.length >= n) break;
    }
  } finally {
    source.close();
  }
  const detector = await createPoseDetector({ backend: req.backend, model: req.model });
  const ms: number[] = [];
  try {
    detector.reset();
    for (const f of held) {
      const t0 = performance.now();
      await detector.estimate(f.image, f.tMs);
      ms.push(performance.now() - t0);
    }
  } finally {
    detector.dispose();
    for (const f of held) f.close();
  }
  return ms.slice(1); // the first estimate includes the graph's warm-up
}

/** Publishes `analyzeUrl` as `window.__spineAnalyze` for the headless analyze command. */
export function installAnalyzeHarness(): void {
  window.__spineAnalyze = analyzeUrl;
  window.__spineReadFrames = readFramesOnly;
  window.__spineDetectorAlone = timeDetectorAlone;
}
