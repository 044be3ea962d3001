/**
 * Test support (unit and e2e): databases in the shapes older versions of the app wrote, to check that upgrades keep
 * every record. `writeOldSpineDb` uses only the global `indexedDB`, so it runs in Node on fake-indexeddb and, passed
 * to `page.evaluate`, in the browser.
 */

/** A session as version 1 stored it: its stretch results have no `faults`. */
export const V1_SESSION = {
  id: 'session-2026-01-05T08:00:00.000Z',
  startedIso: '2026-01-05T08:00:00.000Z',
  day: '2026-01-05',
  durationS: 540,
  stretches: [
    {
      exercise: 'pelvic-tilt',
      reps: 12,
      repsBySide: { left: 0, right: 0 },
      holds: [],
      peakDepth: { left: null, right: null, none: 14.5 },
      unit: 'deg',
      calibrated: { left: null, right: null, none: 16 },
      stops: [],
      relief: 'better',
      pain: 1,
      durationS: 95.2,
    },
  ],
} as const;

export const V1_CALIBRATION = {
  exercise: 'pelvic-tilt',
  side: 'none',
  depth: 16,
  unit: 'deg',
  atIso: '2026-01-05T08:01:00.000Z',
} as const;

/** Version-1 settings: no strict form, no model choice. */
export const V1_SETTINGS = {
  voiceOn: false,
  voiceName: '',
  voiceRate: 1.2,
  beepOn: true,
  stopMarginPct: 10,
  cameraId: '',
  backend: 'wasm',
  disclaimerAccepted: true,
} as const;

export interface OldSpineDb {
  readonly name: string;
  /** 1: sessions, calibrations, settings; 2: + recordings. */
  readonly version: 1 | 2;
  readonly sessions: readonly unknown[];
  readonly calibrations: readonly unknown[];
  readonly settings: unknown;
  readonly recordings?: readonly unknown[];
}

/** Creates database `name` as schema `version` did, with these records. Self-contained (see the file's header). */
export function writeOldSpineDb(old: OldSpineDb): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(old.name, old.version);
    req.onupgradeneeded = () => {
      const db = req.result;
      db.createObjectStore('sessions', { keyPath: 'id' }).createIndex('byDay', 'day');
      db.createObjectStore('calibrations', { keyPath: ['exercise', 'side'] });
      db.createObjectStore('settings');
      if (old.version >= 2) db.createObjectStore('recordings', { keyPath: ['sessionId', 'exercise'] });
    };
    req.onerror = () => reject(req.error ?? new Error('open failed'));
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction([...db.objectStoreNames], 'readwrite');
      for (const s of old.sessions) tx.objectStore('sessions').put(s);
      for (const c of old.calibrations) tx.objectStore('calibrations').put(c);
      tx.objectStore('settings').put(old.settings, 'user');
      for (const r of old.recordings ?? []) tx.objectStore('recordings').put(r);
      tx.oncomplete = () => {
        db.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error ?? new Error('write failed'));
    };
  });
}
