import { describe, expect, it } from 'vitest';
import { CycleCounter } from './cycle-counter.ts';
import { HoldTimer } from './hold-timer.ts';
import { RepCounter } from './rep-counter.ts';

const hold = {
  type: 'hold',
  enterDepth: 100,
  exitDepth: 90,
  settlePerS: 60,
  minReportMs: 1500,
  graceMs: 1500,
} as const;

describe('RepCounter', () => {
  const spec = { type: 'reps', enterDepth: 30, exitDepth: 10, minPhaseMs: 500 } as const;
  it.each([
    { name: 'a full excursion counts', trace: [0, 20, 35, 20, 5], reps: 1, rejected: [] },
    {
      name: 'jitter around the target does not double count',
      trace: [0, 32, 28, 33, 29, 31, 5],
      reps: 1,
      rejected: [],
    },
    { name: 'half-way is "not far enough"', trace: [0, 22, 25, 5], reps: 0, rejected: ['not-far-enough'] },
    { name: 'a twitch under the minimum phase is "too fast"', trace: [0, 40, 0], reps: 0, rejected: ['too-fast'] },
  ])('$name', ({ trace, reps, rejected }) => {
    const c = new RepCounter(spec);
    const dtMs = trace.length === 3 ? 100 : 300;
    const events = trace.map((d, i) => c.step(d, i * dtMs)).filter((e) => e !== null);
    expect(events.filter((e) => e.type === 'rep')).toHaveLength(reps);
    expect(events.filter((e) => e.type !== 'rep').map((e) => e.type)).toEqual(rejected);
  });

  it('measures from a rolling baseline when asked (a person whose rest sits at 200 degrees)', () => {
    const c = new RepCounter({
      type: 'reps',
      enterDepth: 5,
      exitDepth: 2.5,
      minPhaseMs: 300,
      baseline: { windowMs: 8000, quantile: 0.2 },
    });
    const trace = [200, 200, 200, 201, 208, 209, 207, 201, 200, 200, 209, 210, 200, 200];
    const reps = trace.map((d, i) => c.step(d, i * 250)).filter((e) => e?.type === 'rep');
    expect(reps).toHaveLength(2);
  });
});

describe('HoldTimer', () => {
  it('pauses across a half-second tracking loss and does not count the lost time', () => {
    const t = new HoldTimer(hold);
    const seq: (number | null)[] = [
      50,
      120,
      130,
      130,
      130,
      null,
      null,
      null,
      null,
      null,
      130,
      130,
      130,
      40,
      40,
      40,
      40,
      40,
      40,
      40,
    ];
    const events = seq.flatMap((d, i) => t.step(d, i * 100));
    expect(events.map((e) => e.type)).toEqual(['started', 'paused', 'resumed', 'ended']);
    const end = events.at(-1);
    if (end?.type !== 'ended') throw new Error('no end');
    // the record spans the end position (the knee reached its plateau at 200 ms, last seen there at 1200 ms); the
    // timer starts once settled over 4 frames (400 ms) dated back to 200, is lost 500-900, sees the knee again
    // 1000-1200, and it drops below range at 1300
    expect([end.startMs, end.endMs]).toEqual([200, 1200]);
    expect(end.heldMs).toBe(400); // only the judged in-range time (200-400, 1000-1200): the 0.5 s lost are not counted
  });

  it('counts a 0.8 s occlusion of the measured joints (body still tracked) that comes back in position as held', () => {
    const t = new HoldTimer(hold);
    const seq: (number | null)[] = [
      50,
      120,
      130,
      130,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      130,
      130,
      40,
      40,
      40,
      40,
      40,
      40,
    ];
    const events = seq.flatMap((d, i) => t.step(d, i * 100, d === null));
    const end = events.at(-1);
    if (end?.type !== 'ended') throw new Error('no end');
    expect(end.heldMs).toBe(1100); // 200-1300 ms: the 0.8 s the far leg was not seen are bridged
  });

  it('keeps counting through a one-frame blip of the detector', () => {
    const t = new HoldTimer(hold);
    const seq: (number | null)[] = [50, 120, 130, 130, null, 130, 130, 40, 40, 40, 40, 40, 40];
    const events = seq.flatMap((d, i) => t.step(d, i * 100));
    const end = events.at(-1);
    if (end?.type !== 'ended') throw new Error('no end');
    expect(end.heldMs).toBe(400); // 200-600 ms, the blip at 400 included
  });

  it('ends a hold where it was last seen when tracking stays lost past the grace time', () => {
    const t = new HoldTimer(hold);
    const seq: (number | null)[] = [130, 130, 130, ...Array<null>(20).fill(null)];
    const events = seq.flatMap((d, i) => t.step(d, i * 100));
    const end = events.find((e) => e.type === 'ended');
    expect(end?.type === 'ended' && end.endMs).toBe(200); // last seen at 200, lost from 300
  });

  it('does not start while the limb is still moving fast', () => {
    const t = new HoldTimer(hold);
    expect(t.step(40, 0)).toEqual([]);
    expect(t.step(120, 100)).toEqual([]); // 800 degrees/s
    expect(t.step(125, 200)).toEqual([]); // still 425 degrees/s over the last 3 frames
    expect(t.step(125, 300)).toEqual([]); // 260 degrees/s over the last 0.3 s (4 frames at 10 fps)
    expect(t.step(125, 400).map((e) => e.type)).toEqual(['started']); // 15 degrees/s: settled
    expect(t.state?.startMs).toBe(100); // dated back to the plateau: 120 is within 15 % of the way down from 125
  });
});

describe('CycleCounter', () => {
  const spec = { type: 'cycle', swing: 0.4 } as const;
  it.each([
    { name: 'neutral, cow, cat, cow', trace: [0.05, 0.05, 0.3, 0.3, 0.05, -0.15, -0.15, 0.05, 0.3], cycles: 1 },
    { name: 'starts in cow, cat, back to cow', trace: [0.3, 0.3, 0.05, -0.15, -0.15, 0.3], cycles: 1 },
    { name: 'starts in cat, cow, cat, cow', trace: [-0.15, 0.3, -0.15, 0.3], cycles: 2 },
    { name: 'cow only, back to neutral each time', trace: [0.05, 0.3, 0.05, 0.3, 0.05, 0.3, 0.05], cycles: 0 },
    { name: 'cat only', trace: [0.05, -0.15, 0.05, -0.15, 0.05], cycles: 0 },
  ])('$name: $cycles', ({ trace, cycles }) => {
    const c = new CycleCounter(spec);
    expect(trace.map((v, i) => c.step(v, i * 500)).filter((e) => e !== null)).toHaveLength(cycles);
  });

  it('knows neutral as half-way between the last two extremes', () => {
    const c = new CycleCounter(spec);
    [0.3, -0.15, -0.1].forEach((v, i) => c.step(v, i * 500));
    expect(c.neutral).toBeCloseTo(0.075);
  });
});
