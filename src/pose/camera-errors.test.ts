import { describe, expect, it } from 'vitest';
import { cameraErrorKind, cameraErrorMessage } from './camera.ts';
import { poseParams } from './hash-params.ts';

describe('camera errors', () => {
  it('maps getUserMedia failures to what the user can do about them', () => {
    expect(cameraErrorKind('NotAllowedError')).toBe('permission-denied');
    expect(cameraErrorKind('NotFoundError')).toBe('no-camera');
    expect(cameraErrorKind('NotReadableError')).toBe('in-use');
    expect(cameraErrorKind('Weird')).toBe('unknown');
    expect(cameraErrorMessage('permission-denied')).toMatch(/allow the camera/i);
    expect(cameraErrorMessage('no-camera')).toMatch(/no camera/i);
  });
});

describe('pose params of a page URL', () => {
  it('reads a known backend and model, and falls back to auto / lite', () => {
    expect(poseParams({ backend: 'wasm', model: 'full' })).toEqual({ backend: 'wasm', model: 'full' });
    expect(poseParams({ backend: 'cuda', model: 'huge' })).toEqual({ backend: 'auto', model: 'lite' });
    expect(poseParams({ backend: null })).toEqual({ backend: 'auto', model: 'lite' });
  });
});
