/** Times a hold at end range; pauses (does not reset) across brief tracking loss. Pure. */
import type { HoldSpec } from './spec.ts';
import { endPositionLevel, endPositionSpan, type DepthSample } from './end-position.ts';

export interface HoldState {
  readonly startMs: number;
  readonly heldMs: number;
  readonly paused: boolean;
  readonly peakDepth: number;
}

export type HoldTimerEvent =
  | { readonly type: 'started'; readonly tMs: number }
  | { readonly type: 'paused'; readonly tMs: number; readonly why: 'lost' | 'left-position' }
  | { readonly type: 'resumed'; readonly tMs: number }
  | {
      readonly type: 'ended';
      readonly startMs: number;
      readonly endMs: number;
      readonly heldMs: number;
      readonly peakDepth: number;
    };

/** Below-exit time tolerated before the hold ends (a wobble, not a release): 0.5 s. */
const LEAVE_CONFIRM_MS = 500;
/** A loss this short that comes back in position is counted as held: one or two frames at 10 fps, which is how far-side
 * joints flicker around the visibility gate (25-50 % of far-side frames under 0.5 on the footage tracks). */
const BLIP_MS = 300;
/** While the body stays tracked and only the measured joints drop under the visibility gate (far-side joints
 * side-on), a loss up to this long that comes back in position is counted as held too: a limb cannot leave the end
 * position and come back unseen that fast (lowering and lifting a knee again takes 1.5-2 s on adaptx). */
const OCCLUSION_BRIDGE_MS = 1000;
/** Samples kept from before a hold starts, to find where the end position was really reached (approaches last
 * 0.5-3 s on the footage and in the generator). */
const BEFORE_MS = 4000;

/** The slope of the depth is read over this long, both ends included (least squares, 4 frames at 10 fps, 10 at 30
 * fps): short, so a hold is seen to start within 0.2-0.3 s of the arrival. 3 frames at 10 fps let +-0.5 degrees of
 * noise hold back the start of a shallow 20-degree plateau by 0.7 s in random runs. */
const SLOPE_WINDOW_MS = 300;
/** The end position is reached when the depth changes at under this fraction of the mean speed of the approach
 * (from the exit depth up to here): where the curve flattens, whether the approach took 0.3 s (a knee pulled in at
 * 100-170 degrees/s, adaptx/knee_to_chest) or 3 s (a slow prone-extension rise at ~10 degrees/s). */
const SETTLED_FRACTION_OF_APPROACH = 1 / 3;
/** The hold began where the depth first came within this fraction of its excursion (depth - exit) of the depth at
 * which it settled: the plateau, not the slope up to it. Against where frames show the end position reached on 9
 * footage holds (tests/labels reachedS: knees, prone, side bend) the start is off by 0.14 s on average with 0.1,
 * 0.16 s with 0.15 and 0.17 s with 0.2; 0.15 also dates adaptx's 2nd knee hold from 23.2 s, where the frames show
 * the hands on the knee (0.1 dates it from 23.3 and times 4.9 s of its 5 s target). */
const PLATEAU_BAND = 0.15;

/** Least-squares slope of the samples in the last `SLOPE_WINDOW_MS`, units per second (null under 3 samples). */
function slopePerS(samples: readonly DepthSample[], tMs: number): number | null {
  const w = samples.filter((x) => x.tMs >= tMs - SLOPE_WINDOW_MS);
  if (w.length < 3) return null;
  const mt = w.reduce((a, x) => a + x.tMs, 0) / w.length;
  const mv = w.reduce((a, x) => a + x.v, 0) / w.length;
  const num = w.reduce((a, x) => a + (x.tMs - mt) * (x.v - mv), 0);
  const den = w.reduce((a, x) => a + (x.tMs - mt) ** 2, 0);
  return den > 0 ? (1000 * num) / den : null;
}

