import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, sessionsCsv, sessionsJson } from './table-export.ts';
import { CAT, KNEE, SESSION } from './test-bundle.ts';

/** The CSV read back into objects (fields here hold no quotes or commas but the one tested). */
const parse = (csv: string) => {
  const [head, ...rows] = csv.trimEnd().split('\r\n');
  const cols = head!.split(',');
  return rows.map((r) => Object.fromEntries(r.split(',').map((v, i) => [cols[i], v])));
};

describe('CSV export', () => {
  const rows = parse(sessionsCsv([SESSION]));

  it('has the documented header and one row per rep, hold and stop', () => {
    expect(sessionsCsv([]).trimEnd()).toBe(CSV_COLUMNS.join(','));
    const kinds = rows.map((r) => `${r.stretch_id} ${r.kind} ${r.side} ${r.index}`);
    expect(kinds).toEqual([
      ...[1, 2, 3].map((i) => `single-knee-to-chest rep left ${i}`),
      ...[1, 2, 3].map((i) => `single-knee-to-chest rep right ${i}`),
      'single-knee-to-chest hold left 1',
      'single-knee-to-chest hold right 1',
      'single-knee-to-chest hold left 2',
      'single-knee-to-chest over-range right 4',
      'cat-camel rep none 1',
      'cat-camel rep none 2',
      'cat-camel pain none 3',
    ]);
  });

  it.each<[string, number, Record<string, string>]>([
    [
      'a rep: its side, the side deepest and limit',
      3,
      {
        date: '2026-11-30',
        session_id: SESSION.id,
        stretch: 'Single knee to chest',
        side_deepest: '92.4',
        limit: '98',
        unit: 'deg',
        held_s: '',
        depth: '',
        relief: 'better',
        pain: '2',
      },
    ],
    ['a hold: seconds held', 8, { held_s: '8', side_deepest: '101.3', limit: '105' }],
    [
      'an over-range stop: depth, limit passed, choice',
      9,
      { depth: '113.4', limit: '98', stop_choice: 'reduce-movement' },
    ],
    [
      'a PAIN press on a ratio stretch, no choice',
      12,
      { depth: '0.28', limit: '0.3', unit: 'ratio', stop_choice: '', relief: 'worse', pain: '5', side_deepest: '0.31' },
    ],
  ])('%s', (_name, i, want) => {
    expect(rows[i]).toMatchObject(want);
  });

  it('quotes a field with a comma or a quote (RFC 4180)', () => {
    const csv = sessionsCsv([{ ...SESSION, id: 'a,"b"', stretches: [{ ...CAT, stops: [] }] }]);
    expect(csv.split('\r\n')[1]).toContain(',"a,""b""",');
  });

  it('leaves ratings that were not given empty, and puts reps of unknown side on none', () => {
    const r = parse(
      sessionsCsv([
        {
          ...SESSION,
          stretches: [
            { ...KNEE, reps: 1, repsBySide: { left: 0, right: 0 }, holds: [], stops: [], relief: null, pain: null },
          ],
        },
      ]),
    );
    expect(r).toEqual([expect.objectContaining({ kind: 'rep', side: 'none', index: '1', relief: '', pain: '' })]);
  });
});

describe('JSON export', () => {
  it('holds the records as stored, with what it is', () => {
    const back = JSON.parse(sessionsJson([SESSION], '2026-12-02T10:00:00.000Z')) as unknown;
    expect(back).toEqual({
      format: 'spine-coach-sessions',
      version: 1,
      exportedIso: '2026-12-02T10:00:00.000Z',
      sessions: [SESSION],
    });
  });
});
