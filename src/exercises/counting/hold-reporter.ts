/** Turns hold-timer events into the contract's events and records, with a confidence on each. Pure. */
import type { EngineEvent, NotJudgedReason, RepRecord, Side, TrackerUpdate } from '../types.ts';
import type { HoldTimer, HoldTimerEvent } from './hold-timer.ts';
import type { HoldSpec } from './spec.ts';

/** Milliseconds to seconds, rounded to the millisecond. */
export const s = (ms: number) => Math.round(ms) / 1000;

/** Confidence of a counted movement: how well the body was seen, and how clearly the target was passed. */
export function movementConfidence(meanVisibility: number, peak: number, enter: number, exit: number): number {
  const clarity = Math.max(0, Math.min(1, (peak - exit) / Math.max(1e-6, 2 * (enter - exit))));
  return Math.round(Math.min(1, meanVisibility) * (0.6 + 0.4 * clarity) * 100) / 100;
}

/** Turns hold-timer events into engine events; returns a finished hold's record when it counts. */
export class HoldReporter {
  #visSum = 0;
  #visN = 0;
  #side: Side | null = null;
  constructor(
    readonly timer: HoldTimer,
    readonly spec: HoldSpec,
    readonly targetMs: number,
    /** Called with each hold that lasted the target time. */
    readonly onComplete: (rep: RepRecord, tMs: number, events: EngineEvent[]) => void,
  ) {}

  step(
    depth: number | null,
    side: Side | null,
    vis: number,
    tMs: number,
    reason: NotJudgedReason | null,
    events: EngineEvent[],
  ): HoldTimerEvent[] {
    const out = this.timer.step(depth, tMs, reason === 'low-visibility');
    if (this.timer.state && depth !== null) {
      this.#visSum += vis;
      this.#visN++;
      this.#side ??= side;
    }
    for (const e of out) this.#emit(e, reason, events);
    return out;
  }

  finish(tMs: number, events: EngineEvent[]): void {
    for (const e of this.timer.finish(tMs)) this.#emit(e, null, events);
  }

  #emit(e: HoldTimerEvent, reason: NotJudgedReason | null, events: EngineEvent[]): void {
    if (e.type === 'started') {
      this.#visSum = 0;
      this.#visN = 0;
      this.#side = null;
      events.push({ type: 'hold-started', tMs: e.tMs });
    } else if (e.type === 'paused')
      events.push({
        type: 'hold-paused',
        tMs: e.tMs,
        reason: e.why === 'lost' ? (reason ?? 'low-visibility') : 'left-position',
      });
    else if (e.type === 'resumed') events.push({ type: 'hold-resumed', tMs: e.tMs });
    else if (e.endMs - e.startMs >= this.spec.minReportMs) {
      const side = this.#side ?? undefined;
      const confidence = movementConfidence(
        this.#visN ? this.#visSum / this.#visN : 0,
        e.peakDepth,
        this.spec.enterDepth,
        this.spec.exitDepth,
      );
      const hold = {
        startS: s(e.startMs),
        endS: s(e.endMs),
        side,
        heldS: s(e.heldMs),
        peakDepth: round1(e.peakDepth),
        confidence,
      };
      events.push({ type: 'hold-ended', tMs: e.endMs, hold });
      if (e.heldMs >= this.targetMs) {
        const rep: RepRecord = { startS: hold.startS, endS: hold.endS, side, peakDepth: hold.peakDepth, confidence };
        this.onComplete(rep, e.endMs, events);
      } else
        events.push({ type: 'rep-rejected', tMs: e.endMs, reason: 'hold-too-short', side, peakDepth: hold.peakDepth });
    }
  }

  summaryHold(): TrackerUpdate['hold'] {
    const st = this.timer.state;
    return st ? { elapsedMs: st.heldMs, targetMs: this.targetMs, paused: st.paused, side: this.#side } : null;
  }
}

export function round1(v: number): number {
  return Math.round(v * 10) / 10;
}
