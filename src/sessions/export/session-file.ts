/**
 * One stored session as one file, to move it to another device or send it to a physiotherapist: the session record
 * (with its stops and ratings), the landmark recording of each stretch, and optional videos. Pure.
 *
 * Layout (all integers unsigned 32-bit little-endian):
 *   bytes 0-7    magic "SPINECS\n"
 *   bytes 8-11   format version (SESSION_FILE_VERSION)
 *   bytes 12-15  manifest length M
 *   bytes 16-19  CRC-32 of the manifest
 *   20 .. 20+M   manifest: JSON, ASCII only (other characters as \uXXXX), see `Manifest`
 *   then         the binary parts back to back, in the order of `manifest.parts`, each with its length and CRC-32
 *                there; the file ends exactly after the last part.
 * Landmark parts are little-endian Float64 (frame times, ms) and Float32 (scores; 33 x [x, y, z, visibility] per
 * frame, image then world landmarks, NaN where none), as StretchRecording holds them. A video part is its bytes.
 *
 * Why this and not a zip: deflate shrinks full-precision landmarks only to 77-79 % (measured on three footage tracks
 * with the rounding of the fixtures undone) and video not at all, so a zip library would buy ~20 % for a dependency;
 * the CRC-32 per part finds the same damage a zip would.
 */
import type { ExerciseId } from '../../exercises/types.ts';
import { LANDMARK_COUNT } from '../../pose/landmarks.ts';
import { MODEL_TYPES } from '../../pose/types.ts';
import type { StretchRecording } from '../recording.ts';
import type { SessionRecord } from '../types.ts';
import { crc32 } from './crc32.ts';
import { checkSessionRecord, FileProblem, knownExercise } from './record-check.ts';

/** The file's first bytes. */
const MAGIC = [0x53, 0x50, 0x49, 0x4e, 0x45, 0x43, 0x53, 0x0a]; // "SPINECS\n"
/** The format this app writes and the newest it reads. */
export const SESSION_FILE_VERSION = 1;
/** The extension exported files get. */
export const SESSION_FILE_EXTENSION = '.spinecoach';
const HEADER_BYTES = 20;
const FORMAT = 'spine-coach-session';
/** Numbers per frame in one landmark list: 33 landmarks x (x, y, z, visibility). */
const PER_LIST = LANDMARK_COUNT * 4;

/** A video of one stretch, as plain data (the video store keeps it as a Blob). */
export interface SessionVideo {
  readonly exercise: ExerciseId;
  /** e.g. 'video/webm;codecs=vp9' */
  readonly mimeType: string;
  /** The video's time (ms) at which the stretch's landmark recording starts (VideoMeta.offsetMs). */
  readonly offsetMs: number;
  /** Its length, null when the recording was cut short (a reload, a crash, a full disk). */
  readonly durationMs: number | null;
  readonly bytes: Uint8Array;
}

/** Everything one session file holds. */
export interface SessionBundle {
  readonly session: SessionRecord;
  readonly recordings: readonly StretchRecording[];
  readonly videos: readonly SessionVideo[];
}

interface PartRef {
  readonly byteLength: number;
  readonly crc32: number;
}

/** The manifest's JSON: the record as stored, and where each recording's arrays and each video are. */
interface Manifest {
  readonly format: typeof FORMAT;
  readonly version: number;
  readonly exportedIso: string;
  readonly session: SessionRecord;
  readonly recordings: readonly {
    readonly exercise: ExerciseId;
    readonly backend: string;
    readonly model: StretchRecording['model'];
    readonly imageWidth: number;
    readonly imageHeight: number;
    /** The session time of its first frame (StretchRecording.startSessionMs), where recorded. */
    readonly startSessionMs?: number;
    readonly frames: number;
    /** Indices into `parts`. */
    readonly parts: { readonly tMs: number; readonly score: number; readonly image: number; readonly world: number };
  }[];
  readonly videos: readonly {
    readonly exercise: ExerciseId;
    readonly mimeType: string;
    readonly offsetMs: number;
    readonly durationMs: number | null;
    readonly part: number;
  }[];
  readonly parts: readonly PartRef[];
}

function floatBytes(a: Float32Array | Float64Array): Uint8Array {
  const size = a.BYTES_PER_ELEMENT;
  const out = new Uint8Array(a.length * size);
  const view = new DataView(out.buffer);
  for (let i = 0; i < a.length; i++)
    if (size === 8) view.setFloat64(i * 8, a[i]!, true);
    else view.setFloat32(i * 4, a[i]!, true);
  return out;
}

function readF64(b: Uint8Array): Float64Array {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return Float64Array.from({ length: b.length / 8 }, (_, i) => view.getFloat64(i * 8, true));
}

function readF32(b: Uint8Array): Float32Array {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return Float32Array.from({ length: b.length / 4 }, (_, i) => view.getFloat32(i * 4, true));
}

