import { describe, expect, it } from 'vitest';
import { autoCacheKey, autoCandidates, pickFastest } from './auto-backend.ts';

describe('auto backend choice', () => {
  it('skips WebGL candidates on a software renderer or without WebGL, tries them on a GPU', () => {
    expect(autoCandidates('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)))')).toEqual([
      'wasm',
      'mediapipe-cpu',
    ]);
    expect(autoCandidates(null)).toEqual(['wasm', 'mediapipe-cpu']);
    expect(autoCandidates('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060)')).toContain('mediapipe-gpu');
  });
  it('keeps the fastest median and never a failed candidate', () => {
    expect(
      pickFastest(
        new Map([
          ['wasm', 41],
          ['mediapipe-cpu', 39.5],
          ['webgl', NaN],
        ]),
      ),
    ).toBe('mediapipe-cpu');
    expect(pickFastest(new Map([['webgl', NaN]]))).toBeNull();
  });
  it('caches per model and user agent', () => {
    expect(autoCacheKey('UA1', 'lite')).not.toBe(autoCacheKey('UA2', 'lite'));
    expect(autoCacheKey('UA1', 'lite')).not.toBe(autoCacheKey('UA1', 'full'));
  });
});
