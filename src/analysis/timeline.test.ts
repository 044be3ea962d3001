import { describe, expect, it } from 'vitest';
import { countTrackCurve, type DepthCurve } from './count-track.ts';
import { nearestIndex, stepFrame, timelineOf, type SessionMarks } from './timeline.ts';
import { playheadFraction, timeAtFraction, timelineGeometry } from './timeline-geometry.ts';
import { getSpec } from '../exercises/registry.ts';
import { targetDepth } from '../exercises/counting/counting.ts';
import { synthesize } from '../exercises/synthesize.ts';
import type { CountingReport, ExerciseId } from '../exercises/types.ts';
import type { StopRecord } from '../sessions/types.ts';

/** A curve sampled at 10 fps from a function of time (NaN = not judged). */
function curveOf(durationS: number, depth: (tS: number) => number): DepthCurve {
  const n = Math.round(durationS * 10) + 1;
  const tS = Float64Array.from({ length: n }, (_, i) => i / 10);
  return { tS, depth: tS.map(depth) };
}

const EMPTY: CountingReport = { exercise: 'pelvic-tilt', repCount: 0, reps: [], holds: [], notJudged: [], faults: [] };

function stop(reason: StopRecord['reason'], sessionMs: number, depth: number | null): StopRecord {
  return {
    exercise: 'pelvic-tilt',
    reason,
    rep: 2,
    side: 'none',
    depth,
    limit: reason === 'over-range' ? 20 : null,
    sessionMs,
    atIso: '2026-03-02T08:00:00.000Z',
    choice: null,
  };
}

describe('timeline of a generated track', () => {
  it.each<[ExerciseId, 'rep' | 'hold']>([
    ['pelvic-tilt', 'rep'],
    ['lumbar-roll', 'rep'],
    ['cat-camel', 'rep'],
    ['knee-to-chest', 'hold'],
    ['single-knee-to-chest', 'hold'],
    ['hip-flexor', 'hold'],
  ])('%s: one %s band and one table row per counted rep or hold, in time order, on the scripted sides', (id, kind) => {
    const clip = synthesize(id, { seed: 3 });
    const { report, curve } = countTrackCurve(clip.track, id);
    const t = timelineOf({ report, curve, spec: getSpec(id), durationS: clip.track.durationS });
    const expected = kind === 'rep' ? clip.expected.reps : clip.expected.holds.length;
    expect(t.bands).toHaveLength(expected);
    expect(t.bands.every((b) => b.kind === kind)).toBe(true);
    expect(t.rows).toHaveLength(expected);
    expect(t.bands.map((b) => b.startS)).toEqual([...t.bands.map((b) => b.startS)].sort((a, b) => a - b));
    if (id === 'cat-camel') expect(t.rows.every((r) => /^\d+\.\d s a cycle$/.test(r.tempo))).toBe(true);
    else if (kind === 'rep') {
      expect(t.bands.map((b) => b.side ?? undefined)).toEqual(clip.expected.repSides);
      expect(t.rows.map((r) => r.rep)).toEqual(t.bands.map((_, i) => i + 1));
      // tempo: out and back add up to the rep's length, each part inside it
      for (const [i, r] of t.rows.entries()) {
        const [out, back] = [...r.tempo.matchAll(/(\d+\.\d) s/g)].map((m) => Number(m[1]));
        const b = t.bands[i]!;
        expect(out! + back!).toBeCloseTo(b.endS - b.startS, 0);
        expect(out).toBeGreaterThan(0);
        expect(back).toBeGreaterThan(0);
      }
    } else {
      expect(t.bands.map((b) => b.side ?? undefined)).toEqual(clip.expected.holds.map((h) => h.side));
      expect(t.rows.every((r) => /^\d+\.\d s$/.test(r.held))).toBe(true);
    }
    // the curve is the counter's depth, judged through every band (cat/camel's distance from neutral is unknown
    // until the first swing has shown where neutral is)
    for (const b of id === 'cat-camel' ? t.bands.slice(1) : t.bands) {
      const inside = Array.from(curve.tS).flatMap((s, i) => (s >= b.startS && s <= b.endS ? [curve.depth[i]!] : []));
      expect(inside.filter((v) => !Number.isNaN(v)).length).toBeGreaterThan(inside.length / 2);
    }
  });

  it('the target line is the depth the counter counts from; the curve passes it in every rep', () => {
    const id = 'lumbar-roll';
    const clip = synthesize(id, { seed: 3 });
    const { report, curve } = countTrackCurve(clip.track, id);
    const target = targetDepth(getSpec(id));
    const t = timelineOf({ report, curve, spec: getSpec(id), durationS: clip.track.durationS });
    expect(t.lines.find((l) => l.kind === 'target')?.depth).toBe(target);
    for (const r of report.reps) expect(r.peakDepth).toBeGreaterThanOrEqual(target!);
  });
});

