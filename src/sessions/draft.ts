/**
 * The session so far, kept in storage while it runs (a draft), so that a reload, a closed tab or a crash loses
 * nothing: the finished stretches, the current stretch as counted so far (reps, holds, stops, peaks), the
 * calibrations. On the next start it can be continued (the session goes on at the stretch it was on, with its counts)
 * or saved as it is. Pure: when to write a draft, what it holds, and what it becomes.
 */
import type { ExerciseId } from '../exercises/types.ts';
import { isRunning } from './phases.ts';
import type { SessionState } from './session-state.ts';
import { sessionIdOf } from './session-state.ts';
import { toResult } from './stretch-run.ts';
import { dayKey, type CalibrationRecord, type SessionRecord, type StretchResult } from './types.ts';

export interface SessionDraft {
  /** The session's id (sessionIdOf its start): the record it becomes, and the key of its recordings. */
  readonly id: string;
  readonly startedIso: string;
  /** When this draft was written. */
  readonly savedIso: string;
  readonly routine: readonly ExerciseId[];
  /** The stretch under way (routine.length when all are done and only the record is left to save). */
  readonly index: number;
  readonly results: readonly StretchResult[];
  /** The stretch under way as counted so far (relief and pain not yet asked), null between stretches. */
  readonly current: StretchResult | null;
  /** Its counting is over and it waits for the rating. */
  readonly awaitingRating: boolean;
  readonly calibrations: readonly CalibrationRecord[];
  readonly marginPct: number;
  /** Session time so far, pauses left out (ms). */
  readonly elapsedMs: number;
}

/**
 * A draft is written when what a reload would lose changes (a rep, a hold, a stop, a calibration, the next step of
 * the session), but from camera frames at most once a second: a rep takes 2 s or more, so a second never holds back a
 * count for long, while a frame-by-frame write (10-30 a second, each a structured clone and an IndexedDB transaction
 * on the thread that runs the detector) would cost the frame rate on a slow laptop. Clicks and camera loss write at
 * once (a person's action is rare, and it may be the last thing before the tab closes).
 */
export const DRAFT_MIN_GAP_MS = 1000;
/** Written at least this often while frames come, so the peaks and the time stay current with nothing else changing. */
export const DRAFT_REFRESH_MS = 15_000;

/** What a reload would lose, as a string: a draft is due when it changes. */
function draftKey(s: SessionState): string {
  const r = s.run;
  const progress = r
    ? `${r.reps}|${r.repsBySide.left}|${r.repsBySide.right}|${r.holds.length}|${r.stops.length}|${r.stops.at(-1)?.choice ?? ''}`
    : '';
  return `${s.phase}|${s.index}|${s.results.length}|${s.calibrations.length}|${s.calibrations.at(-1)?.atIso ?? ''}|${progress}`;
}

/** Whether to write a draft after this action; `fromFrame`: the action was a camera frame (throttled). */
export function draftDue(prev: SessionState, s: SessionState, nowMs: number, fromFrame: boolean): boolean {
  const finished = s.phase === 'done' && isRunning(prev.phase);
  if (!isRunning(s.phase) && !finished) return false;
  if (s.phase === 'choose' || s.startedIso === '') return false;
  const changed = draftKey(s) !== s.draftKey;
  if (!fromFrame) return changed || nowMs - s.draftAtMs >= DRAFT_REFRESH_MS;
  const since = nowMs - s.draftAtMs;
  return (changed && since >= DRAFT_MIN_GAP_MS) || since >= DRAFT_REFRESH_MS;
}

/** The state marked as drafted now. */
export function drafted(s: SessionState, nowMs: number): SessionState {
  return { ...s, draftAtMs: nowMs, draftKey: draftKey(s) };
}

/** Session time so far, the current pause left out. */
function activeMs(s: SessionState, nowMs: number): number {
  return (s.pausedAtMs ?? nowMs) - s.startedMs;
}

/** The draft of this state (savedIso is stamped when written). */
export function toDraft(s: SessionState, nowMs: number): Omit<SessionDraft, 'savedIso'> {
  const end = s.pausedAtMs ?? nowMs;
  const run = s.phase === 'done' ? null : s.run;
  return {
    id: sessionIdOf(s.startedIso),
    startedIso: s.startedIso,
    routine: s.routine.map((d) => d.id),
    index: s.phase === 'done' ? s.routine.length : s.index,
    results: s.results,
    current: run ? toResult(run, end, null, null) : null,
    awaitingRating: s.phase === 'rating',
    calibrations: s.calibrations,
    marginPct: s.marginPct,
    elapsedMs: Math.round(activeMs(s, nowMs)),
  };
}

/** Whether a stretch result holds anything the person did (a stretch only opened holds nothing worth keeping). */
export function hasProgress(r: StretchResult): boolean {
  return r.reps > 0 || r.holds.length > 0 || r.stops.length > 0;
}

/** The session record of what was done so far: the finished stretches and the current one as far as it went. */
export function recordSoFar(
  d: Pick<SessionDraft, 'id' | 'startedIso' | 'results' | 'current' | 'elapsedMs'>,
): SessionRecord {
  return {
    id: d.id,
    startedIso: d.startedIso,
    day: dayKey(new Date(d.startedIso)),
    durationS: Math.round(d.elapsedMs / 1000),
    stretches: d.current && hasProgress(d.current) ? [...d.results, d.current] : d.results,
  };
}

/** How Home offers a draft: "Continue your session from 9:12" and what it holds so far. */
export function draftOfferText(d: SessionDraft, locale?: string): { action: string; summary: string } {
  const t = new Date(d.startedIso).toLocaleTimeString(locale, { hour: 'numeric', minute: '2-digit' });
  const n = recordSoFar(d).stretches.length;
  const current = d.current && !d.awaitingRating ? `; ${d.current.reps} reps counted in the stretch under way` : '';
  return {
    action: `Continue your session from ${t}`,
    summary: `${n} stretch${n === 1 ? '' : 'es'} done or started${current}.`,
  };
}

/** Shown when a draft could not be written: the session goes on in memory. */
export const DRAFT_FAILED =
  'The session so far could not be kept on this device (storage full or unavailable): it goes on, and is saved at the end, but a reload now would lose it.';
