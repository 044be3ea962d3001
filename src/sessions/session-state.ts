/** The guided session's state, the actions it takes and the effects it asks for (the reducer: session-flow.ts). */
import type { ExerciseDefinition, ExerciseId, TrackerUpdate } from '../exercises/types.ts';
import type { PoseFrame } from '../pose/types.ts';
import type { SetupVerdict } from '../coach/setup-check.ts';
import type { CuePriority } from '../coach/cues.ts';
import { INITIAL_CUE_THROTTLE, type CueThrottleState } from '../coach/cue-throttle.ts';
import { INITIAL_CALIBRATION, type CalibrationState } from './calibration.ts';
import { INITIAL_STOP_RULE, type StopRuleState } from './stop-rule.ts';
import type { StretchRun } from './stretch-run.ts';
import type { Phase } from './phases.ts';
import type { SessionDraft } from './draft.ts';
import { INITIAL_SESSION_PEOPLE, type PeopleCounterStatus, type SessionPeople } from './session-people.ts';
import type {
  CalibrationRecord,
  Relief,
  SessionRecord,
  SideKey,
  StopChoice,
  StopReason,
  StretchResult,
} from './types.ts';

/** A session's id: its start time, which also names its recordings. */
export const sessionIdOf = (startedIso: string): string => `session-${startedIso}`;

export interface SessionState {
  readonly phase: Phase;
  readonly routine: readonly ExerciseDefinition[];
  readonly index: number;
  readonly run: StretchRun | null;
  readonly results: readonly StretchResult[];
  readonly calibrations: readonly CalibrationRecord[];
  readonly marginPct: number;
  readonly startedMs: number;
  readonly startedIso: string;
  readonly setupOkSinceMs: number | null;
  /** Sides still to calibrate in this calibration step, first = current. */
  readonly calibSides: readonly SideKey[];
  readonly calib: CalibrationState;
  readonly stopRule: StopRuleState;
  /** Why the current stop happened (phase 'stopped'). */
  readonly stopReason: StopReason | null;
  /** After "change technique" the intro leads straight back to counting. */
  readonly retry: boolean;
  readonly update: TrackerUpdate | null;
  /** The camera check on the latest frame (null before one). */
  readonly setup: SetupVerdict | null;
  readonly people: SessionPeople;
  /** What has been spoken, so routine cues do not chatter. */
  readonly throttle: CueThrottleState;
  /** The instruction on screen while counting, and when the last spoken line was offered (session clock). */
  readonly cue: string;
  readonly cueAtMs: number;
  /** Phase 'paused' (the camera stopped): the phase it interrupted, and when (session clock). */
  readonly pausedFrom: Phase | null;
  readonly pausedAtMs: number | null;
  /** When the last draft was asked for (session clock), and what it held (draft.ts). */
  readonly draftAtMs: number;
  readonly draftKey: string;
}

/** Every action carries the session clock (ms since the app's clock origin, as `start` had it). */
export type Action = { nowMs: number } & (
  | {
      type: 'start';
      routine: readonly ExerciseDefinition[];
      calibrations: readonly CalibrationRecord[];
      marginPct: number;
      nowIso: string;
    }
  | { type: 'begin' }
  /** A camera frame and the stretch tracker's verdict on it. */
  | { type: 'frame'; frame: PoseFrame; update: TrackerUpdate; nowIso: string }
  | { type: 'accept-calibration'; nowIso: string }
  | { type: 'recalibrate' }
  | { type: 'pain'; nowIso: string }
  | { type: 'stop-choice'; choice: StopChoice }
  | { type: 'finish-stretch' }
  | { type: 'skip-stretch' }
  | { type: 'rate'; relief: Relief; pain: number }
  /** The people counter is loading (a camera was attached), ready, or cannot run in this browser. */
  | { type: 'people-counter'; status: PeopleCounterStatus }
  /** The answer to `count-people`: person scores, highest first; null when the call failed. */
  | { type: 'people-counted'; scores: readonly number[] | null }
  /** The camera's track ended or stopped delivering pictures (unplugged, taken by another app). */
  | { type: 'camera-lost' }
  /** A camera is delivering pictures again (after Resume). */
  | { type: 'camera-back' }
  /** End the session now and keep what was done so far (the camera cannot come back). */
  | { type: 'end-session' }
  /** Go on with a session kept as a draft (a reload, a closed tab); `routine` is the draft's stretches. */
  | { type: 'restore'; draft: SessionDraft; routine: readonly ExerciseDefinition[] }
);

export type Effect =
  /** Say this now; `urgent` (a safety stop) cuts off what is being said, anything else queues behind it. Only lines
   * the cue throttle let through are emitted. */
  | { type: 'say'; text: string; priority: CuePriority }
  /** The rep sound. */
  | { type: 'beep' }
  /** Keep this frame for review as part of `exercise`'s recording. */
  | { type: 'record'; exercise: ExerciseId; frame: PoseFrame; sessionMs: number }
  /** `exercise` is over in this session (rated, stopped, skipped): its recording goes to storage and out of memory. */
  | { type: 'stretch-ended'; exercise: ExerciseId; sessionId: string }
  /** Run the people counter on the current camera picture and answer with `people-counted`. */
  | { type: 'count-people' }
  | { type: 'save-calibration'; record: CalibrationRecord }
  | { type: 'save-session'; record: SessionRecord }
  /** Keep the session so far (draft.ts says when); a failure must not stop the session. */
  | { type: 'save-draft'; draft: Omit<SessionDraft, 'savedIso'> }
  /** Start a fresh engine tracker for the current stretch, with these calibrated depths. */
  | { type: 'new-tracker'; def: ExerciseDefinition; calibratedDepth: { left?: number; right?: number; none?: number } };

export const INITIAL_SESSION: SessionState = {
  phase: 'choose',
  routine: [],
  index: 0,
  run: null,
  results: [],
  calibrations: [],
  marginPct: 15,
  startedMs: 0,
  startedIso: '',
  setupOkSinceMs: null,
  calibSides: [],
  calib: INITIAL_CALIBRATION,
  stopRule: INITIAL_STOP_RULE,
  stopReason: null,
  retry: false,
  update: null,
  setup: null,
  people: INITIAL_SESSION_PEOPLE,
  throttle: INITIAL_CUE_THROTTLE,
  cue: '',
  cueAtMs: -Infinity,
  pausedFrom: null,
  pausedAtMs: null,
  draftAtMs: -Infinity,
  draftKey: '',
};
