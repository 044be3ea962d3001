/**
 * The page side of `npm run bench`: runs the real live pipeline (camera -> runPoseLoop -> engine tracker -> setup
 * check -> cues -> skeleton overlay -> session recorder) in this page and times each stage. Installed on `#/bench` only
 * (see main.ts), exposed as `window.__spineBench`. Browser-only glue; the statistics live in stats.ts.
 */
import { flushSync, mount, unmount } from 'svelte';
import SkeletonOverlay from '../ui/components/SkeletonOverlay.svelte';
import {
  createPeopleCounter,
  createPoseDetector,
  openCamera,
  preloadPoseDetector,
  runPoseLoop,
  type PoseDetector,
} from '../pose/index.ts';
import type { BackendChoice, ModelType, PoseFrame } from '../pose/types.ts';
import { createTracker } from '../exercises/registry.ts';
import type { EngineEvent, ExerciseId, TrackerUpdate } from '../exercises/types.ts';
import { checkSetup } from '../coach/setup-check.ts';
import { cuesFor, standingCue } from '../coach/cues.ts';
import { INITIAL_CUE_THROTTLE, offerCue } from '../coach/cue-throttle.ts';
import { summarizeMs, type MsSummary } from './stats.ts';
import { startBreakdown, type StartBreakdown } from './cold-start.ts';
import { SessionRecorder } from '../sessions/recording.ts';

/** What the bench script asks for. */
export interface BenchRequest {
  readonly backend: BackendChoice;
  readonly model: ModelType;
  /** Seconds of steady-state measurement after the first pose. */
  readonly seconds: number;
  readonly exercise: ExerciseId;
  /** Downscale camera frames to this width before the detector (0 = as captured). */
  readonly inputWidth: number;
  /** Long session: sample heap and detector time every `sampleS` seconds for `longMinutes` minutes. */
  readonly longMinutes: number;
  readonly sampleS: number;
}

/** One long-session sample. */
export interface BenchSample {
  readonly minute: number;
  readonly heapMB: number;
  readonly detector: MsSummary;
  readonly pipeline: MsSummary;
  readonly framesAnalysed: number;
}

/** What the page reports back (raw enough that the script computes the ratios). */
export interface BenchPageResult {
  readonly backend: string;
  readonly model: ModelType;
  readonly inputWidth: number;
  readonly videoWidth: number;
  readonly videoHeight: number;
  readonly shellPaintMs: number | null;
  readonly cameraReadyMs: number;
  readonly modelReadyMs: number;
  readonly firstPoseMs: number | null;
  readonly detectorMs: number[];
  readonly pipelineMs: number[];
  readonly stageMs: Record<string, number[]>;
  readonly framesAnalysed: number;
  readonly framesWithPose: number;
  readonly framesPresented: number;
  readonly measuredS: number;
  readonly rafCount: number;
  readonly rafGapP90Ms: number;
  readonly heapBeforeMB: number;
  readonly heapAfterMB: number;
  readonly samples: BenchSample[];
  readonly repCount: number;
  /** Where this start's time went (detector phases and model fetches, ms from navigation start; the bench itself
   * started at `benchStartMs`, the origin of cameraReadyMs, modelReadyMs and firstPoseMs). */
  readonly start: StartBreakdown;
  readonly benchStartMs: number;
  /** MoveNet MultiPose people checks timed on the live video after the measurement. */
  readonly peopleCheckMs: number[];
}

declare global {
  interface Window {
    __spineBench?: (req: BenchRequest) => Promise<BenchPageResult>;
    gc?: () => void;
  }
  interface Performance {
    memory?: { usedJSHeapSize: number };
  }
}

/** Live JS heap in MB after a forced full GC (Chromium with --js-flags=--expose-gc; else as it stands). */
function heapMB(): number {
  window.gc?.();
  window.gc?.();
  return (performance.memory?.usedJSHeapSize ?? NaN) / 2 ** 20;
}

