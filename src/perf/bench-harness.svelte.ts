/**
 * The page side of `npm run bench`: runs a guided session exactly as a person runs it (the app's SessionController
 * with its PoseStream: camera -> detector -> tracker -> session reducer -> its effects: cues, people check, recording,
 * storage) plus the skeleton overlay, and times each frame. A scripted person answers what the session asks (ready,
 * "this is my limit", rating, the next session), so the measurement covers setup, calibration and counting. Installed
 * on `#/bench` only (see main.ts), exposed as `window.__spineBench`. Browser-only glue; the statistics live in stats.ts.
 */
import { flushSync, mount, unmount } from 'svelte';
import SkeletonOverlay from '../ui/components/SkeletonOverlay.svelte';
import { createPoseDetector, preloadPoseDetector, type PoseDetector } from '../pose/index.ts';
import { downscaled, heapMB, snapshot, timePeopleChecks } from './bench-probes.ts';
import { startBreakdown, type StartBreakdown } from './cold-start.ts';
import type { BackendChoice, ModelType, PoseFrame } from '../pose/types.ts';
import { getExercise } from '../exercises/registry.ts';
import type { ExerciseId } from '../exercises/types.ts';
import { summarizeMs, type MsSummary } from './stats.ts';
import { SessionController } from '../state/session.svelte.ts';
import { browserSessionDeps } from '../state/session-deps.ts';

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
  /** Frames measured in each session phase (setup, start-position, calibrate, counting, ...). */
  readonly phaseFrames: Record<string, number>;
  /** MoveNet MultiPose people checks timed on the live video after the measurement (main-thread runs only). */
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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What a person does when the session waits for them: ready, accept the calibrated range, go on after a stop
 * ("reduce the movement"), rate the stretch, start the next session. */
function answerSession(session: SessionController, exercise: ExerciseId): void {
  const phase = session.state.phase;
  if (phase === 'intro') session.begin();
  else if (phase === 'calibrate') session.acceptCalibration();
  else if (phase === 'stopped') session.choose('reduce-movement');
  else if (phase === 'rating') session.rate('same', 0);
  else if (phase === 'done') session.start([getExercise(exercise)], []);
}

/** Runs a guided session on the (fake) camera and times every frame. */
export async function runBench(req: BenchRequest): Promise<BenchPageResult> {
  const t0 = performance.now();
  const paint = performance.getEntriesByName('first-contentful-paint')[0];
  const stage = document.createElement('div');
  stage.style.cssText = 'position:fixed;left:0;top:0;width:640px;height:360px;background:#000;z-index:99';
  document.body.append(stage);
  const video = document.createElement('video');
  video.style.cssText = 'position:absolute;inset:0;width:100%;height:100%;object-fit:contain;transform:scaleX(-1)';
  stage.append(video);
  const props = $state<{ frame: PoseFrame | null; mirrored: boolean }>({ frame: null, mirrored: true });
  const overlay = mount(SkeletonOverlay, { target: stage, props });

  const stageMs: Record<string, number[]> = { session: [], overlay: [] };
  const phaseFrames: Record<string, number> = {};
  let detectorMs: number[] = [];
  let pipelineMs: number[] = [];
  let measuring = false;
  let analysed = 0;
  let withPose = 0;
  let firstPoseMs: number | null = null;
  let cameraReadyMs = NaN;
  let modelReadyMs = NaN;
  let backend = 'unknown';

  const app = browserSessionDeps();
  const session: SessionController = new SessionController({
    ...app,
    preloadDetector: () => preloadPoseDetector({ backend: req.backend, model: req.model }),
    openSource: async (v) => {
      const source = await app.openSource(v);
      cameraReadyMs = performance.now() - t0;
      return source;
    },
    loadDetector: async (source) => {
      let detector: PoseDetector = await createPoseDetector({
        backend: req.backend,
        model: req.model,
        warmupImage: source.warmupImage ?? undefined,
      });
      if (req.inputWidth > 0) detector = downscaled(detector, req.inputWidth);
      modelReadyMs = performance.now() - t0;
      backend = detector.backend;
      return detector;
    },
    // the session's per-frame work is timed inside it; the overlay update is timed here, as the screen would draw it
    onFrameTiming: (detMs, sessionMs) => {
      const a = performance.now();
      props.frame = session.frame;
      flushSync();
      const overlayMs = performance.now() - a;
      if (session.frame?.landmarks) {
        withPose++;
        firstPoseMs ??= performance.now() - t0;
      }
      if (!measuring) return;
      analysed++;
      detectorMs.push(detMs);
      pipelineMs.push(sessionMs + overlayMs);
      stageMs.session?.push(sessionMs);
      stageMs.overlay?.push(overlayMs);
      phaseFrames[session.state.phase] = (phaseFrames[session.state.phase] ?? 0) + 1;
    },
  });
  session.start([getExercise(req.exercise)], []);
  const running = session.attach(video);
  const person = setInterval(() => answerSession(session, req.exercise), 250);

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

  const samples: BenchSample[] = [];
  let heapBeforeMB: number;
  let measuredS: number;
  let peopleCheckMs: number[];
  let heapAfterMB: number;
  try {
    while (firstPoseMs === null && session.cameraError === null && performance.now() - t0 < 60_000) await sleep(20);
    if (session.cameraError !== null) throw new Error(session.cameraError);
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
    // the camera closes with the session: the people check is timed on its last picture, with the detector stopped
    const still = snapshot(video);
    session.detach();
    peopleCheckMs = await timePeopleChecks(still);
  } finally {
    clearInterval(person);
    session.detach();
    await running;
    void unmount(overlay);
    stage.remove();
  }
  return {
    backend,
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
    repCount: session.state.run?.reps ?? 0,
    phaseFrames,
    peopleCheckMs,
    benchStartMs: t0,
    start: startBreakdown(),
  };
}

/** Publishes `runBench` as `window.__spineBench`. */
export function installBenchHarness(): void {
  window.__spineBench = runBench;
}
