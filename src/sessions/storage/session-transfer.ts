/**
 * A whole session in and out of this device as one file (sessions/export/session-file.ts): export reads the record
 * and its recordings; import checks the whole file first and then writes it in one transaction, so a damaged file,
 * a full disk or a "keep the one here" leaves what is stored as it was. Videos travel as plain data: the caller
 * passes them in on export and stores the ones an import returns.
 */
import {
  decodeSessionFile,
  encodeSessionFile,
  SESSION_FILE_EXTENSION,
  type SessionVideo,
} from '../export/session-file.ts';
import type { StretchRecording } from '../recording.ts';
import type { SessionRecord } from '../types.ts';
import type { SpineStore } from './spine-store.ts';
import { toStorageError } from './errors.ts';

/** The file of a stored session: its bytes and a name for the download. Null when the session is not stored. */
export async function exportSessionFile(
  store: SpineStore,
  sessionId: string,
  videos: readonly SessionVideo[],
  nowIso: string,
): Promise<{ readonly bytes: Uint8Array; readonly fileName: string } | null> {
  const session = await store.getSession(sessionId);
  if (!session) return null;
  const loaded = await Promise.all(session.stretches.map((s) => store.loadRecording(sessionId, s.exercise)));
  const recordings = loaded.filter((r): r is StretchRecording => r !== undefined);
  const bytes = encodeSessionFile({ session, recordings, videos }, nowIso);
  const stamp = session.startedIso.slice(0, 16).replace(/[T:]/g, '-');
  return { bytes, fileName: `spine-coach-session-${stamp}${SESSION_FILE_EXTENSION}` };
}

export type ImportOutcome =
  /** Nothing was stored: the file is damaged, foreign or newer, or storing failed. */
  | { readonly kind: 'refused'; readonly message: string }
  /** A session with this id is already stored; nothing was stored. Import again with `replace` to replace it. */
  | { readonly kind: 'exists'; readonly existing: SessionRecord }
  /** Stored, with its recordings; `videos` are for the video store. */
  | {
      readonly kind: 'imported';
      readonly session: SessionRecord;
      readonly recordings: number;
      readonly videos: readonly SessionVideo[];
    };

/** Imports the session file `bytes`: everything is checked before one write transaction. */
export async function importSessionFile(
  store: SpineStore,
  bytes: Uint8Array,
  options: { readonly replace: boolean },
): Promise<ImportOutcome> {
  const file = decodeSessionFile(bytes);
  if (!file.ok) return { kind: 'refused', message: file.message };
  const { session, recordings, videos } = file.bundle;
  try {
    const existing = await store.getSession(session.id);
    if (existing && !options.replace) return { kind: 'exists', existing };
    await store.importSession(session, recordings);
  } catch (e) {
    return { kind: 'refused', message: toStorageError(e).message };
  }
  return { kind: 'imported', session, recordings: recordings.length, videos };
}
