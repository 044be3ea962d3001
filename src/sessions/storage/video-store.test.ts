/** The OPFS video store against an in-memory file system that behaves as Chromium's does where it matters: a
 * writable's data shows only once closed, and a write past the quota throws QuotaExceededError. */
import { describe, expect, it } from 'vitest';
import { openVideoStore, type VideoStore } from './video-store.ts';
import { StorageError } from './errors.ts';
import { VIDEO_STOP_MESSAGES } from '../video-recording.ts';

const notFound = () => new DOMException('not found', 'NotFoundError');

class FakeFile {
  readonly kind = 'file';
  data = new Blob([]);
  constructor(
    readonly name: string,
    private readonly fs: FakeFs,
  ) {}
  getFile = async () => new File([this.data], this.name);
  createWritable = async () => {
    const parts: BlobPart[] = [];
    return {
      write: async (d: Blob | string) => {
        const size = typeof d === 'string' ? d.length : d.size;
        if (this.fs.used() + size > this.fs.quotaBytes) throw new DOMException('quota', 'QuotaExceededError');
        parts.push(d);
      },
      close: async () => void (this.data = new Blob(parts)),
      abort: async () => {},
    };
  };
}

class FakeDir {
  readonly kind = 'directory';
  readonly items = new Map<string, FakeDir | FakeFile>();
  constructor(
    readonly name: string,
    private readonly fs: FakeFs,
  ) {}
  getDirectoryHandle = async (name: string, o?: { create?: boolean }) => {
    const x = this.items.get(name);
    if (x instanceof FakeDir) return x;
    if (x || !o?.create) throw notFound();
    const d = new FakeDir(name, this.fs);
    this.items.set(name, d);
    return d;
  };
  getFileHandle = async (name: string, o?: { create?: boolean }) => {
    const x = this.items.get(name);
    if (x instanceof FakeFile) return x;
    if (x || !o?.create) throw notFound();
    const f = new FakeFile(name, this.fs);
    this.items.set(name, f);
    return f;
  };
  removeEntry = async (name: string) => {
    if (!this.items.delete(name)) throw notFound();
  };
  async *entries(): AsyncIterable<[string, FakeDir | FakeFile]> {
    yield* this.items.entries();
  }
  bytes(): number {
    return [...this.items.values()].reduce((n, x) => n + (x instanceof FakeDir ? x.bytes() : x.data.size), 0);
  }
}

class FakeFs {
  quotaBytes = Infinity;
  readonly root = new FakeDir('', this);
  used = () => this.root.bytes();
}

function fresh(quotaBytes = Infinity): { fs: FakeFs; store: VideoStore } {
  const fs = new FakeFs();
  fs.quotaBytes = quotaBytes;
  const store = openVideoStore(
    async () => fs.root as unknown as FileSystemDirectoryHandle,
    async () => ({ usage: 5000, quota: 1_000_000 }),
  );
  return { fs, store };
}

const SESSION = 'session-2026-03-02T08:00:00.000Z';
const meta = (exercise = 'pelvic-tilt', sessionId = SESSION) => ({
  sessionId,
  exercise,
  mimeType: 'video/webm;codecs=vp8',
  offsetMs: 40,
  startedIso: '2026-03-02T08:00:05.000Z',
});
const chunk = (text: string) => new Blob([text]);

describe('video store (origin private file system)', () => {
  it('keeps chunks as they arrive, joined in order, and lists the video with its size and offset', async () => {
    const { store } = fresh();
    const w = await store.start(meta());
    await Promise.all(['abc', '', 'de', 'fgh'].map((t) => w.append(chunk(t))));
    await w.finish(3000);
    expect(await (await store.load(SESSION, 'pelvic-tilt'))?.text()).toBe('abcdefgh');
    expect(await store.list()).toEqual([{ ...meta(), durationMs: 3000, bytes: 8, complete: true }]);
    expect((await store.load(SESSION, 'pelvic-tilt'))?.type).toBe('video/webm');
  });

  it('keeps what was written when the recording never finished (a reload or a crash), marked incomplete', async () => {
    const { store } = fresh();
    const w = await store.start(meta());
    await w.append(chunk('abc'));
    await w.append(chunk('de'));
    // no finish(): the page went away
    expect(await (await store.load(SESSION, 'pelvic-tilt'))?.text()).toBe('abcde');
    expect(await store.info(SESSION, 'pelvic-tilt')).toMatchObject({ complete: false, durationMs: null, bytes: 5 });
  });

  it('on a full disk: the failing chunk is a StorageError with the sentence, later ones are refused, the rest is kept', async () => {
    const { fs, store } = fresh();
    const w = await store.start(meta());
    await w.append(chunk('abcd'));
    fs.quotaBytes = fs.used() + 3; // room for 3 more bytes
    await expect(w.append(chunk('efghij'))).rejects.toMatchObject({
      name: 'StorageError',
      kind: 'full',
      message: VIDEO_STOP_MESSAGES.full,
    });
    fs.quotaBytes = Infinity; // even with room again, nothing after the gap is written
    await expect(w.append(chunk('k'))).rejects.toBeInstanceOf(StorageError);
    expect(await (await store.load(SESSION, 'pelvic-tilt'))?.text()).toBe('abcd');
    expect((await store.list()).map((v) => v.bytes)).toEqual([4]);
  });

  it('a video that could not even start (disk already full) leaves nothing listed', async () => {
    const { store } = fresh(0);
    await expect(store.start(meta())).rejects.toMatchObject({ kind: 'full' });
    expect(await store.list()).toEqual([]);
    expect(await store.load(SESSION, 'pelvic-tilt')).toBeNull();
  });

  it('deletes one stretch, or a whole session, and says what is used', async () => {
    const { store } = fresh();
    for (const [s, ex, text] of [
      [SESSION, 'pelvic-tilt', 'aaaa'],
      [SESSION, 'cat-camel', 'bb'],
      ['session-other', 'pelvic-tilt', 'c'],
    ] as const) {
      const w = await store.start(meta(ex, s));
      await w.append(chunk(text));
      await w.finish(1000);
    }
    expect(await store.usage()).toEqual({ videoBytes: 7, usedBytes: 5000, quotaBytes: 1_000_000 });
    await store.deleteStretch(SESSION, 'pelvic-tilt');
    expect(await store.load(SESSION, 'pelvic-tilt')).toBeNull();
    expect((await store.list()).map((v) => `${v.sessionId}/${v.exercise}`).sort()).toEqual([
      `${SESSION}/cat-camel`,
      'session-other/pelvic-tilt',
    ]);
    await store.deleteSession(SESSION);
    expect((await store.list()).map((v) => v.sessionId)).toEqual(['session-other']);
    // deleting what is not there is not an error
    await store.deleteSession('never-recorded');
    await store.deleteStretch('never-recorded', 'pelvic-tilt');
  });

  it('a new video of the same stretch replaces the old one', async () => {
    const { store } = fresh();
    const a = await store.start(meta());
    await a.append(chunk('old-old'));
    const b = await store.start(meta());
    await b.append(chunk('new'));
    expect(await (await store.load(SESSION, 'pelvic-tilt'))?.text()).toBe('new');
  });

  it('nothing stored: empty lists and null loads, even before the videos folder exists', async () => {
    const { store } = fresh();
    expect(await store.list()).toEqual([]);
    expect(await store.info(SESSION, 'pelvic-tilt')).toBeNull();
    expect(await store.usage()).toMatchObject({ videoBytes: 0 });
  });
});
