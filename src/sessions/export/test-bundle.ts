/** A stored session as the app makes it, for the export tests: knee to chest (sided, holds, an over-range stop, faults) and cat/camel (a ratio signal, a PAIN stop), a
 * landmark recording of each, and a video. Used only by *.test.ts files. */
import { lyingFrame } from '../test-support.ts';
import { SessionRecorder } from '../recording.ts';
import type { SessionRecord, StretchResult } from '../types.ts';
import type { SessionBundle } from './session-file.ts';

const STARTED = new Date(2026, 10, 30, 8, 5).toISOString();

export const KNEE: StretchResult = {
  exercise: 'single-knee-to-chest',
  reps: 6,
  repsBySide: { left: 3, right: 3 },
  holds: [
    { side: 'left', heldS: 7.2 },
    { side: 'right', heldS: 6.1 },
    { side: 'left', heldS: 8 },
  ],
  peakDepth: { left: 101.26, right: 92.4, none: null },
  unit: 'deg',
  calibrated: { left: 105, right: 98, none: null },
  stops: [
    {
      exercise: 'single-knee-to-chest',
      reason: 'over-range',
      rep: 4,
      side: 'right',
      depth: 113.4,
      limit: 98,
      sessionMs: 95_000,
      atIso: STARTED,
      choice: 'reduce-movement',
    },
  ],
  relief: 'better',
  pain: 2,
  durationS: 140,
  faults: { 'other-leg-straight': 2, 'head-down': 1 },
};

export const CAT: StretchResult = {
  exercise: 'cat-camel',
  reps: 2,
  repsBySide: { left: 0, right: 0 },
  holds: [],
  peakDepth: { left: null, right: null, none: 0.31 },
  unit: 'ratio',
  calibrated: { left: null, right: null, none: 0.3 },
  stops: [
    {
      exercise: 'cat-camel',
      reason: 'pain',
      rep: 3,
      side: 'none',
      depth: 0.28,
      limit: null,
      sessionMs: 300_000,
      atIso: STARTED,
      choice: null,
    },
  ],
  relief: 'worse',
  pain: 5,
  durationS: 90,
};

export const SESSION: SessionRecord = {
  id: `session-${STARTED}`,
  startedIso: STARTED,
  day: '2026-11-30',
  durationS: 600,
  stretches: [KNEE, CAT],
};

/** The session with a recording of each stretch (`frames` frames, every third without a person) and one video. */
export function bundle(frames = 12): SessionBundle {
  const rec = new SessionRecorder();
  for (let i = 0; i < frames; i++) {
    const f = lyingFrame((j, p) => ({ ...p, y: p.y + 0.001 * i * j }));
    rec.add('single-knee-to-chest', { ...f, tMs: 1000 + i * 100, landmarks: i % 3 === 2 ? null : f.landmarks }, 61_000);
    rec.add('cat-camel', { ...f, tMs: 5000 + i * 100 });
  }
  const take = (id: 'single-knee-to-chest' | 'cat-camel') => {
    const r = rec.take(id, SESSION.id, { backend: 'wasm', model: 'full' });
    if (!r) throw new Error('no frames');
    return r;
  };
  return {
    session: SESSION,
    recordings: [take('single-knee-to-chest'), take('cat-camel')],
    videos: [
      {
        exercise: 'cat-camel',
        mimeType: 'video/webm;codecs=vp9',
        offsetMs: -1900,
        durationMs: 12_000,
        bytes: Uint8Array.from([26, 69, 223, 163, 1, 2, 3]),
      },
    ],
  };
}
