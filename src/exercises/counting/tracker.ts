/**
 * The generic per-exercise tracker: gates each frame (person, visibility, plausibility, view, start position),
 * measures the stretch's signal, smooths it, and drives the counter its spec names. Emits the contract's events.
 */
import type { PoseFrame } from '../../pose/types.ts';
import { computeFeatures, type BodyFeatures } from '../../motion/features.ts';
import { OneEuroFilter } from '../../motion/one-euro-filter.ts';
import { PlausibilityGate } from '../../motion/plausibility.ts';
import { cameraView, classifyPosition } from '../../motion/position.ts';
import type {
  BodyPosition,
  CameraView,
  EngineEvent,
  ExerciseTracker,
  NotJudgedReason,
  Side,
  TrackerOptions,
  TrackerUpdate,
} from '../types.ts';
import type { ExerciseSpec } from './spec.ts';
import { createCounting, type Counting } from './counting.ts';
import { bodyPoints } from '../../motion/form-features.ts';
import { allFinite, withFiniteWorld } from '../../motion/finite-frame.ts';
import { FormStage } from '../checks/form-stage.ts';
import { phaseOf } from '../checks/phase.ts';
import type { CheckId, CheckPhase, FaultSpan } from '../checks/types.ts';

/** The start position must be seen this long before counting starts (a pass through it does not count). */
const START_CONFIRM_MS = 800;
/** A wrong camera view is reported only after this long, so one odd frame does not nag. */
const WRONG_VIEW_CONFIRM_MS = 1500;

function outOfFrame(frame: PoseFrame): boolean {
  const lm = frame.landmarks;
  if (!lm) return false;
  // hips or shoulders outside the picture: the detector extrapolates them, so they cannot be judged
  return [11, 12, 23, 24].some((i) => {
    const l = lm[i];
    return !l || l.x < -0.02 || l.x > 1.02 || l.y < -0.02 || l.y > 1.02;
  });
}

export class GenericTracker implements ExerciseTracker {
  readonly definition;
  readonly #spec: ExerciseSpec;
  readonly #options: TrackerOptions;
  readonly #gate = new PlausibilityGate();
  readonly #filter: OneEuroFilter;
  #counting: Counting;
  #positionSinceMs: number | null = null;
  #started = false;
  #wrongViewSinceMs: number | null = null;
  #notJudged: NotJudgedReason | null = null;
  #lastTMs = 0;
  #form: FormStage;
  /** Where in a rep or hold the last frame was: which form rules apply. */
  #phase: CheckPhase = 'start';
  /** The form fault that has the hold timer stopped, if any. */
  #formPausedBy: CheckId | null = null;
  #workSide: Side | null = null;

  constructor(spec: ExerciseSpec, options: TrackerOptions = {}) {
    this.#spec = spec;
    this.#options = options;
    this.definition = spec.definition;
    this.#filter = new OneEuroFilter(spec.smoothing);
    this.#form = this.#newForm();
    this.#counting = this.#newCounting();
  }

  #newForm(): FormStage {
    return new FormStage(this.#spec.checks, { strict: this.#options.strictForm ?? true });
  }

  #newCounting(): Counting {
    return createCounting(this.#spec, this.#options, (a, b) => this.#form.rejecting(a, b));
  }

