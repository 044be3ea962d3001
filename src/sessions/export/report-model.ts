/**
 * The clinician report as text: which sessions a report covers (one session, or the days from/to), and for each
 * stretch the reps, holds, range per side against the calibrated limit, relief and pain, PAIN presses and range stops
 * with the choice made, and form faults in words; plus the History chart series it draws. Pure, so the page only
 * renders.
 */
import type { ExerciseId } from '../../exercises/types.ts';
import { faultCounts } from '../fault-summary.ts';
import { stretchesDone, stretchSeries, type DayPoint } from '../history-series.ts';
import { formatDepth, MONTH_NAMES } from '../session-view.ts';
import { storedStretch } from '../stored-stretch.ts';
import type { SessionRecord, SideKey, StopChoice, StopRecord, StretchResult } from '../types.ts';

/** What a report covers: one stored session, or the sessions on the days `from`..`to` ('YYYY-MM-DD', inclusive;
 * null = open-ended). */
export type ReportScope = { readonly sessionId: string } | { readonly from: string | null; readonly to: string | null };

export interface ReportSide {
  /** "Left", "Right", or "Range" for stretches without sides. */
  readonly side: string;
  readonly deepest: string;
  readonly limit: string;
  /** "96 % of the limit", "past the limit by 3°", or '' when either is unknown. */
  readonly vsLimit: string;
}

export interface ReportStretch {
  readonly name: string;
  /** What the range measures ("hip flexion"). */
  readonly measure: string;
  readonly reps: string;
  readonly holds: string;
  readonly ranges: readonly ReportSide[];
  readonly relief: string;
  readonly pain: string;
  /** One line per PAIN press or range stop, with the choice made. */
  readonly stops: readonly string[];
  /** "Your other leg is held up: twice. Fix: <the cue>", most frequent first. */
  readonly faults: readonly string[];
  /** False for records made before form checking (nothing was checked, so "none" would be wrong). */
  readonly formChecked: boolean;
}

export interface ReportSession {
  readonly id: string;
  /** "Mon 30 Nov 2026, 08:05" */
  readonly when: string;
  readonly minutes: number;
  readonly stretches: readonly ReportStretch[];
}

export interface ReportChart {
  readonly exercise: ExerciseId;
  readonly title: string;
  readonly unitLabel: string;
  readonly points: readonly DayPoint[];
}

