/**
 * The page side of `npx tsx scripts/bench-timeline.ts`: draws the review timeline of a long recording (default 10
 * minutes at 10 fps, 100 reps, 20 markers, 10 spans not judged) with Timeline.svelte (hand-drawn SVG) or uPlot, and
 * measures the first render, a playhead move and the heap one chart holds. Installed on `#/bench-timeline` only (see main.ts), exposed as
 * `window.__spineTimelineBench`. Browser-only glue.
 */
import { flushSync, mount, unmount } from 'svelte';
import TimelineChart from '../ui/components/Timeline.svelte';
import { timelineOf, type Timeline } from '../analysis/timeline.ts';
import { uplotChart } from './uplot-chart.ts';
import { getSpec } from '../exercises/registry.ts';
import type { CountingReport } from '../exercises/types.ts';
import { PLAYBACK_RATES, type Playback, type PlaybackRate } from '../state/playback.svelte.ts';
import { heapMB } from './bench-probes.ts';
import { summarizeMs, type MsSummary } from './stats.ts';

export interface TimelineBenchRequest {
  /** The hand-drawn SVG (Timeline.svelte), or uPlot for comparison (the script loads it into the page first). */
  readonly chart: 'svg' | 'uplot';
  readonly minutes: number;
  readonly fps: number;
  readonly reps: number;
  readonly runs: number;
}

export interface TimelineBenchResult {
  readonly points: number;
  readonly bands: number;
  /** Mount to the second animation frame after it (the chart painted). */
  readonly renderMs: MsSummary;
  /** A playhead move: the new time set, up to the layout it causes. */
  readonly playheadMs: MsSummary;
  /** Heap held by one mounted chart (after GC), MB. */
  readonly heapMB: number;
  readonly domNodes: number;
}

declare global {
  interface Window {
    __spineTimelineBench?: (r: TimelineBenchRequest) => Promise<TimelineBenchResult>;
  }
}

const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

/** A playback that only holds its time (the chart reads it). */
class StillPlayback implements Playback {
  timeMs = $state(0);
  playing = false;
  rate: PlaybackRate = PLAYBACK_RATES[2];
  seekTo(tMs: number) {
    this.timeMs = tMs;
  }
  play() {}
  pause() {}
  setRate(r: PlaybackRate) {
    this.rate = r;
  }
  dispose() {}
}

/** A noisy rep every `durationS / reps` seconds, each a band; markers and unjudged spans spread over it. */
function longTimeline(req: TimelineBenchRequest) {
  const n = Math.round(req.minutes * 60 * req.fps);
  const durationS = n / req.fps;
  const period = durationS / req.reps;
  const tS = Float64Array.from({ length: n }, (_, i) => i / req.fps);
  const depth = tS.map((t, i) =>
    i % 617 < 12 ? NaN : 12 * Math.max(0, Math.sin((Math.PI * t) / period)) + Math.sin(i),
  );
  const report: CountingReport = {
    exercise: 'pelvic-tilt',
    repCount: req.reps,
    reps: Array.from({ length: req.reps }, (_, k) => ({
      startS: k * period + period * 0.1,
      endS: k * period + period * 0.9,
      peakDepth: 12,
      confidence: 1,
    })),
    holds: [],
    notJudged: Array.from({ length: 10 }, (_, k) => ({
      startS: k * 60,
      endS: k * 60 + 1.2,
      reason: 'no-person' as const,
    })),
    faults: Array.from({ length: 20 }, (_, k) => ({ check: 'rocking' as const, startS: k * 30 + 5, endS: k * 30 + 7 })),
  };
  return timelineOf({ report, curve: { tS, depth }, spec: getSpec('pelvic-tilt'), durationS });
}

/** One chart under test: drawn into `target` when made; `move` puts the playhead at `tS`. */
export interface BenchChart {
  move(tS: number): void;
  destroy(): void | Promise<void>;
}

function svgChart(target: HTMLElement, timeline: Timeline): BenchChart {
  const playback = new StillPlayback();
  const app = mount(TimelineChart, { target, props: { timeline, playback } });
  flushSync();
  return {
    move(tS) {
      playback.seekTo(tS * 1000);
      flushSync();
    },
    destroy: () => unmount(app),
  };
}

export function installTimelineBench(): void {
  window.__spineTimelineBench = async (req) => {
    const timeline = longTimeline(req);
    const make = req.chart === 'uplot' ? uplotChart : svgChart;
    const render: number[] = [];
    const move: number[] = [];
    let heap = NaN;
    let domNodes = 0;
    for (let run = 0; run < req.runs; run++) {
      const target = document.createElement('div');
      target.style.width = '960px';
      document.body.append(target);
      const before = heapMB();
      const t0 = performance.now();
      const chart = make(target, timeline);
      await frame();
      await frame();
      render.push(performance.now() - t0);
      if (run === 0) {
        heap = heapMB() - before;
        domNodes = target.querySelectorAll('*').length;
      }
      for (let k = 1; k <= 30; k++) {
        const m0 = performance.now();
        chart.move((k / 30) * timeline.durationS);
        target.getBoundingClientRect(); // the layout the move causes
        move.push(performance.now() - m0);
        await frame();
      }
      await chart.destroy();
      target.remove();
    }
    return {
      points: timeline.curve.tS.length,
      bands: timeline.bands.length,
      renderMs: summarizeMs(render),
      playheadMs: summarizeMs(move),
      heapMB: heap,
      domNodes,
    };
  };
}
