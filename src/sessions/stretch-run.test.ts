import { describe, expect, it } from 'vitest';
import { newRun, toResult, trackProgress } from './stretch-run.ts';
import { PRONE, upd } from './test-support.ts';

describe('fault counts per stretch', () => {
  it('counts each fault raised while counting, not those before the start position, and keeps them in the record', () => {
    let run = newRun(PRONE, 0, []);
    run = trackProgress(run, upd({ started: false, events: [{ type: 'fault-started', tMs: 0, check: 'hips-down' }] }));
    run = trackProgress(run, upd({ events: [{ type: 'fault-started', tMs: 100, check: 'on-forearms' }] }));
    run = trackProgress(run, upd({ events: [{ type: 'fault-ended', tMs: 900, check: 'on-forearms' }] }));
    run = trackProgress(run, upd({ events: [{ type: 'fault-started', tMs: 2000, check: 'on-forearms' }] }));
    expect(toResult(run, 5000, null, null).faults).toEqual({ 'on-forearms': 2 });
  });
});
