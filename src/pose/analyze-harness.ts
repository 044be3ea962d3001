import type { Backend, BackendChoice, ModelType, PoseFrame } from './types.ts';
import { createPoseDetector } from './create-detector.ts';
import { analyzeVideo, estimateSourceFps, frameCanvas, loadVideo } from './video-file.ts';

/** What `npm run analyze` asks the page to do. */
export interface AnalyzeRequest {
  readonly url: string;
  readonly backend: BackendChoice;
  readonly model: ModelType;
  readonly fps: number;
  readonly sourceFps?: number;
  readonly maxDurationS?: number;
  readonly maxSide?: number;
}

/** What the page hands back: every frame plus timings measured in the page. */
export interface AnalyzeResult {
  readonly backend: Backend;
  readonly model: ModelType;
  readonly durationS: number;
  readonly width: number;
  readonly height: number;
  readonly frames: PoseFrame[];
  readonly detectorMs: number[];
  /** ms from the request (before the model loads) to the end of the first frame with a person. */
  readonly firstPoseMs: number | null;
  readonly modelLoadMs: number;
}

declare global {
  interface Window {
    __spineAnalyze?: (req: AnalyzeRequest) => Promise<AnalyzeResult>;
  }
}

/** Analyses a same-origin video URL in this page (used headlessly by `npm run analyze`). */
export async function analyzeUrl(req: AnalyzeRequest): Promise<AnalyzeResult> {
  const t0 = performance.now();
  const blob = await (await fetch(req.url)).blob();
  const objectUrl = URL.createObjectURL(blob);
  try {
    const loaded = await loadVideo(objectUrl);
    // `auto` times the candidates on a frame from the first second of the clip
    const warmupImage =
      req.backend === 'auto' ? await frameCanvas(loaded, Math.min(1, loaded.durationS / 2), req.maxSide) : undefined;
    const engine = await createPoseDetector({ backend: req.backend, model: req.model, remeasure: true, warmupImage });
    const modelLoadMs = performance.now() - t0;
    const detectorMs: number[] = [];
    let firstPoseMs: number | null = null;
    try {
      const frames = await analyzeVideo(loaded, engine, {
        fps: req.fps,
        // ffprobe's rate when the command had one, else measured in the page
        sourceFps: req.sourceFps ?? (await estimateSourceFps(loaded.video)) ?? undefined,
        maxDurationS: req.maxDurationS,
        maxSide: req.maxSide,
        onFrame: (f, ms) => {
          detectorMs.push(ms);
          if (f.landmarks && firstPoseMs === null) firstPoseMs = performance.now() - t0;
        },
      });
      return {
        backend: engine.backend,
        model: req.model,
        durationS: loaded.durationS,
        width: loaded.width,
        height: loaded.height,
        frames,
        detectorMs,
        firstPoseMs,
        modelLoadMs,
      };
    } finally {
      engine.dispose();
    }
  } finally {
    URL.revokeObjectURL(objectUrl);
  }
}

/** Publishes `analyzeUrl` as `window.__spineAnalyze` for the headless analyze command. */
export function installAnalyzeHarness(): void {
  window.__spineAnalyze = analyzeUrl;
}
