import { describe, expect, it } from 'vitest';
import { RETIRED_STRETCH_NAME, storedStretch } from './stored-stretch.ts';

describe('a stored stretch id', () => {
  it.each([
    ['prone-extension', 'Prone extension', true],
    ['wall-angel', RETIRED_STRETCH_NAME, false],
    ['', RETIRED_STRETCH_NAME, false],
  ])('%s is shown as "%s"', (id, name, inProgramme) => {
    const s = storedStretch(id);
    expect(s.name).toBe(name);
    expect(s.def !== null).toBe(inProgramme);
  });
});
