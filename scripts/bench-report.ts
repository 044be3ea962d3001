/** Turns what the bench page measured into the report row (ratios computed within one run) and a text table. */
import type { BenchPageResult, BenchSample } from '../src/perf/bench-harness.svelte.ts';
import { droppedFrames, fpsFromMs, growthRatio, ratio, round, summarizeMs } from '../src/perf/stats.ts';
import { PEOPLE_CHECK_COUNTING_MS } from '../src/coach/people-check.ts';

/** Where one start's time went, ms from the bench starting on the page (camera, detector phases, model fetches). */
export interface StartSummary {
  readonly cameraReadyMs: number | null;
  /** Per phase (runtime: wasm fetch + compile or mediapipe's runtime and graph; model: tfjs graph models;
   * first-estimate: graph set-up and first inference), summed over the candidates `auto` loads. */
  readonly phaseMs: Record<string, number>;
  /** How many detectors were created (auto on a first visit loads each candidate). */
  readonly detectorsLoaded: number;
  readonly modelReadyMs: number | null;
  readonly firstPoseMs: number | null;
  /** Model and runtime files fetched before the first pose: count, MB over the network, and the span they took. */
  readonly files: number;
  readonly fetchedMB: number;
  readonly fetchSpanMs: number | null;
}

export function startSummary(r: BenchPageResult): StartSummary {
  const end = r.benchStartMs + (r.firstPoseMs ?? Infinity);
  const phaseMs: Record<string, number> = {};
  const phases = r.start.phases.filter((p) => p.startMs >= r.benchStartMs - 1 && p.startMs <= end);
  for (const p of phases) phaseMs[p.name] = (phaseMs[p.name] ?? 0) + p.durationMs;
  const fetches = r.start.fetches.filter((f) => f.startMs <= end);
  const from = Math.min(...fetches.map((f) => f.startMs));
  const to = Math.max(...fetches.map((f) => f.startMs + f.durationMs));
  return {
    cameraReadyMs: round(r.cameraReadyMs, 0),
    phaseMs,
    detectorsLoaded: phases.filter((p) => p.name === 'runtime').length,
    modelReadyMs: round(r.modelReadyMs, 0),
    firstPoseMs: round(r.firstPoseMs ?? NaN, 0),
    files: fetches.length,
    fetchedMB: round(fetches.reduce((a, f) => a + f.transferKB, 0) / 1024, 1) ?? 0,
    fetchSpanMs: fetches.length ? round(to - from, 0) : null,
  };
}

/** "camera 310, runtime 420, model 650, first-estimate 480 (2 detectors), first pose 1890 ms; 5 files, 9.4 MB in 700 ms" */
export function formatStart(s: StartSummary): string {
  const phases = Object.entries(s.phaseMs)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return (
    `camera ${s.cameraReadyMs ?? '-'}, ${phases} (${s.detectorsLoaded} detector${s.detectorsLoaded === 1 ? '' : 's'}), ` +
    `model ready ${s.modelReadyMs ?? '-'}, first pose ${s.firstPoseMs ?? '-'} ms; ${s.files} files, ${s.fetchedMB} MB ` +
    `fetched in ${s.fetchSpanMs ?? '-'} ms`
  );
}

/** One line of the bench report (JSON keys required by issue 5 plus the detail behind them). */
export interface BenchRow {
  readonly backend: string;
  readonly requestedBackend: string;
  readonly model: string;
  readonly inputWidth: number;
  readonly detectorMsMedian: number | null;
  readonly detectorMsP90: number | null;
  readonly detectorFps: number | null;
  readonly loopFps: number | null;
  readonly pipelineMsMedian: number | null;
  readonly pipelineMsP90: number | null;
  readonly stageMsMedian: Record<string, number | null>;
  /** Frames measured in each phase of the guided session the bench runs. */
  readonly phaseFrames: Record<string, number>;
  readonly overheadRatio: number | null;
  readonly firstPoseMs: number | null;
  readonly firstPoseMsCold: number | null;
  readonly modelReadyMs: number | null;
  readonly modelReadyMsCold: number | null;
  readonly shellPaintMs: number | null;
  readonly shellPaintMsCold: number | null;
  readonly framesPresented: number;
  readonly framesAnalysed: number;
  readonly framesDropped: number;
  readonly poseRate: number | null;
  readonly uiFps: number | null;
  readonly uiFrameGapP90Ms: number | null;
  readonly heapBeforeMB: number | null;
  readonly heapAfterMB: number | null;
  readonly heapGrowthRatio: number | null;
  /** One MoveNet MultiPose people check, and its cost while stretching (one every 30 s) against the detector's. */
  readonly startCold: StartSummary;
  readonly startWarm: StartSummary;
  readonly peopleCheckMsMedian: number | null;
  readonly peopleCheckRatio: number | null;
  readonly samples?: readonly {
    minute: number;
    heapMB: number | null;
    detectorMsMedian: number | null;
    pipelineMsMedian: number | null;
    frames: number;
  }[];
}

