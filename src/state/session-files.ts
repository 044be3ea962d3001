/** History's and the report's file actions on the device's store: export, import and delete a whole session. */
import type { SessionVideo } from '../sessions/export/session-file.ts';
import { exportSessionFile, importSessionFile, type ImportOutcome } from '../sessions/storage/session-transfer.ts';
import { spineStore } from './store.ts';

/** The file of stored session `sessionId` with `videos` (its stretches' videos, where any were recorded), or null
 * when it is not stored. */
export async function exportSession(
  sessionId: string,
  videos: readonly SessionVideo[] = [],
): Promise<{ readonly bytes: Uint8Array; readonly fileName: string } | null> {
  return exportSessionFile(await spineStore(), sessionId, videos, new Date().toISOString());
}

/** Imports a session file; with `replace` a stored session with its id is replaced. An 'imported' outcome carries
 * the file's videos, to be kept beside the landmarks. */
export async function importSession(file: Blob, replace: boolean): Promise<ImportOutcome> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return { kind: 'refused', message: 'This file could not be read. Nothing on this device was changed.' };
  }
  return importSessionFile(await spineStore(), bytes, { replace });
}

/** Deletes a stored session and its landmark recordings. */
export async function deleteSession(sessionId: string): Promise<void> {
  await (await spineStore()).deleteSession(sessionId);
}
