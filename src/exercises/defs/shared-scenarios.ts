/** Generator scenarios shared by several stretches (src/motion/synth). Pure. */
import type { Scenario, SynthVariant } from '../../motion/synth/render-scenario.ts';
import { supine } from '../../motion/synth/poses.ts';
import { alternate, Script, towards } from '../../motion/synth/script.ts';

/** Lying on the back, knees bent, drawing one knee (alternating legs) or both to the chest and holding. */
export function kneesToChest(v: SynthVariant, legs: 'one' | 'both'): Scenario {
  const k = v.depthScale ?? 1;
  const rest = { hipL: 45, kneeL: 90, hipR: 45, kneeR: 90, plantarL: 45, plantarR: 45 };
  const s = new Script(rest).stay(3);
  const single = legs === 'one';
  for (let i = 0; i < (v.reps ?? 4); i++) {
    const side = single ? alternate(i) : undefined;
    const up = { hip: 125, knee: 115, plantar: 20 };
    const leg = (x: 'L' | 'R') => ({ [`hip${x}`]: up.hip, [`knee${x}`]: up.knee, [`plantar${x}`]: up.plantar });
    const to = side === 'left' ? leg('L') : side === 'right' ? leg('R') : { ...leg('L'), ...leg('R') };
    s.move(towards(rest, to, k), 1)
      .hold(v.holdS ?? (single ? 7 : 6), side, k >= 1)
      .move(rest, 1)
      .stay(2);
  }
  return { pose: supine, script: s, floor: true };
}
