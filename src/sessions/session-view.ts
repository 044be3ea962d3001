/**
 * What the session screen shows, as text, from the session state: the stretch and its place in the routine, the rep
 * counter against the target, the hold timer, the calibrated limits with their dates, the reason for a stop.
 * Pure, so components only render.
 */
import type { SessionState } from './session-flow.ts';
import { calibrationConfig, steadyHeldS } from './calibration.ts';
import type { CalibrationRecord, SideKey } from './types.ts';
import type { BodyPosition } from '../exercises/types.ts';

export interface SessionView {
  /** "2 of 5" */
  readonly position: string;
  readonly name: string;
  /** Big counter: completed reps ("3"), per side where sided ("L 2 · R 1"). */
  readonly reps: string;
  /** "of 5" / "of 3 each side" */
  readonly target: string;
  /** Hold timer "7 s" with its target "of 10 s", null when no hold runs. */
  readonly hold: { readonly text: string; readonly target: string; readonly paused: boolean } | null;
  /** "Right side" during calibration of sided stretches, or the side to work next. */
  readonly side: string | null;
  /** Calibration progress: sustained depth so far and seconds held still. */
  readonly calibration: { readonly best: string; readonly stillS: number; readonly needS: number } | null;
  /** Saved comfortable limits with dates ("Right: 96° (3 Mar)"). */
  readonly limits: readonly string[];
  /** Why the stretch stopped. */
  readonly stop: { readonly title: string; readonly detail: string } | null;
}

/** A depth in the signal's unit, for people; `decimals` where two close values must read apart (stop reason). */
export function formatDepth(v: number, unit: 'deg' | 'ratio', decimals = 0): string {
  return unit === 'deg' ? `${v.toFixed(decimals)}°` : `${(v * 100).toFixed(decimals)} %`;
}

const capital = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

const SIDE_NAME: Record<SideKey, string> = { left: 'Left', right: 'Right', none: 'Range' };

/** Month names as the app writes dates ("3 Mar 2026"). */
export const MONTH_NAMES = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

/** "Left: 96° (3 Mar 2026)" */
export function limitText(c: CalibrationRecord): string {
  const d = new Date(c.atIso);
  const date = `${d.getDate()} ${MONTH_NAMES[d.getMonth()] ?? ''} ${d.getFullYear()}`;
  return `${SIDE_NAME[c.side]}: ${formatDepth(c.depth, c.unit)} (calibrated ${date})`;
}

/** The screen's text for this state; `nowMs` is the session clock (for the calibration hold). */
export function sessionView(s: SessionState, nowMs: number): SessionView | null {
  const run = s.run;
  if (!run) return null;
  const def = run.def;
  const sided = def.targets.sides !== 'none';
  const u = s.update;
  const reps = sided ? `L ${run.repsBySide.left} · R ${run.repsBySide.right}` : String(run.reps);
  const need = def.targets.reps?.min ?? def.targets.cycles?.min ?? 1;
  const h = s.phase === 'counting' ? u?.hold : null;
  const unit = def.signal.unit;
  const calibSide = s.calibSides[0];
  const last = run.stops.at(-1);
  return {
    position: `${s.index + 1} of ${s.routine.length}`,
    name: def.name,
    reps,
    target: `of ${need}${sided ? ' each side' : ''}`,
    hold: h
      ? {
          text: `${Math.floor(h.elapsedMs / 1000)} s`,
          target: `of ${Math.round(h.targetMs / 1000)} s`,
          paused: h.paused,
        }
      : null,
    side:
      s.phase === 'calibrate' && sided && calibSide
        ? `${SIDE_NAME[calibSide]} side`
        : sided && u?.nextSide
          ? `Next: ${u.nextSide}`
          : null,
    calibration:
      s.phase === 'calibrate'
        ? {
            best: s.calib.best === null ? '–' : formatDepth(s.calib.best, unit),
            stillS: Math.floor(steadyHeldS(s.calib, nowMs)),
            needS: calibrationConfig(unit).steadyMs / 1000,
          }
        : null,
    limits: (['left', 'right', 'none'] as const).flatMap((k) => (run.limits[k] ? [limitText(run.limits[k])] : [])),
    stop:
      s.phase === 'stopped' && last
        ? last.reason === 'pain'
          ? {
              title: 'Stopped: you pressed PAIN',
              detail: `At rep ${last.rep}${last.depth === null ? '' : `, ${def.signal.label} ${formatDepth(last.depth, unit)}`}.`,
            }
          : {
              title: 'Stopped: past your comfortable range',
              detail: `${capital(def.signal.label)} reached ${formatDepth(last.depth ?? 0, unit, 1)}; your limit is ${formatDepth(last.limit ?? 0, unit, 1)}.`,
            }
        : null,
  };
}

const POSITION_WORDS: Record<BodyPosition, string> = {
  standing: 'standing',
  'four-point-kneel': 'on hands and knees',
  'supine-knees-bent': 'lying on your back, knees bent',
  'supine-knees-straight': 'lying on your back, legs straight',
  prone: 'lying on your stomach',
  'kneeling-lunge': 'kneeling on one knee',
  unknown: 'in position',
};

/** "lying on your stomach or on hands and knees" */
export function positionWords(positions: readonly BodyPosition[]): string {
  return positions.map((p) => POSITION_WORDS[p]).join(' or ');
}