export class HoldTimer {
  readonly #spec: HoldSpec;
  #hold: {
    startMs: number;
    /** Depth where the plateau was found. */
    startDepth: number;
    heldMs: number;
    lastMs: number;
    peak: number;
    lostSinceMs: number | null;
    lostOccludedOnly: boolean;
    belowSinceMs: number | null;
  } | null = null;
  #lastDepth: { v: number; tMs: number } | null = null;
  #samples: DepthSample[] = [];

  constructor(spec: HoldSpec) {
    this.#spec = spec;
  }

  get state(): HoldState | null {
    const h = this.#hold;
    return h
      ? {
          startMs: h.startMs,
          heldMs: h.heldMs,
          paused: h.lostSinceMs !== null || h.belowSinceMs !== null,
          peakDepth: h.peak,
        }
      : null;
  }

  /** Feed a depth, or null when the frame could not be judged; `occluded` when the body is tracked but the measured
   * joints are not seen well enough. */
  step(depth: number | null, tMs: number, occluded = false): HoldTimerEvent[] {
    const events: HoldTimerEvent[] = [];
    const h = this.#hold;
    const prev = this.#lastDepth;
    if (depth !== null) {
      this.#lastDepth = { v: depth, tMs };
      this.#samples.push({ tMs, v: depth });
      if (!h) while (this.#samples.length && this.#samples[0]!.tMs < tMs - BEFORE_MS) this.#samples.shift();
    }
    if (!h) {
      if (depth === null || depth < this.#spec.enterDepth) return events;
      const startMs = this.#plateauStart(depth, tMs, prev);
      if (startMs === null) return events;
      this.#hold = {
        startMs,
        startDepth: depth,
        heldMs: tMs - startMs,
        lastMs: tMs,
        peak: depth,
        lostSinceMs: null,
        lostOccludedOnly: false,
        belowSinceMs: null,
      };
      events.push({ type: 'started', tMs });
      return events;
    }
    if (depth === null) {
      if (h.lostSinceMs === null) {
        h.lostSinceMs = tMs;
        h.lostOccludedOnly = occluded;
        events.push({ type: 'paused', tMs, why: 'lost' });
      } else if (tMs - h.lostSinceMs > this.#spec.graceMs) {
        events.push(this.#end(h.lostSinceMs));
      } else h.lostOccludedOnly &&= occluded;
      return events;
    }
    if (h.lostSinceMs !== null) {
      // seen again already out of the stretch: it ended when tracking was lost
      if (depth < this.#spec.exitDepth) {
        events.push(this.#end(h.lostSinceMs));
        return events;
      }
      // a blip of a frame or two, or a short occlusion of the measured joints, is the detector, not the person: it
      // keeps counting; a real loss (the person gone) is not counted
      const lostMs = tMs - h.lostSinceMs;
      if (lostMs <= BLIP_MS || (h.lostOccludedOnly && lostMs <= OCCLUSION_BRIDGE_MS)) h.heldMs += tMs - h.lastMs;
      h.lostSinceMs = null;
      h.lastMs = tMs;
      events.push({ type: 'resumed', tMs });
    }
    if (depth < this.#spec.exitDepth) {
      h.belowSinceMs ??= tMs;
      if (tMs - h.belowSinceMs >= LEAVE_CONFIRM_MS) events.push(this.#end(h.belowSinceMs));
      return events;
    }
    h.belowSinceMs = null;
    h.heldMs += tMs - h.lastMs;
    h.lastMs = tMs;
    h.peak = Math.max(h.peak, depth);
    return events;
  }

  /** The time since the last frame up to `tMs` is not held (a form fault pauses the hold): call before `step`. */
  skip(tMs: number): void {
    if (this.#hold) this.#hold.lastMs = Math.max(this.#hold.lastMs, tMs);
  }

  /** Ends a hold in progress at `tMs` (end of the recording). */
  finish(tMs: number): HoldTimerEvent[] {
    const h = this.#hold;
    if (!h) return [];
    return [this.#end(h.lostSinceMs ?? h.belowSinceMs ?? tMs)];
  }

  /** Where the end position was reached, if it has been by `tMs` at `depth` (past the entry depth): the depth has
   * settled (slower than the spec's cap, and than a fraction of the approach's mean speed), and the hold is dated
   * back to where the depth first came within the plateau band. Null while still on the way. */
  #plateauStart(depth: number, tMs: number, prev: { v: number; tMs: number } | null): number | null {
    const { exitDepth, settlePerS } = this.#spec;
    const samples = this.#samples;
    const slope = slopePerS(samples, tMs);
    // too few samples for a slope: the frame-to-frame speed
    const speed = Math.abs(slope ?? (prev && tMs > prev.tMs ? (depth - prev.v) / ((tMs - prev.tMs) / 1000) : Infinity));
    // the approach: from the last sample at or below the exit depth (unknown when the hold was there from the start)
    let k = samples.length - 1;
    while (k >= 0 && samples[k]!.v > exitDepth) k--;
    const from = k >= 0 ? samples[k]! : null;
    const approachPerS = from && tMs > from.tMs ? (depth - from.v) / ((tMs - from.tMs) / 1000) : Infinity;
    if (speed > Math.min(settlePerS, SETTLED_FRACTION_OF_APPROACH * approachPerS)) return null;
    const level = depth - PLATEAU_BAND * (depth - exitDepth);
    let i = samples.length - 1;
    while (i > 0 && samples[i - 1]!.v >= level && samples[i - 1]!.tMs > (from?.tMs ?? -Infinity)) i--;
    return Math.min(tMs, samples[i]?.tMs ?? tMs);
  }

  /** Ends the hold. It spans the time actually spent in the end position: from where the plateau was reached, to
   * where the depth left it (see end-position.ts); heldMs stays the timer's judged time in range, the time the live
   * hold timer showed. When the depth went on to settle far higher than where the timer found its plateau (a rest
   * that already read past the entry depth, as a camera not level makes the pelvis of someone lying flat), the
   * end position is the higher plateau and begins where end-position.ts finds it. */
  #end(endMs: number): HoldTimerEvent {
    const h = this.#hold!;
    this.#hold = null;
    const fraction = this.#spec.plateauFraction;
    const span = endPositionSpan(this.#samples, h.startMs, endMs, this.#spec.exitDepth, fraction);
    const level = endPositionLevel(this.#samples, h.startMs, endMs, this.#spec.exitDepth, fraction);
    const startMs = level !== null && h.startDepth < level ? span.startMs : Math.min(h.startMs, span.endMs);
    this.#samples = [];
    return {
      type: 'ended',
      startMs,
      endMs: span.endMs,
      heldMs: Math.min(h.heldMs, endMs - h.startMs),
      peakDepth: h.peak,
    };
  }

  reset(): void {
    this.#hold = null;
    this.#lastDepth = null;
    this.#samples = [];
  }
}
