/**
 * What the coach says and shows about form: the fix for a fault as it appears (once: the throttle keeps the same
 * words from repeating), "Better." when it is fixed, why a rep did not count, and, before the start position is
 * reached, the rule that keeps a person who is close to it out of it. Pure.
 */
import { getSpec } from '../exercises/registry.ts';
import type { CheckId } from '../exercises/checks/types.ts';
import type { ExerciseDefinition, TrackerUpdate } from '../exercises/types.ts';
import type { Cue } from './cues.ts';

/** The stretch's words for a check: what is wrong and how to fix it. */
export function checkWords(def: ExerciseDefinition, id: CheckId): { fault: string; cue: string } | null {
  const c = getSpec(def.id).checks.find((x) => x.id === id);
  return c ? { fault: c.fault, cue: c.cue } : null;
}

/** "Your raised knee is bent." -> "your raised knee is bent." */
const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** Spoken cues for the form events of one update. */
export function formCuesFor(update: TrackerUpdate, def: ExerciseDefinition): Cue[] {
  const out: Cue[] = [];
  for (const e of update.events) {
    if (e.type === 'fault-started' && update.started) {
      const w = checkWords(def, e.check);
      if (w) out.push({ text: w.cue, priority: 'info' });
    } else if (e.type === 'fault-ended' && update.started && update.form.faults.length === 0)
      out.push({ text: 'Better.', priority: 'info' });
    else if (e.type === 'rep-rejected' && e.reason === 'form' && e.check) {
      const w = checkWords(def, e.check);
      if (w) out.push({ text: `That one didn't count: ${lower(w.fault)}`, priority: 'info' });
    }
  }
  return out;
}

/** The line on screen about form now, or null when there is nothing to say: the hold paused by a fault, the
 * worst fault and its fix, or what keeps the person out of the start position. */
export function formLine(update: TrackerUpdate): string | null {
  const f = update.form.faults[0];
  if (f && update.hold?.paused && f.effect === 'pause-hold') return `Hold paused: ${lower(f.cue)}`;
  if (f) return `${f.fault} ${f.cue}`;
  const s = update.form.startFault;
  if (s && !update.started) return `${s.fault} ${s.cue}`;
  return null;
}

/** Said once when the person is close to the start position but a rule of it fails. */
export function startFaultCue(update: TrackerUpdate, prev: TrackerUpdate | null): Cue | null {
  const s = update.form.startFault;
  if (!s || update.started || prev?.form.startFault?.check === s.check) return null;
  return { text: `${s.fault} ${s.cue}`, priority: 'info' };
}