/** JSON with every character above 0x7e escaped, so the manifest is ASCII: one byte per character both ways. */
const asciiJson = (v: unknown) =>
  JSON.stringify(v).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** The session file of `bundle`, as bytes. Recordings and videos must belong to the session. */
export function encodeSessionFile(bundle: SessionBundle, exportedIso: string): Uint8Array {
  const parts: Uint8Array[] = [];
  const add = (b: Uint8Array) => parts.push(b) - 1;
  const recordings = bundle.recordings.map((r) => {
    if (r.sessionId !== bundle.session.id) throw new Error(`recording of ${r.sessionId} is not of this session`);
    return {
      exercise: r.exercise,
      backend: r.backend,
      model: r.model,
      imageWidth: r.imageWidth,
      imageHeight: r.imageHeight,
      ...(r.startSessionMs === undefined ? {} : { startSessionMs: r.startSessionMs }),
      frames: r.tMs.length,
      parts: {
        tMs: add(floatBytes(r.tMs)),
        score: add(floatBytes(r.score)),
        image: add(floatBytes(r.image)),
        world: add(floatBytes(r.world)),
      },
    };
  });
  const videos = bundle.videos.map((v) => ({
    exercise: v.exercise,
    mimeType: v.mimeType,
    offsetMs: v.offsetMs,
    durationMs: v.durationMs,
    part: add(v.bytes),
  }));
  const manifest: Manifest = {
    format: FORMAT,
    version: SESSION_FILE_VERSION,
    exportedIso,
    session: bundle.session,
    recordings,
    videos,
    parts: parts.map((p) => ({ byteLength: p.length, crc32: crc32(p) })),
  };
  const json = asciiJson(manifest);
  const total = HEADER_BYTES + json.length + parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  out.set(MAGIC, 0);
  const view = new DataView(out.buffer);
  view.setUint32(8, SESSION_FILE_VERSION, true);
  view.setUint32(12, json.length, true);
  for (let i = 0; i < json.length; i++) out[HEADER_BYTES + i] = json.charCodeAt(i);
  view.setUint32(16, crc32(out.subarray(HEADER_BYTES, HEADER_BYTES + json.length)), true);
  let at = HEADER_BYTES + json.length;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export type DecodedSessionFile =
  | { readonly ok: true; readonly bundle: SessionBundle; readonly exportedIso: string }
  | { readonly ok: false; readonly message: string };

/** Said after every refusal: an import is all or nothing. */
export const NOTHING_CHANGED = 'Nothing on this device was changed.';
const NOT_OURS = 'This is not a Spine Coach session file.';
const TRUNCATED = 'This session file is incomplete (it ends early): it may not have finished downloading or copying.';
const damaged = (what: string) => new FileProblem(`This session file is damaged: ${what}.`);

/** Reads a session file, checking every byte of it before anything is returned; never throws. */
export function decodeSessionFile(bytes: Uint8Array): DecodedSessionFile {
  try {
    return { ok: true, ...decode(bytes) };
  } catch (e) {
    const problem = e instanceof FileProblem ? e.message : `This session file cannot be read (${String(e)}).`;
    return { ok: false, message: `${problem} ${NOTHING_CHANGED}` };
  }
}

function decode(bytes: Uint8Array): { bundle: SessionBundle; exportedIso: string } {
  const head = Math.min(bytes.length, MAGIC.length);
  for (let i = 0; i < head; i++) if (bytes[i] !== MAGIC[i]) throw new FileProblem(NOT_OURS);
  if (bytes.length < HEADER_BYTES) throw new FileProblem(bytes.length === 0 ? 'This file is empty.' : TRUNCATED);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(8, true);
  if (version > SESSION_FILE_VERSION)
    throw new FileProblem(
      `This session file was made by a newer version of Spine Coach (file format ${version}; this app reads format ${SESSION_FILE_VERSION} and older). Update the app and try again.`,
    );
  if (version < 1) throw damaged('its format number is 0');
  const m = view.getUint32(12, true);
  if (HEADER_BYTES + m > bytes.length) throw new FileProblem(TRUNCATED);
  const jsonBytes = bytes.subarray(HEADER_BYTES, HEADER_BYTES + m);
  if (crc32(jsonBytes) !== view.getUint32(16, true)) throw damaged('its list of contents does not match its checksum');
  let json = '';
  for (let i = 0; i < jsonBytes.length; i++) {
    if (jsonBytes[i]! > 0x7e) throw damaged('its list of contents has bytes that are not text');
    json += String.fromCharCode(jsonBytes[i]!);
  }
  let manifest: unknown;
  try {
    manifest = JSON.parse(json);
  } catch {
    throw damaged('its list of contents cannot be read');
  }
  return readManifest(manifest, bytes.subarray(HEADER_BYTES + m));
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

function readManifest(manifest: unknown, body: Uint8Array): { bundle: SessionBundle; exportedIso: string } {
  if (!isObj(manifest) || manifest.format !== FORMAT) throw new FileProblem(NOT_OURS);
  const refs = manifest.parts;
  if (!Array.isArray(refs) || !refs.every((p) => isObj(p) && isCount(p.byteLength) && isCount(p.crc32)))
    throw damaged('its list of parts cannot be read');
  const sizes = (refs as PartRef[]).map((p) => p.byteLength);
  const bodyLength = sizes.reduce((n, s) => n + s, 0);
  if (bodyLength > body.length) throw new FileProblem(TRUNCATED);
  if (bodyLength < body.length) throw damaged('it has extra data after its end');
  const starts = sizes.map((_, i) => sizes.slice(0, i).reduce((n, s) => n + s, 0));
  const used = new Set<number>();
  /** Part `i`, checked against its CRC and its expected length; each part belongs to one thing only. */
  const part = (i: unknown, what: string, byteLength?: number): Uint8Array => {
    const ref = isCount(i) ? (refs as PartRef[])[i] : undefined;
    if (!ref || used.has(i as number)) throw damaged(`it has no data for the ${what}`);
    used.add(i as number);
    if (byteLength !== undefined && ref.byteLength !== byteLength) throw damaged(`the size of the ${what} is wrong`);
    const b = body.subarray(starts[i as number]!, starts[i as number]! + ref.byteLength);
    if (crc32(b) !== ref.crc32) throw damaged(`the checksum of the ${what} does not match`);
    return b;
  };

  const session = checkSessionRecord(manifest.session);
  const inSession = (v: unknown, path: string): ExerciseId => {
    const id = knownExercise(v, path);
    if (!session.stretches.some((s) => s.exercise === id))
      throw damaged(`it has a ${path} of a stretch not in the session`);
    return id;
  };
  if (!Array.isArray(manifest.recordings) || !Array.isArray(manifest.videos))
    throw damaged('its contents list is incomplete');
  const seen = new Set<ExerciseId>();
  const recordings = manifest.recordings.map((r: unknown): StretchRecording => {
    if (!isObj(r) || !isObj(r.parts)) throw damaged('a landmark recording has no description');
    const exercise = inSession(r.exercise, 'recording');
    if (seen.has(exercise)) throw damaged(`it has two recordings of ${exercise}`);
    seen.add(exercise);
    const frames = r.frames;
    const ok =
      typeof r.backend === 'string' &&
      MODEL_TYPES.includes(r.model as StretchRecording['model']) &&
      isCount(r.imageWidth) &&
      isCount(r.imageHeight) &&
      isCount(frames) &&
      (r.startSessionMs === undefined || (typeof r.startSessionMs === 'number' && Number.isFinite(r.startSessionMs)));
    if (!ok) throw damaged(`the description of the ${exercise} recording is incomplete`);
    const what = (arr: string) => `${exercise} recording's ${arr}`;
    return {
      sessionId: session.id,
      exercise,
      backend: r.backend as string,
      model: r.model as StretchRecording['model'],
      imageWidth: r.imageWidth as number,
      imageHeight: r.imageHeight as number,
      ...(typeof r.startSessionMs === 'number' ? { startSessionMs: r.startSessionMs } : {}),
      tMs: readF64(part(r.parts.tMs, what('frame times'), frames * 8)),
      score: readF32(part(r.parts.score, what('scores'), frames * 4)),
      image: readF32(part(r.parts.image, what('landmarks'), frames * PER_LIST * 4)),
      world: readF32(part(r.parts.world, what('world landmarks'), frames * PER_LIST * 4)),
    };
  });
  const videos = manifest.videos.map((v: unknown): SessionVideo => {
    if (!isObj(v)) throw damaged('a video has no description');
    const exercise = inSession(v.exercise, 'video');
    if (typeof v.mimeType !== 'string' || !/^video\/[\w.+-]+(;.{0,100})?$/.test(v.mimeType))
      throw damaged(`the ${exercise} video has no video type`);
    if (typeof v.offsetMs !== 'number' || !Number.isFinite(v.offsetMs))
      throw damaged(`the ${exercise} video has no start time`);
    const durationMs = v.durationMs;
    if (durationMs !== null && (typeof durationMs !== 'number' || !Number.isFinite(durationMs) || durationMs < 0))
      throw damaged(`the ${exercise} video has no length`);
    return {
      exercise,
      mimeType: v.mimeType,
      offsetMs: v.offsetMs,
      durationMs,
      bytes: part(v.part, `${exercise} video`).slice(),
    };
  });
  if (used.size !== refs.length) throw damaged('it has parts that belong to nothing');
  const exportedIso = typeof manifest.exportedIso === 'string' ? manifest.exportedIso : '';
  return { bundle: { session, recordings, videos }, exportedIso };
}
