/**
 * The marks that tell relief and sides apart, each a colour AND a shape or a word (colour is never the only signal):
 * one home for History's charts and table and the relief rating.
 */
import type { Relief, SideKey } from '../sessions/types.ts';

/** Relief: up, level, down, and the word. */
export const RELIEF_MARK: Record<Relief, { readonly shape: string; readonly color: string; readonly word: string }> = {
  better: { shape: '▲', color: '#4cc38a', word: 'better' },
  same: { shape: '●', color: '#9aa4b0', word: 'same' },
  worse: { shape: '▼', color: '#ff5c5c', word: 'worse' },
};

/** Sides in a chart: left a circle, right a square, each line also labelled with its letter at its end. */
export const SIDE_MARK: Record<
  SideKey,
  { readonly shape: 'circle' | 'square'; readonly glyph: string; readonly color: string; readonly word: string }
> = {
  left: { shape: 'circle', glyph: '●', color: '#5fb3ff', word: 'left' },
  right: { shape: 'square', glyph: '■', color: '#ffb347', word: 'right' },
  none: { shape: 'circle', glyph: '●', color: '#4cc38a', word: 'range' },
};
