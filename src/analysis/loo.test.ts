import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DERIVATIONS, leaveOneClipOut, type LooLabel } from './loo.ts';
import type { LandmarkTrack } from '../pose/types.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const labels = (
  JSON.parse(readFileSync(path.join(ROOT, 'tests/labels/footage-labels.json'), 'utf8')) as { clips: LooLabel[] }
).clips;
const file = (name: string) => path.join(ROOT, 'tests/fixtures/tracks', `${name}.json`);
const load = (name: string) => JSON.parse(readFileSync(file(name), 'utf8')) as LandmarkTrack;
const rule = (exercise: string, name: string) => DERIVATIONS.find((d) => d.exercise === exercise && d.name === name)!;

describe('threshold derivations', () => {
  it.each([
    { name: 'enterDepth', want: 16.5 }, // half-way from the highest rest (8) to the lowest end range (25)
    { name: 'exitDepth', want: 12.25 }, // a quarter of the way
  ])('$name comes from the clips that separate rest from end range', ({ name, want }) => {
    const clips = [
      { rest: 5, end: 30 },
      { rest: 8, end: 25 },
      { rest: 3, end: 2 }, // end range not above rest: supports nothing
      { rest: 40, end: null }, // a negative: not a source of levels
    ];
    expect(rule('prone-extension', name).derive(clips)).toBeCloseTo(want);
  });

  it('derives nothing from no clip', () => {
    expect(rule('cat-camel', 'swing').derive([])).toBeNull();
  });
});

describe('leave-one-clip-out on the prone-extension footage', () => {
  const clips = labels.filter((l) => l.exercise === 'prone-extension');
  it.skipIf(!clips.every((c) => existsSync(file(c.track))))(
    'keeps the verdict of every clip but the sphinx-like hold of malik/plank, which needs the other clips',
    () => {
      const { margins, verdicts } = leaveOneClipOut(clips, load);
      const ok = Object.fromEntries(verdicts.map((v) => [v.clip, v.ok]));
      expect(ok).toMatchObject({ 'pfc__sphinx-pose': true, 'pfc__cobra-pose': true, aris__upward_dog: true });
      // on straight arms (cobra, up-dog) the trunk rises 50 degrees; the others alone put the entry past malik's
      // 15-24 degrees on the elbows: the entry of 15 rests on the forearm holds
      expect(ok.malik__plank).toBe(false);
      const sphinx = margins.find((m) => m.clip === 'pfc__sphinx-pose' && m.threshold === 'enterDepth')!;
      expect(sphinx.end).toBeGreaterThan(24);
      expect(sphinx.endMargin).toBeGreaterThan(0.2);
    },
  );
});
