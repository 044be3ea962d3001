/** History's and the report's file actions on the device's store: export, import and delete a whole session. */
import { EXERCISE_IDS } from '../exercises/registry.ts';
import type { SessionVideo } from '../sessions/export/session-file.ts';
import type { SessionRecord } from '../sessions/types.ts';
import { exportSessionFile, importSessionFile, type ImportOutcome } from '../sessions/storage/session-transfer.ts';
import { spineStore } from './store.ts';
import { videoStore } from './videos.svelte.ts';

/** The videos recorded of session `sessionId`'s stretches, as plain data for its file. */
async function sessionVideos(sessionId: string): Promise<SessionVideo[]> {
  const store = videoStore();
  const infos = (await store.list()).filter((v) => v.sessionId === sessionId);
  const out: SessionVideo[] = [];
  for (const info of infos) {
    const known = EXERCISE_IDS.find((id) => id === info.exercise);
    const blob = known ? await store.load(sessionId, known) : null;
    if (!known || !blob) continue;
    const bytes = new Uint8Array(await blob.arrayBuffer());
    out.push({ exercise: known, mimeType: info.mimeType, offsetMs: info.offsetMs, durationMs: info.durationMs, bytes });
  }
  return out;
}

/** Keeps an imported session's videos in the video store (after its record and landmarks were written). */
async function keepVideos(session: SessionRecord, videos: readonly SessionVideo[], replace: boolean): Promise<void> {
  const store = videoStore();
  if (replace) await store.deleteSession(session.id);
  for (const v of videos) {
    const writer = await store.start({
      sessionId: session.id,
      exercise: v.exercise,
      mimeType: v.mimeType,
      offsetMs: v.offsetMs,
      startedIso: session.startedIso,
    });
    await writer.append(new Blob([v.bytes as Uint8Array<ArrayBuffer>], { type: v.mimeType }));
    // a video cut short stays so (no length: Watch reads it to its end once)
    if (v.durationMs !== null) await writer.finish(v.durationMs);
  }
}

/** The file of stored session `sessionId` with its stretches' videos (where any were recorded), or null when it is
 * not stored. */
export async function exportSession(
  sessionId: string,
): Promise<{ readonly bytes: Uint8Array; readonly fileName: string } | null> {
  return exportSessionFile(await spineStore(), sessionId, await sessionVideos(sessionId), new Date().toISOString());
}

/** Imports a session file; with `replace` a stored session with its id is replaced. Its videos go to the video store
 * after the record and landmarks are stored; `videoError` says when they could not be kept (a full disk). */
export async function importSession(
  file: Blob,
  replace: boolean,
): Promise<ImportOutcome & { readonly videoError?: string }> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return { kind: 'refused', message: 'This file could not be read. Nothing on this device was changed.' };
  }
  const out = await importSessionFile(await spineStore(), bytes, { replace });
  if (out.kind !== 'imported') return out;
  try {
    await keepVideos(out.session, out.videos, replace);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { ...out, videoError: `The session was imported, but its video could not be kept: ${why}` };
  }
  return out;
}

/** Deletes a stored session, its landmark recordings and its videos. */
export async function deleteSession(sessionId: string): Promise<void> {
  await (await spineStore()).deleteSession(sessionId);
  await videoStore().deleteSession(sessionId);
}
