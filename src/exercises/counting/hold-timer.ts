/** Times a hold at end range; pauses (does not reset) across brief tracking loss. Pure. */
import type { HoldSpec } from './spec.ts';
import { endPositionSpan, type DepthSample } from './end-position.ts';

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

export class HoldTimer {
  readonly #spec: HoldSpec;
  #hold: {
    startMs: number;
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
      const speed = prev && tMs > prev.tMs ? Math.abs(depth - prev.v) / ((tMs - prev.tMs) / 1000) : Infinity;
      if (speed > this.#spec.settlePerS) return events;
      this.#hold = {
        startMs: tMs,
        heldMs: 0,
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

  /** Ends the hold. Its start and end span the time actually spent in the end position (see end-position.ts);
   * heldMs stays the timer's judged time in range, the time the live hold timer showed. */
  #end(endMs: number): HoldTimerEvent {
    const h = this.#hold!;
    this.#hold = null;
    const span = endPositionSpan(this.#samples, h.startMs, endMs, this.#spec.exitDepth, this.#spec.plateauFraction);
    this.#samples = [];
    return {
      type: 'ended',
      startMs: span.startMs,
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
