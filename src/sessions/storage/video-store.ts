/**
 * The only code that touches the origin private file system (OPFS): the optional videos of guided sessions, one per
 * stretch, kept on this device only. Each video is a folder `videos/<session>/<stretch>/` holding `meta.json` and
 * its MediaRecorder chunks as numbered files (`000001.webm`, ...), each written and closed as it arrives: a
 * FileSystemWritableFileStream only becomes visible on close(), so one file per chunk is what makes every chunk
 * that arrived before a reload or a crash survive it (and costs no copying, unlike reopening one growing file).
 * The chunks joined in order are the WebM MediaRecorder wrote, cut after the last chunk saved. Failures surface as
 * StorageError with a sentence for the person; a write that fails removes its partial chunk, so what is kept always
 * plays.
 */
import { StorageError, storageErrorKind } from './errors.ts';
import { VIDEO_STOP_MESSAGES } from '../video-recording.ts';

const VIDEOS_DIR = 'videos';
const META_FILE = 'meta.json';
const CHUNK_DIGITS = 6;

/** What is stored with a video, written when it starts and again when it ends. */
export interface VideoMeta {
  readonly sessionId: string;
  readonly exercise: string;
  /** As MediaRecorder reported it, e.g. 'video/webm;codecs=vp8'. */
  readonly mimeType: string;
  /** The video's time (ms) of the landmark recording's first frame (its tMs 0): a landmark frame at tMs t shows at
   * t + offsetMs in the video. Measured on the camera's media clock (see state/session-video.svelte.ts). */
  readonly offsetMs: number;
  readonly startedIso: string;
  /** Length as timed by the recorder, once it stopped; null while recording, and for ever after a reload or crash
   * cut it short (the WebM itself then has no duration in its header either). */
  readonly durationMs: number | null;
}

/** A stored video, as listed. */
export interface VideoInfo extends VideoMeta {
  /** Bytes on disk (all its chunks). */
  readonly bytes: number;
  /** False when the recording was cut short (reload, crash, full disk): it plays up to its last saved chunk. */
  readonly complete: boolean;
}

/** Storage in use: our videos, and what the browser reports for the whole site (null where it cannot say). */
export interface StorageUsage {
  readonly videoBytes: number;
  readonly usedBytes: number | null;
  readonly quotaBytes: number | null;
}

/** Writes one video as it is recorded. */
export interface VideoWriter {
  /** Saves the next chunk (calls are queued in order). After a failure every later call rejects with the same
   * StorageError, so what is kept has no gap. */
  append(chunk: Blob): Promise<void>;
  /** Marks the video complete with its length. */
  finish(durationMs: number): Promise<void>;
}

export interface VideoStore {
  /** Starts a video (replacing one stored for the same stretch). */
  start(meta: Omit<VideoMeta, 'durationMs'>): Promise<VideoWriter>;
  /** The video's bytes (its chunks joined), or null when none is stored. */
  load(sessionId: string, exercise: string): Promise<Blob | null>;
  info(sessionId: string, exercise: string): Promise<VideoInfo | null>;
  /** Every stored video, with its size. */
  list(): Promise<VideoInfo[]>;
  deleteStretch(sessionId: string, exercise: string): Promise<void>;
  deleteSession(sessionId: string): Promise<void>;
  usage(): Promise<StorageUsage>;
}

/** Names in the file system: ids may hold ':' and '.', which are encoded. */
const nameOf = (id: string): string => encodeURIComponent(id).replace(/\./g, '%2E');
const chunkName = (i: number): string => `${String(i).padStart(CHUNK_DIGITS, '0')}.webm`;
const isChunk = (name: string): boolean => /^\d+\.webm$/.test(name);

const errorName = (e: unknown): string =>
  typeof e === 'object' && e !== null && 'name' in e ? String((e as { name: unknown }).name) : '';
const notFound = (e: unknown): boolean => errorName(e) === 'NotFoundError';