/** Wraps an engine so each frame is first drawn into a `width`-pixel-wide canvas (timed as detector work). */
function downscaled(inner: PoseDetector, width: number): PoseDetector {
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  return {
    backend: inner.backend,
    model: inner.model,
    estimate(image, tMs) {
      const w = image instanceof HTMLVideoElement ? image.videoWidth : image.width;
      const h = image instanceof HTMLVideoElement ? image.videoHeight : image.height;
      if (!ctx || w <= width) return inner.estimate(image, tMs);
      canvas.width = width;
      canvas.height = Math.round((h * width) / w);
      ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
      return inner.estimate(canvas, tMs);
    },
    reset: () => inner.reset(),
    dispose: () => inner.dispose(),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The session's recorder hands a stretch's frames to storage when the stretch ends: the longest stretch (back
 * block, 3-5 cycles of a 60 s hold) lasts about 5 minutes. */
const STRETCH_MS = 5 * 60_000;

/** Runs the live pipeline on the (fake) camera and times every stage. */
export async function runBench(req: BenchRequest): Promise<BenchPageResult> {
  const t0 = performance.now();
  const paint = performance.getEntriesByName('first-contentful-paint')[0];
  const stage = document.createElement('div');
  stage.style.cssText = 'position:fixed;left:0;top:0;width:640px;height:360px;background:#000;z-index:99';
  document.body.append(stage);
  preloadPoseDetector({ backend: req.backend, model: req.model }); // as the app does: loads while the camera opens
  const cam = await openCamera();
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.style.cssText = 'position:absolute;inset:0;width:100%;height:100%;object-fit:contain;transform:scaleX(-1)';
  cam.video.pause();
  video.srcObject = cam.video.srcObject;
  stage.append(video);
  await video.play();
  const cameraReadyMs = performance.now() - t0;
  const props = $state<{ frame: PoseFrame | null; mirrored: boolean }>({ frame: null, mirrored: true });
  const overlay = mount(SkeletonOverlay, { target: stage, props });
  let engine: PoseDetector = await createPoseDetector({ backend: req.backend, model: req.model, warmupImage: video });
  if (req.inputWidth > 0) engine = downscaled(engine, req.inputWidth);
  const modelReadyMs = performance.now() - t0;

  const tracker = createTracker(req.exercise);
  const def = tracker.definition;
  let throttle = INITIAL_CUE_THROTTLE;
  let prev: TrackerUpdate | null = null;
  const recorder = new SessionRecorder();
  let stretchStartMs = performance.now();
  const events: EngineEvent[] = [];
  const stageMs: Record<string, number[]> = { tracker: [], cues: [], overlay: [], recording: [] };
  let detectorMs: number[] = [];
  let pipelineMs: number[] = [];
  let measuring = false;
  let analysed = 0;
  let withPose = 0;
  let firstPoseMs: number | null = null;
  let lastTiming = 0;

  const onFrame = (f: PoseFrame) => {
    const a = performance.now();
    const u = tracker.step(f);
    checkSetup(f, u, def);
    const b = performance.now();
    for (const c of cuesFor(u, prev, def)) throttle = offerCue(throttle, c, a).state;
    standingCue(u, def);
    prev = u;
    const c = performance.now();
    props.frame = f;
    flushSync();
    const d = performance.now();
    recorder.add(req.exercise, f);
    if (d - stretchStartMs > STRETCH_MS) {
      recorder.take(req.exercise, 'bench', { backend: engine.backend, model: req.model }); // the app writes it to IndexedDB
      stretchStartMs = d;
    }
    events.push(...u.events);
    const e = performance.now();
    if (f.landmarks) {
      withPose++;
      firstPoseMs ??= e - t0;
    }
    if (!measuring) return;
    analysed++;
    detectorMs.push(lastTiming);
    pipelineMs.push(e - a);
    stageMs.tracker?.push(b - a);
    stageMs.cues?.push(c - b);
    stageMs.overlay?.push(d - c);
    stageMs.recording?.push(e - d);
  };

  // camera frames presented while measuring, and main-thread animation frames (does the UI keep its rate?)
  // metadata.presentedFrames counts every frame the camera handed to the compositor, also those that arrived while
  // the main thread was busy (for which no callback runs)
  let presentedAtStart: number | null = null;
  let presentedNow = 0;
  let rafCount = 0;
  const rafGaps: number[] = [];
  let lastRaf = 0;
  const countPresented = (_now: number, meta: VideoFrameCallbackMetadata) => {
    if (measuring) {
      presentedAtStart ??= meta.presentedFrames - 1;
      presentedNow = meta.presentedFrames;
    }
    video.requestVideoFrameCallback(countPresented);
  };
  video.requestVideoFrameCallback(countPresented);
  const raf = (now: number) => {
    if (measuring) {
      rafCount++;
      if (lastRaf) rafGaps.push(now - lastRaf);
    }
    lastRaf = now;
    requestAnimationFrame(raf);
  };
  requestAnimationFrame(raf);

  const ac = new AbortController();
  const loop = runPoseLoop(video, engine, onFrame, ac.signal, (ms) => (lastTiming = ms));
  const samples: BenchSample[] = [];
  let heapBeforeMB: number;
  let measuredS: number;
  let peopleCheckMs: number[];
  let heapAfterMB: number;
  try {
    while (firstPoseMs === null && performance.now() - t0 < 60_000) await sleep(20);
    await sleep(1000); // one second to settle after the first pose (JIT, caches)
    heapBeforeMB = heapMB();
    measuring = true;
    const m0 = performance.now();
    if (req.longMinutes > 0) {
      const sampleMs = req.sampleS * 1000;
      for (let i = 1; i * sampleMs <= req.longMinutes * 60_000; i++) {
        await sleep(m0 + i * sampleMs - performance.now());
        samples.push({
          minute: (i * sampleMs) / 60_000,
          heapMB: heapMB(),
          detector: summarizeMs(detectorMs),
          pipeline: summarizeMs(pipelineMs),
          framesAnalysed: detectorMs.length,
        });
        detectorMs = [];
        pipelineMs = [];
        for (const k of Object.keys(stageMs)) stageMs[k] = [];
      }
    } else {
      await sleep(req.seconds * 1000);
    }
    measuring = false;
    measuredS = (performance.now() - m0) / 1000;
    heapAfterMB = heapMB(); // before the people check below loads its own model
    ac.abort();
    await loop.catch(() => undefined);
    peopleCheckMs = await timePeopleChecks(video);
  } finally {
    ac.abort();
    await loop.catch(() => undefined);
    engine.dispose();
    cam.stop();
    void unmount(overlay);
    stage.remove();
  }
  return {
    backend: engine.backend,
    model: req.model,
    inputWidth: req.inputWidth,
    videoWidth: video.videoWidth,
    videoHeight: video.videoHeight,
    shellPaintMs: paint ? paint.startTime : null,
    cameraReadyMs,
    modelReadyMs,
    firstPoseMs,
    detectorMs,
    pipelineMs,
    stageMs,
    framesAnalysed: analysed,
    framesWithPose: withPose,
    framesPresented: presentedNow - (presentedAtStart ?? presentedNow),
    measuredS,
    rafCount,
    rafGapP90Ms: summarizeMs(rafGaps).p90,
    heapBeforeMB,
    heapAfterMB,
    samples,
    repCount: prev === null ? 0 : (prev as TrackerUpdate).repCount,
    peopleCheckMs,
    benchStartMs: t0,
    start: startBreakdown(),
  };
}

/** Times the session's people check (one warm-up call, then 5) on the live video, with the detector stopped. */
async function timePeopleChecks(video: HTMLVideoElement): Promise<number[]> {
  const counter = await createPeopleCounter();
  try {
    await counter.scores(video);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await counter.scores(video);
      times.push(performance.now() - t0);
    }
    return times;
  } finally {
    counter.dispose();
  }
}

/** Publishes `runBench` as `window.__spineBench`. */
export function installBenchHarness(): void {
  window.__spineBench = runBench;
}
