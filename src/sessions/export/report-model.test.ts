import { describe, expect, it } from 'vitest';
import { reportModel, whenText } from './report-model.ts';
import { CAT, KNEE, SESSION } from './test-bundle.ts';
import type { SessionRecord } from '../types.ts';

const at = (day: number, id = `s${day}`): SessionRecord => {
  const d = new Date(2026, 10, day, 8, 5);
  return { ...SESSION, id, startedIso: d.toISOString(), day: `2026-11-${String(day).padStart(2, '0')}` };
};
const ALL = [at(30, SESSION.id), at(28), at(29), at(12)];

describe('reportModel', () => {
  it('writes a date as the report does, in local time', () => {
    expect(whenText(new Date(2026, 10, 30, 8, 5).toISOString())).toBe('Mon 30 Nov 2026, 08:05');
  });

  it.each<[string, Parameters<typeof reportModel>[1], string[], string, string]>([
    ['one session', { sessionId: 's29' }, ['s29'], 'Session of Sun 29 Nov 2026, 08:05', 'spine-coach-2026-11-29-0805'],
    [
      'a range, oldest first',
      { from: '2026-11-28', to: '2026-11-30' },
      ['s28', 's29', SESSION.id],
      'Sessions, 2026-11-28 to 2026-11-30',
      'spine-coach-2026-11-28-to-2026-11-30',
    ],
    [
      'an open start',
      { from: null, to: '2026-11-28' },
      ['s12', 's28'],
      'Sessions, the start to 2026-11-28',
      'spine-coach-start-to-2026-11-28',
    ],
    [
      'everything',
      { from: null, to: null },
      ['s12', 's28', 's29', SESSION.id],
      'Sessions, all sessions',
      'spine-coach-all',
    ],
    [
      'a session not stored',
      { sessionId: 'gone' },
      [],
      'This session is not stored on this device',
      'spine-coach-session',
    ],
  ])('covers %s', (_name, scope, ids, title, stem) => {
    const m = reportModel(ALL, scope);
    expect(m.records.map((s) => s.id)).toEqual(ids);
    expect(m.sessions.map((s) => s.id)).toEqual(ids);
    expect(m.title).toBe(title);
    expect(m.fileStem).toBe(stem);
  });

  it('charts one session against the days up to it, a range over its own days', () => {
    const one = reportModel(ALL, { sessionId: 's28' });
    expect(one.charts.map((c) => c.title)).toEqual(['Single knee to chest', 'Cat / camel']);
    expect(one.charts[0]!.points.map((p) => p.day)).toEqual(['2026-11-12', '2026-11-28']);
    const range = reportModel(ALL, { from: '2026-11-29', to: null });
    expect(range.charts[0]!.points.map((p) => p.day)).toEqual(['2026-11-29', '2026-11-30']);
    expect(range.summary).toBe('2 sessions, 20 minutes');
  });

  it('says each stretch in words: reps, holds, ranges against the limits, relief, pain, stops, faults', () => {
    const [knee, cat] = reportModel([SESSION], { sessionId: SESSION.id }).sessions[0]!.stretches;
    expect(knee).toMatchObject({
      name: 'Single knee to chest',
      measure: 'hip flexion',
      reps: '6 (left 3, right 3)',
      holds: 'left 7 s, right 6 s, left 8 s',
      relief: 'better',
      pain: '2 / 10',
      formChecked: true,
    });
    expect(knee!.ranges).toEqual([
      { side: 'Left', deepest: '101°', limit: '105°', vsLimit: '96 % of the limit' },
      { side: 'Right', deepest: '92°', limit: '98°', vsLimit: '94 % of the limit' },
    ]);
    expect(knee!.stops).toEqual([
      'Rep 4, right, 1:35 into the session: stopped past the comfortable range (hip flexion 113.4°, limit 98.0°); chose: reduced the movement.',
    ]);
    expect(knee!.faults).toHaveLength(2);
    expect(knee!.faults[0]).toMatch(/^Your other leg is held up: twice\. Fix: \S/);
    expect(knee!.faults[1]).toMatch(/: once\. Fix: /);
    expect(cat).toMatchObject({
      reps: '2',
      holds: 'none',
      relief: 'worse',
      pain: '5 / 10',
      faults: [],
      formChecked: false,
    });
    expect(cat!.ranges).toEqual([{ side: 'Range', deepest: '31 %', limit: '30 %', vsLimit: 'past the limit by 1 %' }]);
    expect(cat!.stops).toEqual([
      'Rep 3, 5:00 into the session: PAIN pressed (head and back away from neutral 28.0 %); no choice made.',
    ]);
  });

  it('says what was not measured, calibrated or rated', () => {
    const bare = {
      ...KNEE,
      peakDepth: { left: 80, right: null, none: null },
      calibrated: { left: null, right: 90, none: null },
      relief: null,
      pain: null,
      holds: [],
      stops: [],
    };
    const [s] = reportModel([{ ...SESSION, stretches: [bare, CAT] }], { sessionId: SESSION.id }).sessions[0]!.stretches;
    expect(s!.ranges).toEqual([
      { side: 'Left', deepest: '80°', limit: 'not calibrated', vsLimit: '' },
      { side: 'Right', deepest: 'not measured', limit: '90°', vsLimit: '' },
    ]);
    expect(s).toMatchObject({ relief: 'not rated', pain: 'not rated', holds: 'none', stops: [] });
  });
});
