/** Export, delete and import of whole sessions against fake-indexeddb: all or nothing, and a clash is asked about. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openSpineStore, type SpineStore } from './spine-store.ts';
import { exportSessionFile, importSessionFile } from './session-transfer.ts';
import { bundle, SESSION } from '../export/test-bundle.ts';
import { recordingKey, type StretchRecording } from '../recording.ts';
import type { SessionRecord } from '../types.ts';

let n = 0;
const NOW = '2026-12-02T10:00:00.000Z';
const OTHER: SessionRecord = { ...SESSION, id: 'other', startedIso: '2026-11-29T08:00:00.000Z', day: '2026-11-29' };

/** A store holding SESSION with its two recordings, and OTHER with one. */
async function seeded(): Promise<SpineStore> {
  const db = await openSpineStore(`transfer-test-${++n}`);
  const b = bundle();
  await db.saveSession(SESSION);
  await db.saveSession(OTHER);
  for (const r of b.recordings) await db.saveRecording(r);
  await db.saveRecording({ ...b.recordings[0]!, sessionId: OTHER.id });
  return db;
}

/** What the store holds, to compare before and after. */
const contents = async (db: SpineStore) => ({
  sessions: await db.listSessions(),
  keys: [...(await db.listRecordingKeys())].sort(),
});

async function exported(db: SpineStore): Promise<Uint8Array> {
  const file = await exportSessionFile(db, SESSION.id, bundle().videos, NOW);
  if (!file) throw new Error('not exported');
  return file.bytes;
}

describe('session transfer', () => {
  it('exports a stored session with its recordings, named by its start time', async () => {
    const db = await seeded();
    const file = await exportSessionFile(db, SESSION.id, [], NOW);
    expect(file?.fileName).toBe(
      `spine-coach-session-${SESSION.startedIso.slice(0, 16).replace(/[T:]/g, '-')}.spinecoach`,
    );
    expect(await exportSessionFile(db, 'nope', [], NOW)).toBeNull();
    db.close();
  });

  it('deletes a session and its recordings only', async () => {
    const db = await seeded();
    await db.deleteSession(SESSION.id);
    expect(await contents(db)).toEqual({ sessions: [OTHER], keys: [recordingKey(OTHER.id, 'single-knee-to-chest')] });
    db.close();
  });

  it('imports onto another device: the same record, recordings and videos', async () => {
    const bytes = await exported(await seeded());
    const other = await openSpineStore(`transfer-test-${++n}`);
    const got = await importSessionFile(other, bytes, { replace: false });
    expect(got).toMatchObject({ kind: 'imported', session: SESSION, recordings: 2, videos: bundle().videos });
    expect(await other.getSession(SESSION.id)).toEqual(SESSION);
    expect(await other.loadRecording(SESSION.id, 'cat-camel')).toEqual(bundle().recordings[1]);
    other.close();
  });

  it('after a delete, imports it back as it was', async () => {
    const db = await seeded();
    const before = await contents(db);
    const bytes = await exported(db);
    await db.deleteSession(SESSION.id);
    expect((await importSessionFile(db, bytes, { replace: false })).kind).toBe('imported');
    expect(await contents(db)).toEqual(before);
    db.close();
  });

  it('asks before replacing a session that is there, keeps it unless told, and replaces record and recordings', async () => {
    const db = await seeded();
    const bytes = await exported(db);
    const changed = { ...SESSION, durationS: 1 };
    await db.importSession(changed, []); // the stored one differs from the file and has no recordings
    const asked = await importSessionFile(db, bytes, { replace: false });
    expect(asked).toEqual({ kind: 'exists', existing: changed });
    expect(await db.getSession(SESSION.id)).toEqual(changed);
    expect((await importSessionFile(db, bytes, { replace: true })).kind).toBe('imported');
    expect(await db.getSession(SESSION.id)).toEqual(SESSION);
    expect((await contents(db)).keys).toContain(recordingKey(SESSION.id, 'cat-camel'));
    db.close();
  });

  it.each<[string, (file: Uint8Array) => Uint8Array]>([
    ['cut short', (f) => f.slice(0, f.length - 5)],
    ['a byte flipped in a recording', (f) => f.map((b, i) => (i === f.length - 40 ? b ^ 1 : b))],
    ['a foreign file', () => Uint8Array.from([80, 75, 3, 4, 20, 0, 0, 0])],
  ])('a damaged file (%s) is refused and nothing stored changes, not even with replace', async (_name, damage) => {
    const db = await seeded();
    const bytes = damage(await exported(db));
    await db.deleteSession(SESSION.id);
    const before = await contents(db);
    const got = await importSessionFile(db, bytes, { replace: true });
    expect(got.kind).toBe('refused');
    expect(got.kind === 'refused' && got.message).toMatch(/Nothing on this device was changed\.$/);
    expect(await contents(db)).toEqual(before);
    db.close();
  });

  it('a failed write (full disk) is refused with the storage sentence and leaves the stored session as it was', async () => {
    const db = await seeded();
    const bytes = await exported(db);
    const before = await contents(db);
    const full: SpineStore = {
      ...db,
      importSession: () => Promise.reject(Object.assign(new Error('quota'), { name: 'QuotaExceededError' })),
    };
    const got = await importSessionFile(full, bytes, { replace: true });
    expect(got.kind === 'refused' && got.message).toMatch(/storage for Spine Coach is full/);
    expect(await contents(db)).toEqual(before);
    db.close();
  });
});

describe('importSession (one transaction)', () => {
  it('a record that cannot be stored undoes the deletes before it: the stored session stays whole', async () => {
    const db = await seeded();
    const before = await contents(db);
    const broken = { ...bundle().recordings[0]!, exercise: undefined } as unknown as StretchRecording; // no key
    await expect(db.importSession({ ...SESSION, durationS: 1 }, [broken])).rejects.toThrow();
    expect(await contents(db)).toEqual(before);
    expect(await db.getSession(SESSION.id)).toEqual(SESSION);
    db.close();
  });
});
