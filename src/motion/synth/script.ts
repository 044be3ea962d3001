/** A small builder for keyframed stretch scripts that writes the ground-truth labels as it goes. Pure. */
import type { Side } from '../features.ts';
import type { Keyframe, Params } from './timeline.ts';

export interface ExpectedHold {
  readonly startS: number;
  readonly endS: number;
  readonly side?: Side;
}

export class Script {
  readonly keys: Keyframe[] = [];
  readonly holds: ExpectedHold[] = [];
  readonly repSides: (Side | undefined)[] = [];
  #t = 0;
  #p: Params;

  constructor(start: Params) {
    this.#p = start;
    this.keys.push({ tS: 0, params: start });
  }

  get tS(): number {
    return this.#t;
  }

  /** Moves to `to` (merged into the current parameters) over `durS`. */
  move(to: Params, durS: number): this {
    this.#t += durS;
    this.#p = { ...this.#p, ...to };
    this.keys.push({ tS: this.#t, params: this.#p });
    return this;
  }

  stay(durS: number): this {
    return this.move({}, durS);
  }

  /** Stays in the end position for `durS`, labelled as a hold (and, when `rep`, as a counted rep). */
  hold(durS: number, side?: Side, rep = true): this {
    const startS = this.#t;
    this.stay(durS);
    this.holds.push({ startS, endS: this.#t, side });
    if (rep) this.repSides.push(side);
    return this;
  }

  /** Labels one counted rep (movement reps, not holds). */
  rep(side?: Side): this {
    this.repSides.push(side);
    return this;
  }
}

/** `rest + scale * (deep - rest)` for every parameter of `deep`: a shallower (scale < 1) version of a movement. */
export function towards(rest: Params, deep: Params, scale: number): Params {
  const out: Record<string, number> = {};
  for (const k of Object.keys(deep)) out[k] = (rest[k] ?? 0) + scale * (deep[k]! - (rest[k] ?? 0));
  return out;
}

/** Left on even reps, right on odd ones: the side of rep `i` of an alternating stretch. */
export const alternate = (i: number): Side => (i % 2 === 0 ? 'left' : 'right');