describe('timeline markers and limits', () => {
  const curve = curveOf(30, (s) => (s > 20 && s < 22 ? NaN : 10 * Math.sin(s)));
  const spec = getSpec('pelvic-tilt');
  const base = { curve, spec, durationS: 30 };
  const target = targetDepth(spec, { calibratedDepth: { none: 20 } });
  const calibrated = { left: null, right: null, none: 20 };

  it.each<[string, SessionMarks, { kind: string; tS: number }[], number]>([
    [
      'stops placed at their session time minus the recording start',
      {
        calibrated,
        stops: [stop('over-range', 17_000, 23.4), stop('pain', 29_000, 12)],
        recordingStartSessionMs: 5000,
      },
      [
        { kind: 'over-range', tS: 12 },
        { kind: 'pain', tS: 24 },
      ],
      0,
    ],
    [
      'a stop just after the last frame kept is at the end',
      { calibrated, stops: [stop('pain', 35_500, null)], recordingStartSessionMs: 5000 },
      [{ kind: 'pain', tS: 30 }],
      0,
    ],
    [
      'a recording without its session time: the stops are listed, not placed',
      { calibrated, stops: [stop('pain', 29_000, 12)], recordingStartSessionMs: null },
      [],
      1,
    ],
  ])('%s', (_, session, markers, unplaced) => {
    const t = timelineOf({ ...base, report: EMPTY, session });
    expect(t.markers.map((m) => ({ kind: m.kind, tS: m.tS }))).toEqual(markers);
    expect(t.unplaced).toHaveLength(unplaced);
  });

  it('form faults are markers at their start, spans not judged keep their reason in words', () => {
    const report: CountingReport = {
      ...EMPTY,
      faults: [{ check: 'rocking', startS: 4.2, endS: 6 }],
      notJudged: [{ startS: 20, endS: 22, reason: 'no-person' }],
    };
    const t = timelineOf({ ...base, report });
    expect(t.markers).toMatchObject([{ kind: 'fault', tS: 4.2, endS: 6 }]);
    expect(t.spans[0]?.label).toBe('Not judged 0:20.0–0:22.0: nobody in the picture');
  });

  it('a rep row: range against the limit, tempo from the curve peak', () => {
    // a rep 2-5 s that peaks at 3 s: 1 s out, 2 s back
    const tri = curveOf(8, (s) => (s < 2 || s > 5 ? 0 : s <= 3 ? 25 * (s - 2) : 25 * (1 - (s - 3) / 2)));
    const report: CountingReport = {
      ...EMPTY,
      repCount: 2,
      reps: [
        { startS: 2, endS: 5, peakDepth: 25, confidence: 1 },
        { startS: 6, endS: 7, peakDepth: 12, confidence: 1 },
      ],
    };
    const t = timelineOf({
      ...base,
      curve: tri,
      report,
      durationS: 8,
      session: { calibrated, stops: [], recordingStartSessionMs: 0 },
    });
    expect(t.rows[0]).toMatchObject({ rep: 1, range: '25° (over the 20° limit)', overLimit: true });
    expect(t.rows[0]?.tempo).toBe('1.0 s out, 2.0 s back');
    expect(t.rows[1]?.range).toBe('12° (limit 20°)');
    expect(t.lines.map((l) => l.label)).toEqual(['Comfortable limit: 20°', `Counts from ${target!.toFixed(0)}°`]);
  });

  it('holds: every hold is a band and a row; only those that lasted the target have a rep number', () => {
    const report: CountingReport = {
      ...EMPTY,
      exercise: 'prone-extension',
      repCount: 1,
      reps: [{ startS: 12, endS: 24, peakDepth: 30, confidence: 1 }],
      holds: [
        { startS: 2, endS: 8, heldS: 5.5, peakDepth: 28, confidence: 1 },
        { startS: 12, endS: 24, heldS: 11.2, peakDepth: 30, confidence: 1 },
      ],
    };
    const t = timelineOf({ ...base, spec: getSpec('prone-extension'), report });
    expect(t.bands.map((b) => b.counted)).toEqual([false, true]);
    expect(t.bands[0]?.label).toMatch(/held 5\.5 s \(under the 10 s target\)$/);
    expect(t.rows.map((r) => [r.rep, r.held, r.tempo])).toEqual([
      [null, '5.5 s', '6.0 s in all'],
      [1, '11.2 s', '12.0 s in all'],
    ]);
  });
});

describe('frames and geometry', () => {
  it.each<[number, number, -1 | 1, number]>([
    [0, 0, 1, 100],
    [140, 1, 1, 200],
    [160, 2, -1, 100],
    [10_000, 59, 1, 5900],
    [-50, 0, -1, 0],
  ])('at %s ms the nearest frame is #%s; a step %s lands on %s ms', (t, i, dir, next) => {
    const times = Float64Array.from({ length: 60 }, (_, k) => k * 100);
    expect(nearestIndex(times, t)).toBe(i);
    expect(stepFrame(times, t, dir)).toBe(next);
  });

  it('10 minutes at 10 fps draws at most 4 points per pixel column, with a gap where not judged', () => {
    const curve = curveOf(600, (s) => (s > 300 && s < 310 ? NaN : Math.sin(s)));
    const t = timelineOf({ curve, spec: getSpec('pelvic-tilt'), durationS: 600, report: EMPTY });
    const g = timelineGeometry(t, 900, 200);
    const points = g.path.split(/[ML]/).filter(Boolean).length;
    expect(points).toBeLessThanOrEqual(4 * (g.plot.w + 2));
    expect(g.path.match(/M/g)).toHaveLength(2);
    expect(t.frameS).toBeCloseTo(0.1);
    expect(playheadFraction(g, 300, 600)).toBeCloseTo((g.plot.x + g.plot.w / 2) / g.w);
    expect(timeAtFraction(g, playheadFraction(g, 123, 600), 600)).toBeCloseTo(123);
    expect(timeAtFraction(g, 0, 600)).toBe(0); // left of the plot: its start
  });
});
