/**
 * The checks stage of a tracker: runs a stretch's form checks beside its counter, keeps the log of faults, and
 * answers the counter's two questions: is a fault pausing the hold now, and did one spoil this rep. Pure.
 */
import type { EngineEvent, Side } from '../types.ts';
import { CheckState } from './check-state.ts';
import type { ActiveFault, CheckId, CheckInput, CheckPhase, FaultSpan, FormCheck, FormStatus } from './types.ts';

/** A rep spoiled by a reject-rep fault for at least this long (or over half of a short rep) does not count. */
const REJECT_MIN_OVERLAP_MS = 400;

const EFFECT_RANK = { 'reject-rep': 0, 'pause-hold': 1, cue: 2 } as const;

interface LoggedFault {
  readonly check: CheckId;
  readonly startMs: number;
  endMs: number | null;
  readonly side: Side | null;
}

export interface FormStageOptions {
  /** Strict form (default): pause-hold and reject-rep act; off, every fault is only said. */
  readonly strict: boolean;
}

export class FormStage {
  readonly #states: CheckState[];
  readonly #strict: boolean;
  readonly #log: LoggedFault[] = [];
  /** Faults raised before the start position was reached (they say what keeps the person out of it). */
  readonly #unlogged = new Set<CheckId>();
  #mirrored = false;
  #status: FormStatus | null = null;
  #statusKey = '';
  #recording = false;

  constructor(checks: readonly FormCheck[], options: FormStageOptions) {
    this.#states = checks.map((c) => new CheckState(c));
    this.#strict = options.strict;
  }

  /**
   * One frame. `record` is false before the start position is reached: faults then only name what is wrong and
   * are not logged. Pushes fault-started / fault-ended events.
   */
  step(
    input: CheckInput | null,
    phase: CheckPhase | null,
    stage: string | null,
    tMs: number,
    record: boolean,
    events: EngineEvent[],
    mirrored = false,
    holdMs: number | null = null,
  ): void {
    this.#mirrored = mirrored;
    if (record && !this.#recording) for (const st of this.#states) st.restart();
    this.#recording = record;
    const flip = (s: Side | null) => this.#flip(s);
    for (const st of this.#states) {
      const wasActive = st.active;
      const change = st.step(input, phase, stage, tMs, holdMs);
      const id = st.check.id;
      if (record && wasActive && this.#unlogged.has(id) && st.active) {
        // a fault seen since before the start: logged from the moment counting started
        this.#unlogged.delete(id);
        this.#log.push({ check: id, startMs: tMs, endMs: null, side: flip(st.active.side) });
      }
      if (!change) continue;
      if (change.type === 'raised') {
        const side = flip(change.side);
        if (record) this.#log.push({ check: id, startMs: change.startMs, endMs: null, side });
        else this.#unlogged.add(id);
        events.push({ type: 'fault-started', tMs, check: id, side: side ?? undefined });
      } else {
        this.#unlogged.delete(id);
        const open = this.#open(id);
        // a fault from before the start that clears as counting starts was never part of the stretch
        if (open && change.endMs <= open.startMs) this.#log.splice(this.#log.indexOf(open), 1);
        else if (open) open.endMs = change.endMs;
        events.push({ type: 'fault-ended', tMs, check: id });
      }
    }
  }

  /** On a mirrored picture the detector names the person's sides the other way round. */
  #flip(s: Side | null): Side | null {
    return s && this.#mirrored ? (s === 'left' ? 'right' : 'left') : s;
  }

  #open(id: CheckId): LoggedFault | undefined {
    for (let i = this.#log.length - 1; i >= 0; i--) {
      const f = this.#log[i]!;
      if (f.check === id && f.endMs === null) return f;
    }
    return undefined;
  }

  /** The pause-hold fault holding the timer now (strict form only), or null. */
  pausing(): CheckId | null {
    if (!this.#strict) return null;
    return this.#states.find((s) => s.active && s.check.effect === 'pause-hold')?.check.id ?? null;
  }

  /** The reject-rep fault that spoiled a rep from `startMs` to `endMs` (strict form only), or null. */
  rejecting(startMs: number, endMs: number): CheckId | null {
    if (!this.#strict) return null;
    const rejecting = new Set(this.#states.filter((s) => s.check.effect === 'reject-rep').map((s) => s.check.id));
    const need = Math.min(REJECT_MIN_OVERLAP_MS, (endMs - startMs) / 2);
    const hit = this.#log.find(
      (f) => rejecting.has(f.check) && Math.min(endMs, f.endMs ?? endMs) - Math.max(startMs, f.startMs) >= need,
    );
    return hit?.check ?? null;
  }

  /** The checks that found a fault between `startS` and `endS`, in the order they were first seen. */
  faultsIn(startS: number, endS: number): CheckId[] {
    const ids = this.#log
      .filter((f) => f.startMs / 1000 < endS && (f.endMs === null ? Infinity : f.endMs / 1000) > startS)
      .map((f) => f.check);
    return [...new Set(ids)];
  }

  /** The status, rebuilt only when a fault or what can be judged changes (it is read on every frame). */
  status(started: boolean): FormStatus {
    const key = `${started}|${this.#states.map((s) => (s.active ? 'A' : s.judged ? 'j' : '-')).join('')}`;
    if (this.#status && key === this.#statusKey) return this.#status;
    this.#statusKey = key;
    this.#status = this.#buildStatus(started);
    return this.#status;
  }

  #buildStatus(started: boolean): FormStatus {
    const active: ActiveFault[] = this.#states
      .filter((s) => s.active)
      .map((s) => ({
        check: s.check.id,
        sinceMs: s.active!.startMs,
        side: this.#flip(s.active!.side),
        fault: s.check.fault,
        cue: s.check.cue,
        effect: this.#strict ? s.check.effect : 'cue',
        segment: s.check.segment,
      }))
      .sort((a, b) => EFFECT_RANK[a.effect] - EFFECT_RANK[b.effect] || a.sinceMs - b.sinceMs);
    const notJudged = this.#states.filter((s) => !s.judged).map((s) => s.check.id);
    return {
      faults: started ? active : [],
      startFault: started ? null : (active[0] ?? null),
      notJudged,
    };
  }

  /** Every fault logged so far, those still open ending at `endMs`. */
  spans(endMs: number): FaultSpan[] {
    return this.#log.map((f) => ({
      check: f.check,
      startS: Math.round(f.startMs) / 1000,
      endS: Math.round(f.endMs ?? endMs) / 1000,
      ...(f.side ? { side: f.side } : {}),
    }));
  }

  /** Closes the faults still open at the end of a recording. */
  finish(tMs: number, events: EngineEvent[]): void {
    for (const st of this.#states)
      if (st.active) {
        const open = this.#open(st.check.id);
        if (open) open.endMs = tMs;
        st.reset();
        events.push({ type: 'fault-ended', tMs, check: st.check.id });
      }
  }
}
