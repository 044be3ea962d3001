/** Keeps the counted reps per side and says which side comes next (alternate, or all on one side then the other). */
import type { EngineEvent, ExerciseTargets, RepRecord, Side } from '../types.ts';

const other = (s: Side): Side => (s === 'left' ? 'right' : 'left');

export class SideBook {
  readonly #targets: Pick<ExerciseTargets, 'sides' | 'reps'>;
  readonly reps: RepRecord[] = [];
  #bySide = { left: 0, right: 0 };
  #next: Side | null = null;

  constructor(targets: Pick<ExerciseTargets, 'sides' | 'reps'>) {
    this.#targets = targets;
  }

  count(rep: RepRecord, tMs: number, events: EngineEvent[]): void {
    this.reps.push(rep);
    events.push({ type: 'rep-counted', tMs, rep });
    const side = rep.side;
    if (!side || this.#targets.sides === 'none') return;
    this.#bySide = { ...this.#bySide, [side]: this.#bySide[side] + 1 };
    let next: Side = side;
    if (this.#targets.sides === 'alternate') next = other(side);
    else if (this.#bySide[side] >= (this.#targets.reps?.min ?? 1)) next = other(side);
    if (next !== this.#next && (this.#targets.sides === 'alternate' || next !== side))
      events.push({ type: 'switch-side', tMs, next });
    this.#next = next;
  }

  summary(): { repCount: number; repsBySide: { left: number; right: number }; nextSide: Side | null } {
    return { repCount: this.reps.length, repsBySide: this.#bySide, nextSide: this.#next };
  }
}
