/** Keeps the counted reps per side and says which side comes next (alternate, or all on one side then the other). */
import type { CheckId } from '../checks/types.ts';
import type { EngineEvent, ExerciseTargets, RepRecord, Side } from '../types.ts';

/** Says which form fault, if any, keeps a finished rep from counting. */
export type RepGate = (startMs: number, endMs: number) => CheckId | null;

const other = (s: Side): Side => (s === 'left' ? 'right' : 'left');

export class SideBook {
  readonly #targets: Pick<ExerciseTargets, 'sides' | 'reps'>;
  readonly reps: RepRecord[] = [];
  #bySide = { left: 0, right: 0 };
  #next: Side | null = null;

  readonly #gate: RepGate | undefined;

  constructor(targets: Pick<ExerciseTargets, 'sides' | 'reps'>, gate?: RepGate) {
    this.#targets = targets;
    this.#gate = gate;
  }

  count(rep: RepRecord, tMs: number, events: EngineEvent[]): void {
    const fault = this.#gate?.(rep.startS * 1000, rep.endS * 1000);
    if (fault) {
      events.push({
        type: 'rep-rejected',
        tMs,
        reason: 'form',
        check: fault,
        side: rep.side,
        peakDepth: rep.peakDepth,
      });
      return;
    }
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
