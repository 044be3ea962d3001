/**
 * The CSV and JSON exports of stored sessions, made on the device. The CSV has one row per counted rep, per hold and
 * per stop (PAIN or past the range), with only what a session record stores: a rep's own depth and time are not kept
 * (a record keeps the count per side, the deepest depth per side and the limit in use), so a rep row carries its side
 * and number and the side's deepest depth and limit. Pure.
 */
import { storedStretch } from '../stored-stretch.ts';
import type { SessionRecord, SideKey, StretchResult } from '../types.ts';

/** The CSV's columns, in order. */
export const CSV_COLUMNS = [
  /** Local day of the session, YYYY-MM-DD. */
  'date',
  /** When the session started, ISO 8601 (UTC). */
  'started',
  'session_id',
  'stretch_id',
  'stretch',
  /** rep | hold | pain | over-range */
  'kind',
  /** left | right | none (no sides, or the side was not told) */
  'side',
  /** Rep and hold: its number on that side (1-based); a stop: the rep in progress. */
  'index',
  /** Hold only: seconds held. */
  'held_s',
  /** Stop only: the depth at the moment of the stop (empty when the stretch was not being judged). */
  'depth',
  /** The deepest depth reached on that side during the stretch. */
  'side_deepest',
  /** The calibrated comfortable limit on that side (for an over-range stop: the limit that was passed). */
  'limit',
  /** deg (degrees) or ratio (of body length: 0.25 = 25 %) */
  'unit',
  /** Stop only: change-technique | reduce-movement | next-stretch, empty when none was chosen. */
  'stop_choice',
  /** The stretch's relief rating: better | same | worse, empty when not rated. */
  'relief',
  /** The stretch's pain rating 0-10, empty when not rated. */
  'pain',
] as const;

type Row = Record<(typeof CSV_COLUMNS)[number], string>;

const num = (v: number | null, unit: 'deg' | 'ratio' | 's') =>
  v === null ? '' : String(Number(v.toFixed(unit === 'ratio' ? 3 : 1)));

function stretchRows(s: SessionRecord, r: StretchResult): Row[] {
  const base = {
    date: s.day,
    started: s.startedIso,
    session_id: s.id,
    stretch_id: r.exercise,
    stretch: storedStretch(r.exercise).name,
    unit: r.unit,
    relief: r.relief ?? '',
    pain: r.pain === null ? '' : String(r.pain),
  };
  const sideFields = (side: SideKey) => ({
    side,
    side_deepest: num(r.peakDepth[side], r.unit),
    limit: num(r.calibrated[side], r.unit),
  });
  const none = { held_s: '', depth: '', stop_choice: '' };
  const { left, right } = r.repsBySide;
  // reps whose side was told, then the rest (stretches without sides) on 'none'
  const repSides: [SideKey, number][] = [
    ['left', left],
    ['right', right],
    ['none', Math.max(0, r.reps - left - right)],
  ];
  const reps = repSides.flatMap(([side, n]) =>
    Array.from({ length: n }, (_, i) => ({ ...base, ...none, ...sideFields(side), kind: 'rep', index: String(i + 1) })),
  );
  const perSide: Record<SideKey, number> = { left: 0, right: 0, none: 0 };
  const holds = r.holds.map((h) => ({
    ...base,
    ...none,
    ...sideFields(h.side),
    kind: 'hold',
    index: String(++perSide[h.side]),
    held_s: num(h.heldS, 's'),
  }));
  const stops = r.stops.map((x) => ({
    ...base,
    ...sideFields(x.side),
    kind: x.reason,
    index: String(x.rep),
    held_s: '',
    depth: num(x.depth, r.unit),
    ...(x.limit === null ? {} : { limit: num(x.limit, r.unit) }),
    stop_choice: x.choice ?? '',
  }));
  return [...reps, ...holds, ...stops];
}

/** One field as RFC 4180 wants it: quoted when it holds a comma, a quote or a line break. */
const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The CSV of `sessions` (header first, CRLF line ends, RFC 4180). */
export function sessionsCsv(sessions: readonly SessionRecord[]): string {
  const rows = sessions.flatMap((s) => s.stretches.flatMap((r) => stretchRows(s, r)));
  return [CSV_COLUMNS, ...rows.map((row) => CSV_COLUMNS.map((c) => row[c]))]
    .map((cells) => cells.map(field).join(','))
    .join('\r\n')
    .concat('\r\n');
}

/** The JSON export: the session records as stored, with what they are. */
export function sessionsJson(sessions: readonly SessionRecord[], exportedIso: string): string {
  return JSON.stringify({ format: 'spine-coach-sessions', version: 1, exportedIso, sessions }, null, 2);
}
