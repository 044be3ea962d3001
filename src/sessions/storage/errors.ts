/** Storage failures a person can act on. */

export type StorageErrorKind = 'full' | 'unavailable' | 'unknown';

/** A save that failed; nothing saved before it is lost (each save is one IndexedDB transaction, all or nothing). */
export class StorageError extends Error {
  readonly kind: StorageErrorKind;
  constructor(kind: StorageErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageError';
    this.kind = kind;
  }
}

const MESSAGES: Record<StorageErrorKind, string> = {
  full: 'This device’s storage for Spine Coach is full, so this session could not be saved. Your earlier sessions are safe. Free some space (or allow more storage for this site) and press “Save again”.',
  unavailable:
    'This browser does not let Spine Coach store data here (private window, or storage turned off). Sessions cannot be kept.',
  unknown: 'Saving failed. Your earlier sessions are safe. Try “Save again”.',
};

/** Classifies an IndexedDB/DOM error by name (QuotaExceededError = the disk or the site's quota is full). */
export function storageErrorKind(e: unknown): StorageErrorKind {
  const name = typeof e === 'object' && e !== null && 'name' in e ? String((e as { name: unknown }).name) : '';
  if (name === 'QuotaExceededError') return 'full';
  if (name === 'InvalidStateError' || name === 'SecurityError' || name === 'NotFoundError') return 'unavailable';
  return 'unknown';
}

/** Wraps any failure into a StorageError with the sentence to show. */
export function toStorageError(e: unknown): StorageError {
  if (e instanceof StorageError) return e;
  const kind = storageErrorKind(e);
  return new StorageError(kind, MESSAGES[kind], { cause: e });
}
