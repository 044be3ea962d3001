/**
 * Stored data survives the app's upgrades and a full disk: databases written by schema versions 1 and 2 (built here
 * with raw IndexedDB in their old shapes: sessions without `faults`, settings without the newer fields) open at the
 * current version with every record intact; drafts are kept, replaced, and dropped with their session; a put that
 * throws QuotaExceededError leaves what was saved before untouched.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DB_VERSION, openSpineStore } from './spine-store.ts';
import { StorageError } from './errors.ts';
import { DEFAULT_SETTINGS } from '../types.ts';
import type { SessionDraft } from '../draft.ts';
import type { SessionRecord, StretchResult } from '../types.ts';
import { V1_CALIBRATION, V1_SESSION, V1_SETTINGS, writeOldSpineDb } from './old-schemas.ts';

let n = 0;
const dbName = () => `spine-upgrade-test-${++n}`;

const V2_RECORDING = {
  sessionId: V1_SESSION.id,
  exercise: 'pelvic-tilt',
  backend: 'wasm',
  model: 'lite',
  imageWidth: 640,
  imageHeight: 360,
  tMs: Float64Array.from([0, 100]),
  score: Float32Array.from([0.9, 0.9]),
  image: new Float32Array(2 * 132).fill(0.25),
  world: new Float32Array(2 * 132).fill(NaN),
};

/** Writes a database the way schema `version` of the app did. */
const writeOld = (name: string, version: 1 | 2) =>
  writeOldSpineDb({
    name,
    version,
    sessions: [V1_SESSION],
    calibrations: [V1_CALIBRATION],
    settings: V1_SETTINGS,
    recordings: version >= 2 ? [V2_RECORDING] : [],
  });

/** A saved session with nothing in it. */
const emptySession = (id: string) => ({
  id,
  startedIso: '2026-03-02T08:00:00.000Z',
  day: '2026-03-02',
  durationS: 60,
  stretches: [],
});

const draft = (id: string, savedIso: string, reps = 3): SessionDraft => ({
  id,
  startedIso: '2026-03-02T08:00:00.000Z',
  savedIso,
  routine: ['pelvic-tilt'],
  index: 0,
  results: [],
  current: { ...(V1_SESSION.stretches[0] as unknown as StretchResult), reps, relief: null, pain: null },
  awaitingRating: false,
  calibrations: [],
  marginPct: 15,
  elapsedMs: 60_000,
});

describe('opening a database of an older schema', () => {
  it.each([1, 2] as const)('version %i: every record survives the upgrade and reads correctly', async (version) => {
    const name = dbName();
    await writeOld(name, version);
    const store = await openSpineStore(name);
    expect(await store.listSessions()).toEqual([V1_SESSION]);
    expect(await store.getSession(V1_SESSION.id)).toEqual(V1_SESSION);
    expect(await store.listCalibrations()).toEqual([V1_CALIBRATION]);
    // settings missing newer fields read with their defaults; the stored ones are kept
    expect(await store.loadSettings()).toEqual({ ...DEFAULT_SETTINGS, ...V1_SETTINGS });
    if (version === 2) {
      const rec = await store.loadRecording(V1_SESSION.id, 'pelvic-tilt');
      expect(Array.from(rec?.tMs ?? [])).toEqual([0, 100]);
    } else expect(await store.listRecordingKeys()).toEqual(new Set());
    // the new store is there: a draft can be kept
    await store.saveDraft(draft('session-new', '2026-03-02T08:01:00.000Z'));
    expect((await store.latestDraft())?.id).toBe('session-new');
    store.close();
    const raw = await new Promise<IDBDatabase>((resolve) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => resolve(req.result);
    });
    expect(raw.version).toBe(DB_VERSION);
    raw.close();
  });
});

describe('drafts', () => {
  it('one per session, replaced by each write; the newest is offered; saving the session drops its draft', async () => {
    const store = await openSpineStore(dbName());
    await store.saveDraft(draft('a', '2026-03-02T08:01:00.000Z', 1));
    await store.saveDraft(draft('a', '2026-03-02T08:02:00.000Z', 4));
    await store.saveDraft(draft('b', '2026-03-01T08:00:00.000Z'));
    expect(await store.latestDraft()).toMatchObject({ id: 'a', current: { reps: 4 } });
    await store.saveSession(emptySession('a'));
    expect((await store.latestDraft())?.id).toBe('b');
    await store.deleteDraft('b');
    expect(await store.latestDraft()).toBeUndefined();
    store.close();
  });

  it('a draft written after its session was saved (a late write) is dropped, not offered', async () => {
    const store = await openSpineStore(dbName());
    await store.saveSession(emptySession('a'));
    await store.saveDraft(draft('a', '2026-03-02T08:03:00.000Z'));
    expect(await store.latestDraft()).toBeUndefined();
    store.close();
  });
});

describe('storage full', () => {
  afterEach(() => vi.restoreAllMocks());

  it('a put that throws QuotaExceededError is a StorageError "full"; what was saved before is untouched', async () => {
    const store = await openSpineStore(dbName());
    await store.saveDraft(draft('a', '2026-03-02T08:01:00.000Z', 2));
    await store.saveSession({ ...(V1_SESSION as unknown as SessionRecord), id: 'kept' });
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    for (const write of [
      () => store.saveDraft(draft('a', '2026-03-02T08:02:00.000Z', 5)),
      () => store.saveSession(emptySession('a')),
    ]) {
      const e = await write().then(
        () => null,
        (err: unknown) => err,
      );
      expect(e).toBeInstanceOf(StorageError);
      expect((e as StorageError).kind).toBe('full');
      expect((e as StorageError).message).toMatch(/storage .* is full.*Save again/);
    }
    vi.restoreAllMocks();
    expect((await store.listSessions()).map((s) => s.id)).toEqual(['kept']);
    // the failed session save did not drop its draft: it is still there to save again or continue
    expect(await store.latestDraft()).toMatchObject({ id: 'a', current: { reps: 2 } });
    store.close();
  });
});
