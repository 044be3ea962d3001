/**
 * The session screen's keyboard shortcuts, decided from the key and the phase: P or the space bar press PAIN in every
 * phase where PAIN works, and 1-3 pick one of the article's three steps after a stop. Pure, so the screen only
 * listens and performs.
 */
import { PAIN_PHASES, type Phase } from './phases.ts';
import type { StopChoice } from './types.ts';

/** What the person pressed, as the screen's key listener sees it. */
export interface KeyPress {
  /** KeyboardEvent.key */
  readonly key: string;
  /** Ctrl, Alt or Meta held: a browser or system shortcut, never ours. */
  readonly modifier: boolean;
  /** The focus is in a field that takes text (typing a P there is not a PAIN press). */
  readonly typing: boolean;
  /** The person keeps single-key shortcuts on (Settings; WCAG 2.1.4 asks that they can be turned off). */
  readonly shortcutsOn: boolean;
}

export type KeyAction = { readonly type: 'pain' } | { readonly type: 'stop-choice'; readonly choice: StopChoice };

/** The stop choices in the order shown (and numbered 1-3) on screen. */
const STOP_CHOICE_ORDER: readonly StopChoice[] = ['change-technique', 'reduce-movement', 'next-stretch'];

/** The keys that press PAIN, as `aria-keyshortcuts` and on-screen words say them. */
export const PAIN_KEYS = { aria: 'P Space', words: 'P or space bar' } as const;

/** The action for `press` in `phase`, or null when the key is not a shortcut there (the browser handles it). */
export function sessionKeyAction(phase: Phase, press: KeyPress): KeyAction | null {
  if (!press.shortcutsOn || press.modifier || press.typing) return null;
  if (PAIN_PHASES.has(phase) && (press.key === ' ' || press.key.toLowerCase() === 'p')) return { type: 'pain' };
  const choice = phase === 'stopped' ? STOP_CHOICE_ORDER[Number(press.key) - 1] : undefined;
  return choice && /^[1-3]$/.test(press.key) ? { type: 'stop-choice', choice } : null;
}
