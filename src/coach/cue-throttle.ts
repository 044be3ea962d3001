/**
 * Keeps cues from chattering: at most one spoken cue per gap, the same words not again for a while; urgent cues
 * (stop, pain) and prompts (the session moving on) always through at once, and the gap after them still holds.
 */
import type { Cue } from './cues.ts';

export interface CueThrottleConfig {
  /** Minimum time between two spoken cues. */
  readonly minGapMs: number;
  /** The same text is not repeated within this time. */
  readonly repeatMs: number;
}

/** 2.5 s between cues (a short sentence takes ~1.5 s to say at rate 1); the same words at most every 8 s. */
export const DEFAULT_CUE_THROTTLE: CueThrottleConfig = { minGapMs: 2500, repeatMs: 8000 };

export interface CueThrottleState {
  readonly lastMs: number;
  readonly lastByText: Readonly<Record<string, number>>;
}

export const INITIAL_CUE_THROTTLE: CueThrottleState = { lastMs: -Infinity, lastByText: {} };

/** Decides whether `cue` is said now. Counts ('count' priority) may follow a previous cue after half the gap; urgent
 * cues and prompts need no gap. */
export function offerCue(
  s: CueThrottleState,
  cue: Cue,
  nowMs: number,
  cfg: CueThrottleConfig = DEFAULT_CUE_THROTTLE,
): { state: CueThrottleState; say: boolean } {
  const lastSame = s.lastByText[cue.text] ?? -Infinity;
  const gap =
    cue.priority === 'urgent' || cue.priority === 'prompt'
      ? 0
      : cue.priority === 'count'
        ? cfg.minGapMs / 2
        : cfg.minGapMs;
  const repeatOk = cue.priority !== 'info' || nowMs - lastSame >= cfg.repeatMs;
  if (nowMs - s.lastMs < gap || !repeatOk) return { state: s, say: false };
  // only lines said within repeatMs matter: older ones are dropped, so a long session (every rep number is a line of
  // its own) does not grow this record
  const recent = Object.entries(s.lastByText).filter(([, t]) => nowMs - t < cfg.repeatMs);
  return { state: { lastMs: nowMs, lastByText: { ...Object.fromEntries(recent), [cue.text]: nowMs } }, say: true };
}
