/** Helpers for a check's `read`: a measure that may be unknown becomes a reading or "not judged". Pure. */
import type { Side } from '../types.ts';
import type { CheckReading } from './types.ts';

const other = (s: Side): Side => (s === 'left' ? 'right' : 'left');

/** The reading of a whole-body measure (no side); null (not judged) when the measure is unknown. */
export function reading(value: number | null, side: Side | null = null): CheckReading | null {
  return value === null ? null : { value, side };
}

/** A measure on one leg or arm: `side` (or the other one with `opposite`), null when the side cannot be told. */
export function readSide(
  side: Side | null,
  measure: (s: Side) => number | null,
  opposite = false,
): CheckReading | null {
  if (!side) return null;
  const s = opposite ? other(side) : side;
  return reading(measure(s), s);
}
