/**
 * What the coach says, from the engine's per-frame update: rep counts, "hold... 3 more seconds", "alternate: now the
 * left leg", "slower", "that one didn't count: go further". Pure; the throttle decides what is actually spoken.
 */
import type { ExerciseDefinition, Side, TrackerUpdate } from '../exercises/types.ts';
import { formCuesFor, formLine } from './form-cues.ts';

/** `urgent`: a safety stop, said at once over anything being said. `prompt`: what to do next when the session moves
 * on (never dropped, never cutting speech off). `count`: reps and hold countdowns. `info`: technique and side hints. */
export type CuePriority = 'urgent' | 'prompt' | 'count' | 'info';

export interface Cue {
  readonly text: string;
  readonly priority: CuePriority;
  /** A counted rep: play the rep sound. */
  readonly beep?: boolean;
}

/** Whole seconds left in a hold at which the countdown is spoken. */
const SPOKEN_REMAINING_S = [20, 10, 5, 3];

/** Words for switching to `side`: the stretch's own (its sides may be legs), else the side of the body. */
export function switchText(def: ExerciseDefinition, side: Side): string {
  return def.cues?.switchSide?.(side) ?? `Now the ${side} side.`;
}

/** Cues for one update, most important first. `prev` is the previous update (for the hold countdown). */
export function cuesFor(update: TrackerUpdate, prev: TrackerUpdate | null, def: ExerciseDefinition): Cue[] {
  const out: Cue[] = [];
  for (const e of update.events) {
    if (e.type === 'rep-counted') out.push({ text: `${update.repCount}.`, priority: 'count', beep: true });
    else if (e.type === 'rep-rejected') {
      if (e.reason === 'not-far-enough')
        out.push({ text: "That one didn't count: go a little further.", priority: 'info' });
      else if (e.reason === 'too-fast') out.push({ text: 'Slower.', priority: 'info' });
      else if (e.reason === 'hold-too-short')
        out.push({ text: "That one didn't count: hold it longer.", priority: 'info' });
    } else if (e.type === 'switch-side') out.push({ text: switchText(def, e.next), priority: 'info' });
    else if (e.type === 'hold-started') out.push({ text: 'Hold.', priority: 'count' });
    else if (e.type === 'hold-ended') out.push({ text: 'And release.', priority: 'count' });
    // a hold paused by a form fault: its fix is said by formCuesFor
    else if (e.type === 'hold-paused' && e.reason !== 'left-position' && e.reason !== 'form')
      out.push({ text: 'Hold paused: I lost sight of you.', priority: 'info' });
  }
  out.push(...formCuesFor(update, def));
  const h = update.hold;
  const ph = prev?.hold;
  if (h && !h.paused && ph) {
    const left = Math.ceil((h.targetMs - h.elapsedMs) / 1000);
    const before = Math.ceil((ph.targetMs - ph.elapsedMs) / 1000);
    if (left < before && SPOKEN_REMAINING_S.includes(left)) {
      out.push({ text: `Hold... ${left} more seconds.`, priority: 'count' });
    }
  }
  return out;
}

/** The line shown on screen between events: what to do right now. */
export function standingCue(update: TrackerUpdate, def: ExerciseDefinition): string {
  const form = formLine(update);
  if (form) return form;
  const h = update.hold;
  if (h && !h.paused) {
    const left = Math.max(0, Math.ceil((h.targetMs - h.elapsedMs) / 1000));
    return left > 0 ? `Hold... ${left} more second${left === 1 ? '' : 's'}.` : 'And release.';
  }
  if (h?.paused) return 'Hold paused: get back into position.';
  if (update.nextSide && def.targets.sides !== 'none') return switchText(def, update.nextSide);
  return 'Move slowly, only as far as is comfortable.';
}
