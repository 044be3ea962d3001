import { describe, expect, it } from 'vitest';
import {
  frameIndexAt,
  INITIAL_VIDEO_RECORDING,
  VIDEO_STOP_MESSAGES,
  videoStep,
  type VideoEffect,
  type VideoEvent,
  type VideoRecordingState,
} from './video-recording.ts';

/** Runs events from the start, and returns the final state and every effect in order. */
function run(events: VideoEvent[]): { state: VideoRecordingState; effects: VideoEffect[] } {
  let state = INITIAL_VIDEO_RECORDING;
  const effects: VideoEffect[] = [];
  for (const e of events) {
    const r = videoStep(state, e);
    state = r.state;
    effects.push(...r.effects);
  }
  return { state, effects };
}

const kept = (exercise: 'pelvic-tilt' | 'cat-camel', enabled = true): VideoEvent => ({
  type: 'frame-kept',
  exercise,
  enabled,
});
const start = (exercise: string) => ({ type: 'start', exercise });
const stop = (exercise: string) => ({ type: 'stop', exercise });

describe('when a stretch video starts and stops', () => {
  it.each<[string, VideoEvent[], object[]]>([
    ['off by default: nothing is recorded', [kept('pelvic-tilt', false), kept('pelvic-tilt', false)], []],
    [
      'on: one video per stretch, from its first kept frame to its end',
      [kept('pelvic-tilt'), kept('pelvic-tilt'), { type: 'stretch-ended', exercise: 'pelvic-tilt' }],
      [start('pelvic-tilt'), stop('pelvic-tilt')],
    ],
    [
      'the next stretch gets its own video',
      [
        kept('pelvic-tilt'),
        { type: 'stretch-ended', exercise: 'pelvic-tilt' },
        kept('cat-camel'),
        { type: 'stretch-ended', exercise: 'cat-camel' },
      ],
      [start('pelvic-tilt'), stop('pelvic-tilt'), start('cat-camel'), stop('cat-camel')],
    ],
    [
      'a frame of another stretch closes the one recording',
      [kept('pelvic-tilt'), kept('cat-camel')],
      [start('pelvic-tilt'), stop('pelvic-tilt'), start('cat-camel')],
    ],
    [
      'switched off while recording: it stops at once and is kept; on again, that stretch is not started over',
      [
        kept('pelvic-tilt'),
        { type: 'switched', enabled: false },
        { type: 'switched', enabled: true },
        kept('pelvic-tilt'),
      ],
      [start('pelvic-tilt'), stop('pelvic-tilt')],
    ],
    [
      'the camera stops (the screen was left): the video so far is kept',
      [kept('pelvic-tilt'), { type: 'camera-stopped' }, kept('pelvic-tilt')],
      [start('pelvic-tilt'), stop('pelvic-tilt')],
    ],
    [
      'a stretch that ends while not recording changes nothing',
      [{ type: 'stretch-ended', exercise: 'pelvic-tilt' }, { type: 'camera-stopped' }],
      [],
    ],
    [
      'a full disk stops it, and nothing more is started in this session',
      [kept('pelvic-tilt'), { type: 'failed', kind: 'full' }, kept('pelvic-tilt'), kept('cat-camel')],
      [start('pelvic-tilt'), stop('pelvic-tilt')],
    ],
  ])('%s', (_name, events, effects) => {
    expect(run(events).effects).toEqual(effects);
  });

  it.each(['full', 'unavailable', 'unknown', 'unsupported'] as const)(
    'a %s failure is told in one sentence that says the session goes on',
    (kind) => {
      const { state } = run([kept('pelvic-tilt'), { type: 'failed', kind }]);
      expect(state.message).toBe(VIDEO_STOP_MESSAGES[kind]);
      expect(state.current).toBeNull();
      expect(state.message).toMatch(/session goes on\.$/);
      expect(state.message?.split('. ').length).toBe(1);
    },
  );

  it('the full-disk sentence says what is kept', () => {
    expect(VIDEO_STOP_MESSAGES.full).toContain('storage is full');
    expect(VIDEO_STOP_MESSAGES.full).toContain('the video up to this moment');
    expect(VIDEO_STOP_MESSAGES.full).toContain('counts and movements are kept');
  });
});

describe('the landmark frame drawn over the video', () => {
  const tMs = [0, 100, 200, 300, 1300];
  it.each([
    // [video ms, offset ms, expected index]
    [0, 0, 0],
    [140, 0, 1],
    [160, 0, 2], // the nearest, after
    [300, 0, 3],
    [240, 40, 2], // the track's first frame shows 40 ms into the video
    [-200, 40, 0], // before it, within the gap
    [-300, 40, -1], // further before: nothing
    [800, 0, -1], // 500 ms from either frame: a pause, nothing drawn
    [1100, 0, 4],
    [1550, 0, 4],
    [1700, 0, -1], // past the end
  ])('at %d ms of the video (offset %d ms): frame %d', (videoMs, offsetMs, index) => {
    expect(frameIndexAt(tMs, videoMs, offsetMs, 250)).toBe(index);
  });
  it('an empty track draws nothing', () => expect(frameIndexAt([], 100, 0, 250)).toBe(-1));
});
