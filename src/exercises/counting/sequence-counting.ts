/** Back block: a long hold on the block, then knees to the chest; a cycle is done when the knee hold completes. */
import type { BodyFeatures } from '../../motion/features.ts';
import type { ExerciseDefinition, TrackerOptions } from '../types.ts';
import type { Counting } from './counting.ts';
import { HoldReporter } from './hold-reporter.ts';
import { HoldTimer } from './hold-timer.ts';
import type { SideBook } from './side-book.ts';
import type { SequenceSpec } from './spec.ts';

export function createSequenceCounting(
  c: SequenceSpec,
  def: ExerciseDefinition,
  options: TrackerOptions,
  book: SideBook,
  vis: (f: BodyFeatures | null) => number,
): Counting {
  const blockTarget = 1000 * (options.holdTargetS ?? def.targets.holdS?.min ?? 60);
  const kneeTarget = 5000; // the article's knee-to-chest hold after each block hold
  let blockDone = false;
  const block = new HoldReporter(new HoldTimer(c.block), c.block, blockTarget, () => (blockDone = true));
  const knees = new HoldReporter(new HoldTimer(c.knees), c.knees, kneeTarget, (rep, tMs, events) =>
    book.count(rep, tMs, events),
  );
  let stage: 'block-hold' | 'knee-to-chest' = 'block-hold';
  return {
    step(inp, events) {
      const f = inp.features;
      if (stage === 'block-hold') {
        const m = f ? c.block.measure(f) : null;
        if (inp.formPause) block.timer.skip(inp.tMs);
        block.step(m?.depth ?? null, null, vis(f), inp.tMs, inp.reason, events);
        // the knees come up while the pelvis is still on the block: once the block hold has had its time, it ends here
        const kneesUp = f ? c.knees.measure(f) : null;
        const st = block.timer.state;
        if (st && st.heldMs >= blockTarget && kneesUp && kneesUp.depth >= c.knees.enterDepth)
          block.finish(inp.tMs, events);
        if (blockDone) {
          blockDone = false;
          stage = 'knee-to-chest';
        }
        return { depth: m?.depth ?? null };
      }
      const m = f ? c.knees.measure(f) : null;
      if (inp.formPause) knees.timer.skip(inp.tMs);
      const out = knees.step(m?.depth ?? null, null, vis(f), inp.tMs, inp.reason, events);
      if (out.some((e) => e.type === 'ended')) stage = 'block-hold';
      return { depth: m?.depth ?? null };
    },
    summary: () => ({
      ...book.summary(),
      hold: (stage === 'block-hold' ? block : knees).summaryHold(),
      sequence: { stage, cyclesDone: book.summary().repCount },
    }),
    finish: (tMs, events) => (stage === 'block-hold' ? block : knees).finish(tMs, events),
  };
}
