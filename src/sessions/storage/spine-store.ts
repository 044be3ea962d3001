/**
 * The only code that touches IndexedDB (through `idb`): sessions, calibrations and settings. Every save is one
 * transaction, so a failure (QuotaExceededError when the disk is full) leaves what was saved before untouched, and
 * surfaces as a StorageError with a sentence for the user.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { CalibrationRecord, SessionRecord, Settings } from '../types.ts';
import { recordingKey, type StretchRecording } from '../recording.ts';
import { resolveSettings } from '../types.ts';
import { toStorageError } from './errors.ts';
import type { SessionDraft } from '../draft.ts';

interface SpineDB extends DBSchema {
  sessions: { key: string; value: SessionRecord; indexes: { byDay: string } };
  calibrations: { key: [string, string]; value: CalibrationRecord };
  settings: { key: string; value: Partial<Settings> };
  recordings: { key: [string, string]; value: StretchRecording };
  drafts: { key: string; value: SessionDraft };
}

export const DB_NAME = 'spine-coach';
/** 1: sessions, calibrations, settings. 2: + recordings. 3: + drafts. Upgrades only add stores: nothing is wiped. */
export const DB_VERSION = 3;
const SETTINGS_KEY = 'user';
/** Landmark recordings are kept for the newest this many sessions (~9 MB for a 15-minute one); older ones are
 * dropped, their session records stay. */
export const RECORDED_SESSIONS_KEPT = 30;

/** What the app stores on this device. */
export interface SpineStore {
  /** Saves a session; its draft (same id), if any, goes in the same transaction. */
  saveSession(r: SessionRecord): Promise<void>;
  /** All sessions, newest first. */
  listSessions(): Promise<SessionRecord[]>;
  getSession(id: string): Promise<SessionRecord | undefined>;
  /** Deletes a session record and its recordings, in one transaction. */
  deleteSession(id: string): Promise<void>;
  /** Stores an imported session with its recordings in one transaction, replacing the one with its id (record and
   * recordings) if there is one: all of it is stored, or nothing changes. */
  importSession(r: SessionRecord, recordings: readonly StretchRecording[]): Promise<void>;
  saveCalibration(r: CalibrationRecord): Promise<void>;
  listCalibrations(): Promise<CalibrationRecord[]>;
  /** Keeps the landmarks of one stretch of a session, and drops those of sessions past the newest kept. */
  saveRecording(r: StretchRecording): Promise<void>;
  loadRecording(sessionId: string, exercise: string): Promise<StretchRecording | undefined>;
  /** recordingKey() of every stored recording. */
  listRecordingKeys(): Promise<Set<string>>;
  loadSettings(): Promise<Settings>;
  saveSettings(s: Settings): Promise<void>;
  /** Keeps the running session so far (one draft per session id, replaced each time). */
  saveDraft(d: SessionDraft): Promise<void>;
  /** The newest draft of a session never saved (drafts of saved sessions are dropped), or undefined. */
  latestDraft(): Promise<SessionDraft | undefined>;
  deleteDraft(id: string): Promise<void>;
  close(): void;
}

async function guard<T>(op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (e) {
    throw toStorageError(e);
  }
}

/** In one transaction: deletes session `id` and its recordings, then stores `r` and `recordings` (if given). */
async function replaceSession(
  db: IDBPDatabase<SpineDB>,
  id: string,
  r: SessionRecord | null,
  recordings: readonly StretchRecording[],
): Promise<void> {
  const tx = db.transaction(['sessions', 'recordings'], 'readwrite');
  const done = tx.done;
  done.catch(() => {}); // awaited below; an abort must not also surface as an unhandled rejection
  const ops: Promise<unknown>[] = [];
  try {
    const sessions = tx.objectStore('sessions');
    const recs = tx.objectStore('recordings');
    ops.push(sessions.delete(id), recs.delete(IDBKeyRange.bound([id], [id, []]))); // every [id, exercise] key
    if (r) ops.push(sessions.put(r));
    for (const x of recordings) ops.push(recs.put(x));
    await Promise.all(ops);
  } catch (e) {
    // a request that failed (or threw before it was made) must not leave the deletes before it to commit; the
    // requests after it then fail with AbortError, which is this error's consequence, not news
    for (const p of ops) p.catch(() => {});
    try {
      tx.abort();
    } catch {
      // already aborted by the failed request
    }
    throw e;
  }
  await done;
}

/** Opens (creating on first use) the app's database. */
export async function openSpineStore(name = DB_NAME): Promise<SpineStore> {
  const db: IDBPDatabase<SpineDB> = await guard(() =>
    openDB<SpineDB>(name, DB_VERSION, {
      upgrade(d, oldVersion) {
        if (oldVersion < 1) {
          d.createObjectStore('sessions', { keyPath: 'id' }).createIndex('byDay', 'day');
          d.createObjectStore('calibrations', { keyPath: ['exercise', 'side'] });
          d.createObjectStore('settings');
        }
        if (oldVersion < 2) d.createObjectStore('recordings', { keyPath: ['sessionId', 'exercise'] });
        if (oldVersion < 3) d.createObjectStore('drafts', { keyPath: 'id' });
      },
    }),
  );
  return {
    saveSession: (r) =>
      guard(async () => {
        const tx = db.transaction(['sessions', 'drafts'], 'readwrite');
        await Promise.all([tx.objectStore('sessions').put(r), tx.objectStore('drafts').delete(r.id), tx.done]);
      }),
    listSessions: () =>
      guard(async () => (await db.getAll('sessions')).sort((a, b) => b.startedIso.localeCompare(a.startedIso))),
    getSession: (id) => guard(() => db.get('sessions', id)),
    deleteSession: (id) => guard(() => replaceSession(db, id, null, [])),
    importSession: (r, recordings) => guard(() => replaceSession(db, r.id, r, recordings)),
    saveCalibration: (r) => guard(async () => void (await db.put('calibrations', r))),
    listCalibrations: () => guard(() => db.getAll('calibrations')),
    saveRecording: (r) =>
      guard(async () => {
        await db.put('recordings', r);
        const newest = (await db.getAll('sessions'))
          .sort((a, b) => b.startedIso.localeCompare(a.startedIso))
          .slice(0, RECORDED_SESSIONS_KEPT);
        const keep = new Set([r.sessionId, ...newest.map((x) => x.id)]);
        const tx = db.transaction('recordings', 'readwrite');
        for (const key of await tx.store.getAllKeys()) if (!keep.has(key[0])) await tx.store.delete(key);
        await tx.done;
      }),
    loadRecording: (sessionId, exercise) => guard(() => db.get('recordings', [sessionId, exercise])),
    listRecordingKeys: () =>
      guard(async () => new Set((await db.getAllKeys('recordings')).map(([id, ex]) => recordingKey(id, ex)))),
    loadSettings: () => guard(async () => resolveSettings(await db.get('settings', SETTINGS_KEY))),
    saveSettings: (s) => guard(async () => void (await db.put('settings', s, SETTINGS_KEY))),
    saveDraft: (d) => guard(async () => void (await db.put('drafts', d))),
    latestDraft: () =>
      guard(async () => {
        const drafts = (await db.getAll('drafts')).sort((a, b) => b.savedIso.localeCompare(a.savedIso));
        for (const d of drafts) {
          if (!(await db.getKey('sessions', d.id))) return d;
          await db.delete('drafts', d.id); // its session was saved after this draft was written
        }
        return undefined;
      }),
    deleteDraft: (id) => guard(() => db.delete('drafts', id)),
    close: () => db.close(),
  };
}
