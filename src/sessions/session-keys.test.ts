import { describe, expect, it } from 'vitest';
import { sessionKeyAction, type KeyPress } from './session-keys.ts';
import type { Phase } from './phases.ts';

const press = (key: string, over: Partial<KeyPress> = {}): KeyPress => ({
  key,
  modifier: false,
  typing: false,
  shortcutsOn: true,
  ...over,
});

describe('sessionKeyAction', () => {
  it.each<[string, Phase, KeyPress, ReturnType<typeof sessionKeyAction>]>([
    ['space presses PAIN while counting', 'counting', press(' '), { type: 'pain' }],
    ['P presses PAIN while counting', 'counting', press('p'), { type: 'pain' }],
    ['P with caps lock presses PAIN', 'calibrate', press('P'), { type: 'pain' }],
    ['PAIN works at the intro', 'intro', press('p'), { type: 'pain' }],
    ['PAIN works during the camera check', 'setup', press(' '), { type: 'pain' }],
    ['PAIN works while getting into position', 'start-position', press('p'), { type: 'pain' }],
    ['no PAIN once stopped', 'stopped', press('p'), null],
    ['no PAIN while rating (space picks a radio there)', 'rating', press(' '), null],
    ['no PAIN on the summary', 'done', press('p'), null],
    ['not while typing in a field', 'counting', press('p', { typing: true }), null],
    ['not with Ctrl (Ctrl+P prints)', 'counting', press('p', { modifier: true }), null],
    ['no PAIN key when shortcuts are off', 'counting', press(' ', { shortcutsOn: false }), null],
    ['no 1-3 when shortcuts are off', 'stopped', press('1', { shortcutsOn: false }), null],
    [
      '1 changes the technique after a stop',
      'stopped',
      press('1'),
      { type: 'stop-choice', choice: 'change-technique' },
    ],
    ['2 reduces the movement', 'stopped', press('2'), { type: 'stop-choice', choice: 'reduce-movement' }],
    ['3 stops this stretch', 'stopped', press('3'), { type: 'stop-choice', choice: 'next-stretch' }],
    ['4 is nothing', 'stopped', press('4'), null],
    ['digits do nothing while counting', 'counting', press('2'), null],
    ['other letters do nothing', 'counting', press('q'), null],
  ])('%s', (_name, phase, p, want) => {
    expect(sessionKeyAction(phase, p)).toEqual(want);
  });
});
