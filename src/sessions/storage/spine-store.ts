/**
 * The only code that touches IndexedDB (through `idb`): sessions, calibrations and settings. Every save is one
 * transaction, so a failure (QuotaExceededError when the disk is full) leaves what was saved before untouched, and
 * surfaces as a StorageError with a sentence for the user.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { CalibrationRecord, SessionRecord, Settings } from '../types.ts';
import { resolveSettings } from '../types.ts';
import { toStorageError } from './errors.ts';

interface SpineDB extends DBSchema {
  sessions: { key: string; value: SessionRecord; indexes: { byDay: string } };
  calibrations: { key: [string, string]; value: CalibrationRecord };
  settings: { key: string; value: Partial<Settings> };
}

export const DB_NAME = 'spine-coach';
const SETTINGS_KEY = 'user';

/** What the app stores on this device. */
export interface SpineStore {
  saveSession(r: SessionRecord): Promise<void>;
  /** All sessions, newest first. */
  listSessions(): Promise<SessionRecord[]>;
  saveCalibration(r: CalibrationRecord): Promise<void>;
  listCalibrations(): Promise<CalibrationRecord[]>;
  loadSettings(): Promise<Settings>;
  saveSettings(s: Settings): Promise<void>;
  close(): void;
}

async function guard<T>(op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (e) {
    throw toStorageError(e);
  }
}

/** Opens (creating on first use) the app's database. */
export async function openSpineStore(name = DB_NAME): Promise<SpineStore> {
  const db: IDBPDatabase<SpineDB> = await guard(() =>
    openDB<SpineDB>(name, 1, {
      upgrade(d) {
        d.createObjectStore('sessions', { keyPath: 'id' }).createIndex('byDay', 'day');
        d.createObjectStore('calibrations', { keyPath: ['exercise', 'side'] });
        d.createObjectStore('settings');
      },
    }),
  );
  return {
    saveSession: (r) => guard(async () => void (await db.put('sessions', r))),
    listSessions: () => guard(async () => (await db.getAll('sessions')).sort((a, b) => b.startedIso.localeCompare(a.startedIso))),
    saveCalibration: (r) => guard(async () => void (await db.put('calibrations', r))),
    listCalibrations: () => guard(() => db.getAll('calibrations')),
    loadSettings: () => guard(async () => resolveSettings(await db.get('settings', SETTINGS_KEY))),
    saveSettings: (s) => guard(async () => void (await db.put('settings', s, SETTINGS_KEY))),
    close: () => db.close(),
  };
}
