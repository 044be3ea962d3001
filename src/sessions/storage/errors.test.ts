import { describe, expect, it } from 'vitest';
import { StorageError, toStorageError } from './errors.ts';

describe('storage errors', () => {
  it('a full disk says so, and that earlier sessions are safe', () => {
    const e = toStorageError(Object.assign(new Error('quota'), { name: 'QuotaExceededError' }));
    expect(e).toBeInstanceOf(StorageError);
    expect(e.kind).toBe('full');
    expect(e.message).toMatch(/full/);
    expect(e.message).toMatch(/earlier sessions are safe/);
  });
  it('storage switched off is told apart from an unknown failure', () => {
    expect(toStorageError({ name: 'SecurityError' }).kind).toBe('unavailable');
    expect(toStorageError(new Error('boom')).kind).toBe('unknown');
  });
});
