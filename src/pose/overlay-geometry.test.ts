import { describe, expect, it } from 'vitest';
import { containRect, toBox } from './overlay-geometry.ts';

describe('overlay geometry', () => {
  it('letterboxes a 16:9 frame in a 4:3 box and maps points into the picture', () => {
    const r = containRect(1280, 720, 800, 600);
    expect(r).toEqual({ left: 0, top: 75, width: 800, height: 450 });
    expect(toBox(0.5, 0.5, r)).toEqual([400, 300]);
    expect(toBox(0.25, 0, r, true)).toEqual([600, 75]);
  });
});