export interface ReportModel {
  readonly title: string;
  /** "3 sessions, 34 minutes" */
  readonly summary: string;
  /** The records covered, oldest first (what the CSV and JSON exports hold). */
  readonly records: readonly SessionRecord[];
  readonly sessions: readonly ReportSession[];
  /** Range and relief per stretch: over the covered days, or for one session over the days up to it. */
  readonly charts: readonly ReportChart[];
  /** A file name stem for the exports: "spine-coach-2026-11-30-0805", "spine-coach-2026-11-01-to-2026-11-30". */
  readonly fileStem: string;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const pad = (n: number) => String(n).padStart(2, '0');

/** "Mon 30 Nov 2026, 08:05", local time. */
export function whenText(iso: string): string {
  const d = new Date(iso);
  return `${WEEKDAYS[d.getDay()]} ${d.getDate()} ${MONTH_NAMES[d.getMonth()]} ${d.getFullYear()}, ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const SIDE_WORD: Record<SideKey, string> = { left: 'Left', right: 'Right', none: 'Range' };
const CHOICE_WORDS: Record<StopChoice, string> = {
  'change-technique': 'changed the technique',
  'reduce-movement': 'reduced the movement',
  'next-stretch': 'stopped this stretch',
};
const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);
const clock = (ms: number) => `${Math.floor(ms / 60_000)}:${pad(Math.floor(ms / 1000) % 60)}`;

function repsText(r: StretchResult): string {
  const { left, right } = r.repsBySide;
  return left + right > 0 ? `${r.reps} (left ${left}, right ${right})` : String(r.reps);
}

function holdsText(r: StretchResult): string {
  if (r.holds.length === 0) return 'none';
  return r.holds.map((h) => `${h.side === 'none' ? '' : `${h.side} `}${Math.round(h.heldS)} s`).join(', ');
}

function sideRanges(r: StretchResult): ReportSide[] {
  return (['left', 'right', 'none'] as const).flatMap((k) => {
    const deep = r.peakDepth[k];
    const lim = r.calibrated[k];
    if (deep === null && lim === null) return [];
    let vsLimit = '';
    if (deep !== null && lim !== null && lim > 0)
      vsLimit =
        deep > lim
          ? `past the limit by ${formatDepth(deep - lim, r.unit)}`
          : `${Math.round((deep / lim) * 100)} % of the limit`;
    return [
      {
        side: SIDE_WORD[k],
        deepest: deep === null ? 'not measured' : formatDepth(deep, r.unit),
        limit: lim === null ? 'not calibrated' : formatDepth(lim, r.unit),
        vsLimit,
      },
    ];
  });
}

function stopText(s: StopRecord, r: StretchResult, measure: string): string {
  const side = s.side === 'none' ? '' : `, ${s.side}`;
  const depth = s.depth === null ? '' : `${measure} ${formatDepth(s.depth, r.unit, 1)}`;
  const what =
    s.reason === 'pain'
      ? `PAIN pressed${depth ? ` (${depth})` : ''}`
      : `stopped past the comfortable range (${depth}${s.limit === null ? '' : `, limit ${formatDepth(s.limit, r.unit, 1)}`})`;
  const choice = s.choice ? `chose: ${CHOICE_WORDS[s.choice]}` : 'no choice made';
  return `Rep ${s.rep}${side}, ${clock(s.sessionMs)} into the session: ${what}; ${choice}.`;
}

function stretchOf(r: StretchResult): ReportStretch {
  const stored = storedStretch(r.exercise);
  return {
    name: stored.name,
    measure: stored.signalLabel,
    reps: repsText(r),
    holds: holdsText(r),
    ranges: sideRanges(r),
    relief: r.relief ?? 'not rated',
    pain: r.pain === null ? 'not rated' : `${r.pain} / 10`,
    stops: r.stops.map((s) => stopText(s, r, stored.signalLabel)),
    faults: faultCounts(r).map((f) => `${f.words}: ${times(f.count)}.${f.fix ? ` Fix: ${f.fix}` : ''}`),
    formChecked: r.faults !== undefined,
  };
}

const byStart = (a: SessionRecord, b: SessionRecord) => a.startedIso.localeCompare(b.startedIso);
const stamp = (iso: string) => {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}`;
};

/** The report of `scope` over the stored sessions `all`. */
export function reportModel(all: readonly SessionRecord[], scope: ReportScope): ReportModel {
  const ordered = [...all].sort(byStart);
  let records: SessionRecord[];
  let chartSessions: SessionRecord[];
  let title: string;
  let fileStem: string;
  if ('sessionId' in scope) {
    const one = ordered.find((s) => s.id === scope.sessionId);
    records = one ? [one] : [];
    chartSessions = one ? ordered.filter((s) => s.startedIso <= one.startedIso) : [];
    title = one ? `Session of ${whenText(one.startedIso)}` : 'This session is not stored on this device';
    fileStem = `spine-coach-${one ? stamp(one.startedIso) : 'session'}`;
  } else {
    records = ordered.filter((s) => (!scope.from || s.day >= scope.from) && (!scope.to || s.day <= scope.to));
    chartSessions = records;
    const span = scope.from || scope.to ? `${scope.from ?? 'the start'} to ${scope.to ?? 'today'}` : 'all sessions';
    title = `Sessions, ${span}`;
    fileStem = `spine-coach-${scope.from || scope.to ? `${scope.from ?? 'start'}-to-${scope.to ?? 'today'}` : 'all'}`;
  }
  const minutes = Math.round(records.reduce((n, s) => n + s.durationS, 0) / 60);
  return {
    title,
    summary: `${records.length} session${records.length === 1 ? '' : 's'}, ${minutes} minutes`,
    records,
    sessions: records.map((s) => ({
      id: s.id,
      when: whenText(s.startedIso),
      minutes: Math.round(s.durationS / 60),
      stretches: s.stretches.map(stretchOf),
    })),
    charts: stretchesDone(records).map((id) => ({
      exercise: id,
      title: storedStretch(id).name,
      unitLabel: storedStretch(id).signalLabel,
      points: stretchSeries(chartSessions, id),
    })),
    fileStem,
  };
}
