/** Turns what the bench page measured into the report row (ratios computed within one run) and a text table. */
import type { BenchPageResult, BenchSample } from '../src/perf/bench-harness.svelte.ts';
import { droppedFrames, fpsFromMs, growthRatio, ratio, round, summarizeMs } from '../src/perf/stats.ts';
import { PEOPLE_CHECK_COUNTING_MS } from '../src/coach/people-check.ts';

/** One line of the bench report (JSON keys required by issue 5 plus the detail behind them). */
export interface BenchRow {
  readonly backend: string;
  readonly requestedBackend: string;
  readonly model: string;
  readonly mode: 'main' | 'worker';
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
    mode: warm.mode,
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
    peopleCheckMsMedian: round(people.median),
    peopleCheckRatio: round(ratio(people.median, (PEOPLE_CHECK_COUNTING_MS / 1000) * detectorMsPerS), 4),
    ...(long ? { samples: longSamples(warm.samples) } : {}),
  };
}

const COLUMNS: [string, (r: BenchRow) => string][] = [
  [
    'backend',
    (r) =>
      `${r.requestedBackend === r.backend ? r.backend : `${r.requestedBackend}->${r.backend}`}${r.mode === 'worker' ? '(worker)' : ''}`,
  ],
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

/** A fixed-width text table of rows (header first). */
export function formatTable(rows: readonly BenchRow[]): string {
  const cells = [COLUMNS.map(([h]) => h), ...rows.map((r) => COLUMNS.map(([, f]) => f(r)))];
  const widths = COLUMNS.map((_, i) => Math.max(...cells.map((c) => (c[i] ?? '').length)));
  return cells.map((c) => c.map((v, i) => v.padEnd(widths[i] ?? 0)).join('  ')).join('\n');
}
