/** Judges one form check frame by frame: reads its measure, confirms a fault before raising it and clears it only
 * after it has been gone a while, so one noisy frame neither raises nor clears one. Pure. */
import { median } from '../../motion/stats.ts';
import type { Side } from '../types.ts';
import type { CheckInput, CheckPhase, FormCheck } from './types.ts';

/** A value past the threshold this long raises the fault: 3 frames at 10 fps, so one or two noisy frames (landmark
 * jitter of 1-2 px, a detector flip of a far-side joint) do not, and a fault is raised well within a second. */
export const CONFIRM_MS = 300;
/** Back inside the threshold this long clears it: a value wobbling around the threshold is one fault, not many. */
export const CLEAR_MS = 600;
/** A fault whose landmarks go unseen longer than this ends where they were last seen (not judged, never guessed). */
const UNSEEN_END_MS = 1000;
/** Readings at rest taken for a check judged relative to rest: 1.5 s at 10 fps. */
const REST_SAMPLES = 15;
/** Median of the last readings: takes out single-frame spikes (a landmark jumping) at a cost of one frame of delay. */
const MEDIAN_OF = 3;

export type CheckChange =
  | { readonly type: 'raised'; readonly startMs: number; readonly tMs: number; readonly side: Side | null }
  | { readonly type: 'cleared'; readonly endMs: number };

export class CheckState {
  readonly check: FormCheck;
  #recent: number[] = [];
  #window: { tMs: number; v: number }[] = [];
  #rest: number[] = [];
  #restValue: number | null = null;
  #overSinceMs: number | null = null;
  #underSinceMs: number | null = null;
  #lastSeenMs: number | null = null;
  #side: Side | null = null;
  /** The fault in progress: since when, on which side. */
  active: { readonly startMs: number; readonly side: Side | null } | null = null;
  /** Whether the last frame could be judged. */
  judged = false;

  constructor(check: FormCheck) {
    this.check = check;
  }

  applies(phase: CheckPhase | null, stage: string | null, holdMs: number | null): boolean {
    if (!phase || !this.check.when.includes(phase)) return false;
    if (phase === 'hold' && this.check.settleMs && (holdMs ?? 0) < this.check.settleMs) return false;
    return !this.check.stage || this.check.stage === stage;
  }

  /** One frame: `input` null when there is no usable body; `phase` null when no rule applies (not near a start
   * position, no person); `holdMs` how long the hold in progress has been held. Returns the fault raised or cleared
   * on this frame, if any. */
  step(
    input: CheckInput | null,
    phase: CheckPhase | null,
    stage: string | null,
    tMs: number,
    holdMs: number | null = null,
  ): CheckChange | null {
    this.#learnRest(input, phase);
    if (!this.applies(phase, stage, holdMs)) {
      this.judged = false;
      this.#resetPending();
      return this.active ? this.#clear(tMs) : null;
    }
    const r = input ? this.check.read(input) : null;
    if (r) this.#side = r.side;
    const v = r ? this.#value(r.value, tMs) : null;
    this.judged = v !== null;
    if (v === null) {
      this.#overSinceMs = null;
      if (this.active && this.#lastSeenMs !== null && tMs - this.#lastSeenMs > UNSEEN_END_MS)
        return this.#clear(this.#lastSeenMs);
      return null;
    }
    this.#lastSeenMs = tMs;
    this.#recent.push(v);
    if (this.#recent.length > MEDIAN_OF) this.#recent.shift();
    const m = median(this.#recent);
    const { above, below } = this.check;
    const beyond = (above !== undefined && m > above) || (below !== undefined && m < below);
    if (beyond) {
      this.#underSinceMs = null;
      this.#overSinceMs ??= tMs;
      if (!this.active && tMs - this.#overSinceMs >= CONFIRM_MS) {
        this.active = { startMs: this.#overSinceMs, side: this.#side };
        return { type: 'raised', startMs: this.#overSinceMs, tMs, side: this.#side };
      }
      return null;
    }
    this.#overSinceMs = null;
    if (!this.active) return null;
    this.#underSinceMs ??= tMs;
    return tMs - this.#underSinceMs >= CLEAR_MS ? this.#clear(this.#underSinceMs) : null;
  }

  /** A check judged relative to rest learns its rest value in the start position, whether or not it applies there. */
  #learnRest(input: CheckInput | null, phase: CheckPhase | null): void {
    if (!this.check.relativeToRest || this.#restValue !== null || phase !== 'start' || !input) return;
    const r = this.check.read(input);
    if (r) this.#rest.push(r.value);
    if (this.#rest.length >= REST_SAMPLES) this.#restValue = median(this.#rest);
  }

  /** The value judged: raw, relative to rest, or its range over a window; null while that cannot be known yet. */
  #value(raw: number, tMs: number): number | null {
    let v = raw;
    if (this.check.relativeToRest) {
      if (this.#restValue === null) return null;
      v = raw - this.#restValue;
    }
    const w = this.check.rangeOverMs;
    if (w) {
      this.#window.push({ tMs, v });
      while (this.#window.length && this.#window[0]!.tMs < tMs - w) this.#window.shift();
      // a range needs most of its window to mean anything
      if (tMs - this.#window[0]!.tMs < w / 2) return null;
      const vs = this.#window.map((s) => s.v);
      v = Math.max(...vs) - Math.min(...vs);
    }
    return v;
  }

  #clear(endMs: number): CheckChange {
    this.active = null;
    this.#resetPending();
    return { type: 'cleared', endMs };
  }

  #resetPending(): void {
    this.#overSinceMs = null;
    this.#underSinceMs = null;
    this.#recent = [];
    this.#window = [];
  }

  /** Forgets the readings taken so far (not the fault in progress): counting starts, and a range or median over
   * the moments of getting into position would not describe the stretch. */
  restart(): void {
    this.#recent = [];
    this.#window = [];
  }

  /** Forgets the fault and the history (a new attempt), keeping the rest value: the camera has not moved. */
  reset(): void {
    this.active = null;
    this.#resetPending();
    this.#lastSeenMs = null;
  }
}
