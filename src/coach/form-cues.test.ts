import { describe, expect, it } from 'vitest';
import { FAULT_RECIPES, injectAt } from '../exercises/checks/fault-recipes.ts';
import { createTracker, getExercise } from '../exercises/registry.ts';
import { synthesize } from '../exercises/synthesize.ts';
import type { TrackerUpdate } from '../exercises/types.ts';
import type { LandmarkTrack } from '../pose/types.ts';
import { DEFAULT_CUE_THROTTLE, INITIAL_CUE_THROTTLE, offerCue } from './cue-throttle.ts';
import { cuesFor, standingCue } from './cues.ts';
import { startFaultCue } from './form-cues.ts';

function updates(track: LandmarkTrack, id: 'prone-extension' | 'hip-flexor' | 'nerve-stretch'): TrackerUpdate[] {
  const tracker = createTracker(id);
  return track.frames.map((f) => tracker.step(f));
}

/** What the voice says over a run, through the throttle (as a session does). */
function spoken(us: readonly TrackerUpdate[], id: 'prone-extension' | 'nerve-stretch'): string[] {
  const def = getExercise(id);
  let throttle = INITIAL_CUE_THROTTLE;
  const said: string[] = [];
  us.forEach((u, i) => {
    for (const c of cuesFor(u, us[i - 1] ?? null, def)) {
      const r = offerCue(throttle, c, u.tMs, DEFAULT_CUE_THROTTLE);
      throttle = r.state;
      if (r.say) said.push(c.text);
    }
  });
  return said;
}

const faulty = (id: 'prone-extension' | 'nerve-stretch', check: string) => {
  const r = FAULT_RECIPES.find((x) => x.exercise === id && x.check === check)!;
  return synthesize(id, { inject: injectAt(r.apply, r.severities[1], r.startS(synthesize(id).expected.holds)) }).track;
};

describe('form cues', () => {
  const us = updates(faulty('prone-extension', 'on-forearms'), 'prone-extension');

  it('says the fix once when a fault appears, and "Better." when it is fixed', () => {
    const said = spoken(us, 'prone-extension');
    const fix = 'Come down onto your forearms, elbows under your shoulders.';
    expect(said.filter((t) => t === fix)).toHaveLength(1);
    expect(said.indexOf('Better.')).toBeGreaterThan(said.indexOf(fix));
    expect(said).not.toContain('Hold paused: I lost sight of you.');
  });

  it('shows the paused hold with its fix beside the video while the fault lasts', () => {
    const def = getExercise('prone-extension');
    const lines = us.filter((u) => u.hold?.paused).map((u) => standingCue(u, def));
    expect(lines).toContain('Hold paused: come down onto your forearms, elbows under your shoulders.');
  });

  it('says why a rep did not count', () => {
    expect(spoken(updates(faulty('nerve-stretch', 'raised-leg-straight'), 'nerve-stretch'), 'nerve-stretch')).toContain(
      "That one didn't count: your raised knee is bent.",
    );
  });

  it('names the rule that keeps a person close to the start position out of it, once', () => {
    const track = synthesize('hip-flexor', { inject: (_t, p) => ({ ...p, backKneeUp: 33 }) }).track;
    const hf = updates(track, 'hip-flexor');
    const cues = hf.map((u, i) => startFaultCue(u, hf[i - 1] ?? null)).filter((c) => c !== null);
    expect(cues.map((c) => c.text)).toEqual([
      'Your back knee is off the floor. Lower your back knee onto the floor, on a cushion.',
    ]);
    const def = getExercise('hip-flexor');
    expect(standingCue(hf[hf.length - 1]!, def)).toBe(cues[0]!.text);
  });
});
