/**
 * Records a guided session keeps: calibrations, stops, pain moments, ratings, whole sessions. Plain data (JSON- and
 * IndexedDB-safe), no DOM. Times are ISO strings for dates and ms/s numbers with the unit in the name.
 */
import type { CheckId } from '../exercises/checks/types.ts';
import type { ExerciseId, Side } from '../exercises/types.ts';
import type { BackendChoice, ModelType } from '../pose/types.ts';

/** Which side a value belongs to; 'none' for stretches without sides. */
export type SideKey = Side | 'none';

/** The user's comfortable, pain-free end range for one stretch and side. */
export interface CalibrationRecord {
  readonly exercise: ExerciseId;
  readonly side: SideKey;
  /** Max depth the user held steadily, in the stretch's signal unit (larger = deeper). */
  readonly depth: number;
  readonly unit: 'deg' | 'ratio';
  /** When it was recorded (ISO 8601). */
  readonly atIso: string;
}

/** The article's three ways out of a stretch that hurts or goes too far. */
export type StopChoice = 'change-technique' | 'reduce-movement' | 'next-stretch';

/** Why a stretch was stopped. */
export type StopReason = 'over-range' | 'pain';

/** One stop: the range went past the calibrated limit, or the user pressed PAIN. */
export interface StopRecord {
  readonly exercise: ExerciseId;
  readonly reason: StopReason;
  /** The rep in progress when it happened (1-based: completed reps + 1). */
  readonly rep: number;
  readonly side: SideKey;
  /** Live depth at that moment, null when the engine was not judging. */
  readonly depth: number | null;
  /** The limit that was exceeded (over-range only). */
  readonly limit: number | null;
  /** Milliseconds since the session started. */
  readonly sessionMs: number;
  readonly atIso: string;
  /** What the user chose next, once chosen. */
  readonly choice: StopChoice | null;
}

export type Relief = 'better' | 'same' | 'worse';

/** The outcome of one stretch within a session. */
export interface StretchResult {
  readonly exercise: ExerciseId;
  readonly reps: number;
  readonly repsBySide: { readonly left: number; readonly right: number };
  readonly holds: readonly { readonly side: SideKey; readonly heldS: number }[];
  /** Deepest depth reached per side during counting (null where never judged). */
  readonly peakDepth: { readonly left: number | null; readonly right: number | null; readonly none: number | null };
  readonly unit: 'deg' | 'ratio';
  /** The calibrated limits in use. */
  readonly calibrated: { readonly left: number | null; readonly right: number | null; readonly none: number | null };
  readonly stops: readonly StopRecord[];
  readonly relief: Relief | null;
  /** Pain 0..10 after the stretch, null if not rated. */
  readonly pain: number | null;
  /** Seconds from intro to rating. */
  readonly durationS: number;
  /** Form faults found while counting, how many times each (absent in records made before form checking). */
  readonly faults?: Partial<Record<CheckId, number>>;
}

/** One stored session. */
export interface SessionRecord {
  readonly id: string;
  readonly startedIso: string;
  /** Local calendar day, 'YYYY-MM-DD'. */
  readonly day: string;
  readonly durationS: number;
  readonly stretches: readonly StretchResult[];
}

/** User settings, persisted. */
export interface Settings {
  readonly voiceOn: boolean;
  /** Web Speech voice name, '' = the browser's default. */
  readonly voiceName: string;
  /** Speech rate 0.5..2 (1 = normal). */
  readonly voiceRate: number;
  readonly beepOn: boolean;
  /** How far past the calibrated range (percent of it) before a stretch is stopped. */
  readonly stopMarginPct: number;
  /** Camera deviceId, '' = default. */
  readonly cameraId: string;
  readonly backend: BackendChoice;
  readonly model: ModelType;
  /** Set once the user has read the disclaimer and red flags. */
  readonly disclaimerAccepted: boolean;
  /** Strict form: a form fault pauses the hold or keeps the rep from counting, as each check declares. Off, faults
   * are only said (for people who want counting only). */
  readonly strictForm: boolean;
  /** Record a video of each stretch of a guided session, kept on this device only (off by default). */
  readonly videoOn: boolean;
  /** The counting view in very large type (count, hold seconds, cue), to read from 2-3 m on the floor. */
  readonly largeType: boolean;
  /** Single-key shortcuts on the session screen (P or space bar for PAIN, 1-3 after a stop). */
  readonly keyShortcuts: boolean;
}

/** Defaults: voice on at normal rate, stop 15 % past the calibrated range, auto backend, full model, normal type. */
export const DEFAULT_SETTINGS: Settings = {
  voiceOn: true,
  voiceName: '',
  voiceRate: 1,
  beepOn: true,
  stopMarginPct: 15,
  cameraId: '',
  backend: 'auto',
  model: 'full',
  disclaimerAccepted: false,
  strictForm: true,
  videoOn: false,
  largeType: false,
  keyShortcuts: true,
};

/** Fills missing or out-of-range fields of stored settings with defaults (older versions, hand edits). */
export function resolveSettings(stored: Partial<Settings> | undefined): Settings {
  const s = { ...DEFAULT_SETTINGS, ...(stored ?? {}) };
  const clamp = (v: number, lo: number, hi: number, d: number) =>
    Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : d;
  return {
    ...s,
    voiceRate: clamp(s.voiceRate, 0.5, 2, DEFAULT_SETTINGS.voiceRate),
    stopMarginPct: clamp(s.stopMarginPct, 0, 50, DEFAULT_SETTINGS.stopMarginPct),
  };
}

/** Local calendar day 'YYYY-MM-DD' of a date. */
export function dayKey(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