/** The sentences for failures other than saving a recording. */
const READ_FAILED = 'The videos on this device could not be read.';
const DELETE_FAILED = 'The video could not be deleted. Try again.';

function storageError(e: unknown, message?: string): StorageError {
  if (e instanceof StorageError) return e;
  const kind = storageErrorKind(e);
  return new StorageError(kind, message ?? VIDEO_STOP_MESSAGES[kind], { cause: e });
}

async function guard<T>(message: string, op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (e) {
    throw storageError(e, message);
  }
}

async function writeFile(dir: FileSystemDirectoryHandle, name: string, data: Blob | string): Promise<void> {
  const file = await dir.getFileHandle(name, { create: true });
  const w = await file.createWritable();
  try {
    await w.write(data);
    await w.close();
  } catch (e) {
    await w.abort().catch(() => {});
    await dir.removeEntry(name).catch(() => {});
    throw e;
  }
}

async function entries(dir: FileSystemDirectoryHandle): Promise<[string, FileSystemHandle][]> {
  const out: [string, FileSystemHandle][] = [];
  for await (const entry of (dir as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries())
    out.push(entry);
  return out.sort(([a], [b]) => a.localeCompare(b));
}

const isDir = (h: FileSystemHandle): h is FileSystemDirectoryHandle => h.kind === 'directory';
const isFile = (h: FileSystemHandle): h is FileSystemFileHandle => h.kind === 'file';

async function chunkFiles(dir: FileSystemDirectoryHandle): Promise<File[]> {
  const files: File[] = [];
  for (const [name, h] of await entries(dir)) if (isFile(h) && isChunk(name)) files.push(await h.getFile());
  return files;
}

async function readMeta(dir: FileSystemDirectoryHandle): Promise<VideoMeta | null> {
  try {
    const text = await (await (await dir.getFileHandle(META_FILE)).getFile()).text();
    const m = JSON.parse(text) as Partial<VideoMeta>;
    if (typeof m.sessionId !== 'string' || typeof m.exercise !== 'string' || typeof m.offsetMs !== 'number')
      return null;
    return {
      sessionId: m.sessionId,
      exercise: m.exercise,
      mimeType: typeof m.mimeType === 'string' ? m.mimeType : 'video/webm',
      offsetMs: m.offsetMs,
      startedIso: typeof m.startedIso === 'string' ? m.startedIso : '',
      durationMs: typeof m.durationMs === 'number' ? m.durationMs : null,
    };
  } catch (e) {
    if (notFound(e) || e instanceof SyntaxError) return null;
    throw e;
  }
}

async function infoOf(dir: FileSystemDirectoryHandle): Promise<VideoInfo | null> {
  const meta = await readMeta(dir);
  if (!meta) return null;
  const bytes = (await chunkFiles(dir)).reduce((n, f) => n + f.size, 0);
  return bytes > 0 ? { ...meta, bytes, complete: meta.durationMs !== null } : null;
}

/** The file system root, or a failure that says this browser has none. */
async function opfsRoot(): Promise<FileSystemDirectoryHandle> {
  if (typeof navigator === 'undefined' || !navigator.storage?.getDirectory)
    throw new StorageError('unavailable', VIDEO_STOP_MESSAGES.unavailable);
  return navigator.storage.getDirectory();
}

/** The video store over `root` (the origin private file system; a fake in tests). `estimate` is the browser's
 * storage estimate (navigator.storage.estimate). */
export function openVideoStore(
  root: () => Promise<FileSystemDirectoryHandle> = opfsRoot,
  estimate: () => Promise<StorageEstimate | null> = () =>
    typeof navigator !== 'undefined' && navigator.storage?.estimate
      ? navigator.storage.estimate()
      : Promise.resolve(null),
): VideoStore {
  /** The folder `name` in `parent` (made when `create`), or null when it does not exist. */
  const dirIn = async (parent: FileSystemDirectoryHandle | null, name: string, create: boolean) => {
    try {
      return parent ? await parent.getDirectoryHandle(name, { create }) : null;
    } catch (e) {
      if (notFound(e)) return null;
      throw e;
    }
  };
  const videos = async (create: boolean) => dirIn(await root(), VIDEOS_DIR, create);
  const sessionDir = async (sessionId: string, create: boolean) =>
    dirIn(await videos(create), nameOf(sessionId), create);
  const stretchDir = async (sessionId: string, exercise: string, create: boolean) =>
    dirIn(await sessionDir(sessionId, create), nameOf(exercise), create);
  const removeIn = async (dir: FileSystemDirectoryHandle | null, name: string) => {
    try {
      await dir?.removeEntry(name, { recursive: true });
    } catch (e) {
      if (!notFound(e)) throw e;
    }
  };
  const list = () =>
    guard(READ_FAILED, async () => {
      const top = await videos(false);
      if (!top) return [];
      const out: VideoInfo[] = [];
      for (const [, s] of await entries(top))
        if (isDir(s))
          for (const [, x] of await entries(s)) {
            const info = isDir(x) ? await infoOf(x) : null;
            if (info) out.push(info);
          }
      return out;
    });

  return {
    start: async (meta) => {
      const writeMeta = (d: FileSystemDirectoryHandle, durationMs: number | null) =>
        writeFile(d, META_FILE, JSON.stringify({ ...meta, durationMs } satisfies VideoMeta));
      let dir: FileSystemDirectoryHandle;
      try {
        const parent = await sessionDir(meta.sessionId, true);
        await removeIn(parent, nameOf(meta.exercise));
        const made = await dirIn(parent, nameOf(meta.exercise), true);
        if (!made) throw new Error('the video folder could not be made');
        dir = made;
        await writeMeta(dir, null);
      } catch (e) {
        throw storageError(e);
      }
      let n = 0;
      let queue: Promise<void> = Promise.resolve();
      let failure: StorageError | null = null;
      const run = (op: () => Promise<void>): Promise<void> => {
        const next = queue.then(async () => {
          if (failure) throw failure;
          try {
            await op();
          } catch (e) {
            throw (failure = storageError(e));
          }
        });
        queue = next.catch(() => {});
        return next;
      };
      return {
        append: (chunk) => (chunk.size === 0 ? queue : run(() => writeFile(dir, chunkName(++n), chunk))),
        finish: (durationMs) => run(() => writeMeta(dir, durationMs)),
      };
    },
    load: (sessionId, exercise) =>
      guard(READ_FAILED, async () => {
        const dir = await stretchDir(sessionId, exercise, false);
        const meta = dir ? await readMeta(dir) : null;
        if (!dir || !meta) return null;
        const files = await chunkFiles(dir);
        return files.length ? new Blob(files, { type: meta.mimeType.split(';')[0] ?? 'video/webm' }) : null;
      }),
    info: (sessionId, exercise) =>
      guard(READ_FAILED, async () => {
        const dir = await stretchDir(sessionId, exercise, false);
        return dir ? infoOf(dir) : null;
      }),
    list,
    deleteStretch: (sessionId, exercise) =>
      guard(DELETE_FAILED, async () => {
        const s = await sessionDir(sessionId, false);
        await removeIn(s, nameOf(exercise));
        if (s && (await entries(s)).length === 0) await removeIn(await videos(false), nameOf(sessionId));
      }),
    deleteSession: (sessionId) => guard(DELETE_FAILED, async () => removeIn(await videos(false), nameOf(sessionId))),
    usage: () =>
      guard(READ_FAILED, async () => {
        const [all, est] = await Promise.all([list(), estimate().catch(() => null)]);
        return {
          videoBytes: all.reduce((n, v) => n + v.bytes, 0),
          usedBytes: est?.usage ?? null,
          quotaBytes: est?.quota ?? null,
        };
      }),
  };
}
