/**
 * "Is someone else in the picture?" from MoveNet MultiPose's person scores, asked every few seconds. Pure.
 *
 * Measured with `movenet-multipose` on 6 frames each of 16 one-person clips of ../shared/footage (stretches, squats,
 * push-ups; 96 frames): the second-best person score never passed 0.02, while the one person scored 0.14-0.75 (0.01 on an end card). On the
 * two-person clips (pfc/pushups, mediapipe pose_classification) the second person scored 0.38-0.56; the far, small
 * pedestrians of deb/vtest 0.17-0.32.
 */

/** A second person scoring above this is there: 7x the highest second score of a one-person frame (0.02), under the
 * lowest of a real second person (0.38, and 0.17 for a pedestrian far away). */
export const SECOND_PERSON_MIN_SCORE = 0.15;
/** How often to count the people in the picture: often while setting up (the answer is wanted now), rarely while
 * stretching: one MoveNet MultiPose call costs 140-300 ms on the 2-core dev VM (tfjs wasm), so every 30 s is under
 * 1 % of the detector's time (`npm run bench` reports it as peopleCheckRatio). */
export const PEOPLE_CHECK_SETUP_MS = 2000;
export const PEOPLE_CHECK_COUNTING_MS = 30_000;
/** Checks in a row that must agree before the message changes, so one odd frame neither raises nor clears it. */
const CONFIRM_CHECKS = 2;

export interface PeopleCheckState {
  /** Whether any check has answered yet. */
  readonly checked: boolean;
  /** The verdict shown now. */
  readonly several: boolean;
  /** Checks in a row that disagreed with it. */
  readonly against: number;
}

export const INITIAL_PEOPLE_CHECK: PeopleCheckState = { checked: false, several: false, against: 0 };

/** For a browser where the check cannot run: answered, one person assumed. */
export const PEOPLE_CHECK_UNAVAILABLE: PeopleCheckState = { checked: true, several: false, against: 0 };

/** Folds one check (the person scores, highest first) into the state. The first answer is taken as it is (the
 * setup check waits for it); later ones must repeat to change the verdict. */
export function peopleCheckStep(state: PeopleCheckState, scores: readonly number[]): PeopleCheckState {
  const several = (scores[1] ?? 0) > SECOND_PERSON_MIN_SCORE;
  if (!state.checked || several === state.several) return { checked: true, several, against: 0 };
  const against = state.against + 1;
  return against >= CONFIRM_CHECKS ? { checked: true, several, against: 0 } : { ...state, against };
}