function longSamples(samples: readonly BenchSample[]): BenchRow['samples'] {
  return samples.map((s) => ({
    minute: s.minute,
    heapMB: round(s.heapMB, 2),
    detectorMsMedian: round(s.detector.median),
    pipelineMsMedian: round(s.pipeline.median, 3),
    frames: s.framesAnalysed,
  }));
}

/** The report row of one backend/model from its cold start and its warm (measured) start. */
export function benchRow(requestedBackend: string, cold: BenchPageResult, warm: BenchPageResult): BenchRow {
  const det = summarizeMs(warm.detectorMs);
  const pipe = summarizeMs(warm.pipelineMs);
  const long = warm.samples.length > 0;
  // long run: growth from the first minute's sample to the last; short run: from before to after the measurement
  const heapFrom = long ? (warm.samples[0]?.heapMB ?? NaN) : warm.heapBeforeMB;
  const heapTo = long ? (warm.samples.at(-1)?.heapMB ?? NaN) : warm.heapAfterMB;
  const people = summarizeMs(warm.peopleCheckMs);
  // detector time spent per second of stretching: what the periodic people check adds to
  const detectorMsPerS = warm.measuredS > 0 ? (det.median * warm.framesAnalysed) / warm.measuredS : NaN;
  const stageMsMedian: Record<string, number | null> = {};
  for (const [k, v] of Object.entries(warm.stageMs)) stageMsMedian[k] = round(summarizeMs(v).median, 3);
  return {
    backend: warm.backend,
    requestedBackend,
    model: warm.model,
    inputWidth: warm.inputWidth,
    detectorMsMedian: round(det.median),
    detectorMsP90: round(det.p90),
    detectorFps: round(fpsFromMs(det.median), 1),
    loopFps: round(warm.measuredS > 0 ? warm.framesAnalysed / warm.measuredS : NaN, 1),
    pipelineMsMedian: round(pipe.median, 3),
    pipelineMsP90: round(pipe.p90, 3),
    stageMsMedian,
    phaseFrames: warm.phaseFrames,
    overheadRatio: round(ratio(pipe.median, det.median), 4),
    firstPoseMs: round(warm.firstPoseMs ?? NaN, 0),
    firstPoseMsCold: round(cold.firstPoseMs ?? NaN, 0),
    modelReadyMs: round(warm.modelReadyMs, 0),
    modelReadyMsCold: round(cold.modelReadyMs, 0),
    shellPaintMs: round(warm.shellPaintMs ?? NaN, 0),
    shellPaintMsCold: round(cold.shellPaintMs ?? NaN, 0),
    framesPresented: warm.framesPresented,
    framesAnalysed: warm.framesAnalysed,
    framesDropped: droppedFrames(warm.framesPresented, warm.framesAnalysed),
    poseRate: round(ratio(warm.framesWithPose, warm.framesAnalysed + 1e-9), 3),
    uiFps: round(warm.measuredS > 0 ? warm.rafCount / warm.measuredS : NaN, 1),
    uiFrameGapP90Ms: round(warm.rafGapP90Ms, 1),
    heapBeforeMB: round(heapFrom, 2),
    heapAfterMB: round(heapTo, 2),
    heapGrowthRatio: round(growthRatio(heapFrom, heapTo), 4),
    startCold: startSummary(cold),
    startWarm: startSummary(warm),
    peopleCheckMsMedian: round(people.median),
    peopleCheckRatio: round(ratio(people.median, (PEOPLE_CHECK_COUNTING_MS / 1000) * detectorMsPerS), 4),
    ...(long ? { samples: longSamples(warm.samples) } : {}),
  };
}

const COLUMNS: [string, (r: BenchRow) => string][] = [
  ['backend', (r) => (r.requestedBackend === r.backend ? r.backend : `${r.requestedBackend}->${r.backend}`)],
  ['model', (r) => r.model + (r.inputWidth ? `@${r.inputWidth}` : '')],
  ['det med/p90 ms', (r) => `${r.detectorMsMedian ?? '-'}/${r.detectorMsP90 ?? '-'}`],
  ['det fps', (r) => String(r.detectorFps ?? '-')],
  ['loop fps', (r) => String(r.loopFps ?? '-')],
  ['pipe ms', (r) => String(r.pipelineMsMedian ?? '-')],
  ['overhead', (r) => String(r.overheadRatio ?? '-')],
  ['1st pose warm/cold ms', (r) => `${r.firstPoseMs ?? '-'}/${r.firstPoseMsCold ?? '-'}`],
  ['shell ms', (r) => String(r.shellPaintMs ?? '-')],
  ['dropped', (r) => `${r.framesDropped}/${r.framesPresented}`],
  ['ui fps', (r) => String(r.uiFps ?? '-')],
  ['heap MB', (r) => `${r.heapBeforeMB ?? '-'}->${r.heapAfterMB ?? '-'}`],
  ['heap growth', (r) => String(r.heapGrowthRatio ?? '-')],
  ['people ms/ratio', (r) => `${r.peopleCheckMsMedian ?? '-'}/${r.peopleCheckRatio ?? '-'}`],
];

