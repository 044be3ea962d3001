/**
 * The people check inside a session: when to ask the people counter (often while setting up, rarely while
 * stretching, never twice at once) and what its answers mean for the camera check. Pure; the glue runs the counter
 * when the session asks (effect `count-people`) and reports back.
 */
import {
  INITIAL_PEOPLE_CHECK,
  PEOPLE_CHECK_COUNTING_MS,
  PEOPLE_CHECK_SETUP_MS,
  PEOPLE_CHECK_UNAVAILABLE,
  peopleCheckStep,
  type PeopleCheckState,
} from '../coach/people-check.ts';
import type { PeopleVerdict } from '../coach/setup-check.ts';
import type { Phase } from './phases.ts';

/** `loading` until the counter's model is there; `unavailable` where it cannot run (the session goes on without). */
export type PeopleCounterStatus = 'loading' | 'ready' | 'unavailable';

export interface SessionPeople {
  readonly counter: PeopleCounterStatus;
  readonly check: PeopleCheckState;
  /** A count was asked for and has not answered. */
  readonly pending: boolean;
  /** Session clock when the last count was asked for. */
  readonly lastMs: number;
}

export const INITIAL_SESSION_PEOPLE: SessionPeople = {
  counter: 'loading',
  check: INITIAL_PEOPLE_CHECK,
  pending: false,
  lastMs: -Infinity,
};

/** The counter's model loaded, failed to load, or (a new camera) is loading again. */
export function peopleCounterStatus(p: SessionPeople, counter: PeopleCounterStatus): SessionPeople {
  if (counter === 'unavailable') return { ...p, counter, check: PEOPLE_CHECK_UNAVAILABLE, pending: false };
  if (counter === 'loading') return INITIAL_SESSION_PEOPLE;
  return { ...p, counter };
}

/** Whether to count the people on this frame; if so, the state with the count asked for. */
export function peopleDue(p: SessionPeople, phase: Phase, nowMs: number): SessionPeople | null {
  const everyMs = phase === 'counting' ? PEOPLE_CHECK_COUNTING_MS : PEOPLE_CHECK_SETUP_MS;
  if (p.counter !== 'ready' || p.pending || nowMs - p.lastMs < everyMs) return null;
  return { ...p, pending: true, lastMs: nowMs };
}

/** A count's answer (person scores, highest first), or null when the call failed (asked again when due). */
export function peopleCounted(p: SessionPeople, scores: readonly number[] | null): SessionPeople {
  return { ...p, pending: false, check: scores ? peopleCheckStep(p.check, scores) : p.check };
}

/** What the camera check is told about the people in the picture. */
export function peopleVerdict(p: SessionPeople): PeopleVerdict {
  return !p.check.checked ? 'unchecked' : p.check.several ? 'several' : 'one';
}