  step(input: PoseFrame): TrackerUpdate {
    const frame = withFiniteWorld(input);
    const events: EngineEvent[] = [];
    const tMs = frame.tMs;
    this.#lastTMs = tMs;
    const features = computeFeatures(frame);
    let position: BodyPosition = 'unknown';
    let view: CameraView | 'unknown' = 'unknown';
    let reason: NotJudgedReason | null;
    let depth: number | null = null;
    let side: Side | null = null;
    let workSide: Side | null = null;
    let plausible = false;

    if (!frame.landmarks) reason = 'no-person';
    // a NaN or an infinity in the picture's landmarks is a broken detection, not a pose: not judged, and said so (a
    // NaN visibility would pass the plausibility gate, whose comparisons are all false for NaN)
    else if (!allFinite(frame.landmarks)) reason = 'implausible-pose';
    else if (!features) reason = outOfFrame(frame) ? 'out-of-frame' : 'low-visibility';
    else {
      const verdict = this.#gate.check(features);
      if (verdict !== 'ok') reason = verdict;
      else {
        plausible = true;
        // the worked side, kept while the measure cannot tell it (a person does not swap legs unseen)
        const measured = this.#spec.measure(features);
        workSide = measured?.side ?? this.#workSide;
        this.#workSide = workSide;
        position = classifyPosition(features);
        view = cameraView(features);
        reason = this.#judge(features, position, view, tMs, events);
        if (!reason) {
          const m = measured;
          if (!m) reason = outOfFrame(frame) ? 'out-of-frame' : 'low-visibility';
          else {
            depth = this.#filter.apply(m.depth, tMs);
            // on a mirrored picture the detector names the person's sides the other way round
            side = m.side && frame.mirrored ? (m.side === 'left' ? 'right' : 'left') : m.side;
          }
        }
      }
    }
    this.#reportJudging(reason, tMs, events);
    const features2: BodyFeatures | null = reason ? null : features;
    // only rep counters that must stay in the start position look at it once counting
    const c = this.#spec.counter;
    const inStartPosition =
      features2 && c.type === 'reps' && c.stayInPosition ? this.#spec.inPosition(features2, position) : null;
    const formPause = this.#checkForm(frame, plausible ? features : null, position, workSide, events);
    const counted = this.#started
      ? this.#counting.step({ depth, side, features: features2, tMs, reason, inStartPosition, formPause }, events)
      : null;
    const summary = this.#counting.summary();
    const update = {
      tMs,
      position,
      view,
      started: this.#started,
      // a cycle counter reports distance from neutral, unknown (null) before the first swing: never the raw signal
      depth: counted ? counted.depth : depth,
      side,
      notJudged: reason,
      events: this.#withFaults(events),
      form: this.#form.status(this.#started),
      ...summary,
      hold: summary.hold && formPause ? { ...summary.hold, paused: true } : summary.hold,
    };
    if (this.#started) this.#phase = phaseOf(this.#spec, update);
    return update;
  }

  /** The checks stage: judges the rules that apply now, and says whether a fault stops the hold timer. */
  #checkForm(
    frame: PoseFrame,
    f: BodyFeatures | null,
    position: BodyPosition,
    workSide: Side | null,
    events: EngineEvent[],
  ): boolean {
    const points = f ? bodyPoints(frame) : null;
    const input = f && points ? { features: f, points, workSide, position } : null;
    // before counting starts, rules are judged only close to the start position, to say what keeps the person out
    const near = f && (this.#spec.inPosition(f, position) || (this.#spec.nearStart?.(f, position) ?? false));
    const phase: CheckPhase | null = this.#started ? this.#phase : near ? 'start' : null;
    const before = this.#counting.summary();
    this.#form.step(
      input,
      phase,
      before.sequence?.stage ?? null,
      frame.tMs,
      this.#started,
      events,
      frame.mirrored ?? false,
      before.hold?.elapsedMs ?? null,
    );
    const holding = before.hold !== null;
    const by = holding ? this.#form.pausing() : null;
    if (by !== this.#formPausedBy) {
      if (by) events.push({ type: 'hold-paused', tMs: frame.tMs, reason: 'form', check: by });
      else if (holding) events.push({ type: 'hold-resumed', tMs: frame.tMs });
      this.#formPausedBy = by;
    }
    return by !== null && (this.#phase === 'hold' || this.#phase === 'end-range');
  }

  /** Gives each counted rep and finished hold the list of checks that found a fault in it. */
  #withFaults(events: EngineEvent[]): EngineEvent[] {
    if (!events.some((e) => e.type === 'rep-counted' || e.type === 'hold-ended')) return events;
    return events.map((e) =>
      e.type === 'rep-counted'
        ? { ...e, rep: { ...e.rep, faults: this.#form.faultsIn(e.rep.startS, e.rep.endS) } }
        : e.type === 'hold-ended'
          ? { ...e, hold: { ...e.hold, faults: this.#form.faultsIn(e.hold.startS, e.hold.endS) } }
          : e,
    );
  }

  /** Every form fault seen so far (open ones end at the last frame). */
  faults(): readonly FaultSpan[] {
    return this.#form.spans(this.#lastTMs);
  }

  /** Closes whatever is in progress at the end of a recording. */
  finish(): readonly EngineEvent[] {
    const events: EngineEvent[] = [];
    this.#counting.finish(this.#lastTMs, events);
    const out = this.#withFaults(events);
    this.#form.finish(this.#lastTMs, out);
    return out;
  }

  reset(): void {
    this.#gate.reset();
    this.#filter.reset();
    this.#form = this.#newForm();
    this.#counting = this.#newCounting();
    this.#phase = 'start';
    this.#formPausedBy = null;
    this.#workSide = null;
    this.#positionSinceMs = null;
    this.#started = false;
    this.#wrongViewSinceMs = null;
    this.#notJudged = null;
  }

  /** View and start-position gates; returns why the frame cannot be judged, or null. */
  #judge(
    f: BodyFeatures,
    position: BodyPosition,
    view: CameraView,
    tMs: number,
    events: EngineEvent[],
  ): NotJudgedReason | null {
    if (!this.#spec.views.includes(view)) {
      this.#wrongViewSinceMs ??= tMs;
      if (tMs - this.#wrongViewSinceMs >= WRONG_VIEW_CONFIRM_MS) return 'wrong-view';
    } else this.#wrongViewSinceMs = null;
    if (this.#started) return null;
    if (!this.#spec.inPosition(f, position)) {
      this.#positionSinceMs = null;
      return 'not-in-start-position';
    }
    this.#positionSinceMs ??= tMs;
    if (tMs - this.#positionSinceMs < START_CONFIRM_MS) return 'not-in-start-position';
    this.#started = true;
    events.push({ type: 'start-position-reached', tMs });
    return null;
  }

  #reportJudging(reason: NotJudgedReason | null, tMs: number, events: EngineEvent[]): void {
    if (reason === this.#notJudged) return;
    if (reason) events.push({ type: 'not-judged', tMs, reason });
    else if (this.#notJudged) events.push({ type: 'judged-again', tMs });
    this.#notJudged = reason;
  }
}