/** A fixed-width text table (header first) of `rows` in `columns`. */
function textTable<R>(columns: readonly [string, (r: R) => string][], rows: readonly R[]): string {
  const cells = [columns.map(([h]) => h), ...rows.map((r) => columns.map(([, f]) => f(r)))];
  const widths = columns.map((_, i) => Math.max(...cells.map((c) => (c[i] ?? '').length)));
  return cells.map((c) => c.map((v, i) => v.padEnd(widths[i] ?? 0)).join('  ')).join('\n');
}

/** The live rows as a text table (header first). */
export const formatTable = (rows: readonly BenchRow[]): string => textTable(COLUMNS, rows);

/** What the page measured for one analysis row (see bench-analysis.ts). */
export interface AnalysisMeasures {
  readonly decodeOnly: { decodePath: string; frames: number; wallMs: number; durationS: number };
  readonly seekOnly: { frames: number; wallMs: number; durationS: number };
  readonly analysis: {
    backend: string;
    model: string;
    decodePath: string;
    durationS: number;
    frames: readonly unknown[];
    detectorMs: readonly number[];
    waitMs: readonly number[];
    /** Detectors that ran side by side (analysis workers). */
    workers: number;
    analysisWallMs: number;
  };
  readonly aloneMs: readonly number[];
}

/** One analysis row: speed of the file analysis and what it adds around the detector. */
export interface AnalysisRow {
  readonly video: string;
  readonly requestedBackend: string;
  readonly backend: string;
  readonly model: string;
  readonly decodePath: string;
  readonly workers: number;
  readonly frames: number;
  /** Video seconds analysed per wall second. */
  readonly realTimeFactor: number | null;
  readonly msPerFrame: number | null;
  readonly detectorMsMedian: number | null;
  /** The detector alone on frames held in memory, same backend and model, same run. */
  readonly detectorAloneMsMedian: number | null;
  /** 1 - detector time / (wall time x workers), within the analysis. */
  readonly nonDetectorShare: number | null;
  /** 1 - (detector alone x frames) / (wall time x workers): also counts the detector slowed by decoding beside it. */
  readonly nonDetectorShareVsAlone: number | null;
  readonly frameWaitMsMedian: number | null;
  /** Reading the sampled frames with no detector: decoding, and seeking the <video> (the old way). */
  readonly decodeOnlyRealTimeFactor: number | null;
  readonly seekOnlyRealTimeFactor: number | null;
}

export function analysisRow(video: string, requestedBackend: string, m: AnalysisMeasures): AnalysisRow {
  const a = m.analysis;
  const n = a.frames.length;
  const det = summarizeMs(a.detectorMs);
  const alone = summarizeMs(m.aloneMs);
  const detTotal = a.detectorMs.reduce((x, y) => x + y, 0);
  const threadMs = a.analysisWallMs * Math.max(1, a.workers);
  const rtf = (durationS: number, wallMs: number) => round(wallMs > 0 ? durationS / (wallMs / 1000) : NaN, 2);
  return {
    video,
    requestedBackend,
    backend: a.backend,
    model: a.model,
    decodePath: a.decodePath,
    workers: a.workers,
    frames: n,
    realTimeFactor: rtf(a.durationS, a.analysisWallMs),
    msPerFrame: round(n > 0 ? a.analysisWallMs / n : NaN, 1),
    detectorMsMedian: round(det.median, 1),
    detectorAloneMsMedian: round(alone.median, 1),
    nonDetectorShare: round(threadMs > 0 ? 1 - detTotal / threadMs : NaN, 3),
    nonDetectorShareVsAlone: round(threadMs > 0 ? 1 - (alone.mean * n) / threadMs : NaN, 3),
    frameWaitMsMedian: round(summarizeMs(a.waitMs).median, 1),
    decodeOnlyRealTimeFactor: rtf(m.decodeOnly.durationS, m.decodeOnly.wallMs),
    seekOnlyRealTimeFactor: rtf(m.seekOnly.durationS, m.seekOnly.wallMs),
  };
}

const ANALYSIS_COLUMNS: [string, (r: AnalysisRow) => string][] = [
  ['backend', (r) => (r.requestedBackend === r.backend ? r.backend : `${r.requestedBackend}->${r.backend}`)],
  ['model', (r) => r.model],
  ['path', (r) => (r.workers > 1 ? `${r.decodePath} x${r.workers}` : r.decodePath)],
  ['x real time', (r) => String(r.realTimeFactor ?? '-')],
  ['ms/frame', (r) => String(r.msPerFrame ?? '-')],
  ['det med / alone ms', (r) => `${r.detectorMsMedian ?? '-'}/${r.detectorAloneMsMedian ?? '-'}`],
  ['non-det share / vs alone', (r) => `${r.nonDetectorShare ?? '-'}/${r.nonDetectorShareVsAlone ?? '-'}`],
  ['wait ms', (r) => String(r.frameWaitMsMedian ?? '-')],
  ['decode-only / seek-only x', (r) => `${r.decodeOnlyRealTimeFactor ?? '-'}/${r.seekOnlyRealTimeFactor ?? '-'}`],
];

/** The analysis rows as a text table (header first). */
export const formatAnalysisTable = (rows: readonly AnalysisRow[]): string => textTable(ANALYSIS_COLUMNS, rows);
