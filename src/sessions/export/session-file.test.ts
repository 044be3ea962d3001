/** The session file: what goes in comes back bit for bit, and every kind of damage is refused with a sentence. */
import { describe, expect, it } from 'vitest';
import { crc32 } from './crc32.ts';
import { decodeSessionFile, encodeSessionFile, NOTHING_CHANGED, SESSION_FILE_VERSION } from './session-file.ts';
import { bundle, SESSION } from './test-bundle.ts';

const EXPORTED = '2026-12-02T10:00:00.000Z';
const bytesOf = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const u32 = (b: Uint8Array, at: number) => new DataView(b.buffer, b.byteOffset).getUint32(at, true);

/** The file with its manifest replaced (and its length and checksum made right), to test the checks behind them. */
function withManifest(file: Uint8Array, change: (m: Record<string, unknown>) => void): Uint8Array {
  const m = u32(file, 12);
  const manifest = JSON.parse(String.fromCharCode(...file.subarray(20, 20 + m))) as Record<string, unknown>;
  change(manifest);
  const json = bytesOf(JSON.stringify(manifest));
  const out = new Uint8Array(20 + json.length + file.length - 20 - m);
  out.set(file.subarray(0, 20));
  out.set(json, 20);
  out.set(file.subarray(20 + m), 20 + json.length);
  const view = new DataView(out.buffer);
  view.setUint32(12, json.length, true);
  view.setUint32(16, crc32(json), true);
  return out;
}

/** Where each part starts and ends in the file: the boundaries to cut at. */
function boundaries(file: Uint8Array): number[] {
  const m = u32(file, 12);
  const parts = (JSON.parse(String.fromCharCode(...file.subarray(20, 20 + m))) as { parts: { byteLength: number }[] })
    .parts;
  let at = 20 + m;
  return [0, 4, 8, 12, 16, 20, 20 + m, ...parts.map((p) => (at += p.byteLength))];
}

describe('session file', () => {
  it('gives back the record, every recording array and the video exactly', () => {
    const b = bundle();
    const got = decodeSessionFile(encodeSessionFile(b, EXPORTED));
    if (!got.ok) throw new Error(got.message);
    expect(got.exportedIso).toBe(EXPORTED);
    expect(got.bundle.session).toEqual(SESSION);
    expect(got.bundle.recordings).toHaveLength(2);
    for (const [i, r] of got.bundle.recordings.entries()) {
      const want = b.recordings[i]!;
      expect(r.tMs).toBeInstanceOf(Float64Array);
      expect(r.image).toBeInstanceOf(Float32Array);
      // NaN (frames with nobody in them) compares equal in toEqual: the arrays match value for value
      expect(r).toEqual(want);
    }
    expect(Number.isNaN(got.bundle.recordings[0]!.image[2 * 132])).toBe(true);
    expect(got.bundle.videos).toEqual(b.videos);
  });

  it('keeps text outside ASCII (an id with an accent) through the ASCII manifest', () => {
    const b = bundle(2);
    const session = { ...b.session, id: 'séance-✓' };
    const got = decodeSessionFile(
      encodeSessionFile(
        { ...b, session, recordings: b.recordings.map((r) => ({ ...r, sessionId: session.id })) },
        EXPORTED,
      ),
    );
    expect(got.ok && got.bundle.session.id).toBe('séance-✓');
  });

  it('holds a session with no recordings and no video', () => {
    const got = decodeSessionFile(encodeSessionFile({ session: SESSION, recordings: [], videos: [] }, EXPORTED));
    expect(got.ok && got.bundle.recordings.length).toBe(0);
  });

  const file = encodeSessionFile(bundle(), EXPORTED);
  const refused = (bytes: Uint8Array) => {
    const got = decodeSessionFile(bytes);
    if (got.ok) throw new Error('accepted');
    expect(got.message.endsWith(NOTHING_CHANGED)).toBe(true);
    return got.message;
  };

  it.each<[string, () => Uint8Array, RegExp]>([
    ['an empty file', () => new Uint8Array(0), /empty/],
    ['a JSON file', () => bytesOf('{"format":"spine-coach-sessions","sessions":[]}'), /not a Spine Coach session file/],
    ['a PNG', () => Uint8Array.from([137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13]), /not a Spine Coach session file/],
    ['only the magic', () => file.slice(0, 8), /incomplete/],
    [
      'a newer format',
      () => {
        const f = file.slice();
        new DataView(f.buffer).setUint32(8, SESSION_FILE_VERSION + 1, true);
        return f;
      },
      /newer version of Spine Coach \(file format 2/,
    ],
    [
      'format 0',
      () => {
        const f = file.slice();
        f[8] = 0;
        return f;
      },
      /damaged: its format number/,
    ],
    ['a byte appended', () => Uint8Array.from([...file, 0]), /extra data after its end/],
    ['another kind of manifest', () => withManifest(file, (m) => (m.format = 'zip')), /not a Spine Coach session file/],
    ['a manifest without parts', () => withManifest(file, (m) => delete m.parts), /list of parts/],
    [
      'a session without reps',
      () => withManifest(file, (m) => delete (m.session as { stretches: { reps?: number }[] }).stretches[0]!.reps),
      /stretches\[0\]\.reps is missing or not a whole number/,
    ],
    [
      'a session without an id',
      () => withManifest(file, (m) => delete (m.session as { id?: string }).id),
      /\bid is missing/,
    ],
    [
      'pain of 11',
      () => withManifest(file, (m) => ((m.session as { stretches: { pain: number }[] }).stretches[1]!.pain = 11)),
      /stretches\[1\]\.pain is missing or not a number from 0 to 10/,
    ],
    [
      'a stop with an unknown choice',
      () =>
        withManifest(
          file,
          (m) =>
            ((m.session as { stretches: { stops: { choice: string }[] }[] }).stretches[0]!.stops[0]!.choice = 'run'),
        ),
      /stops\[0\]\.choice/,
    ],
    [
      'an unknown stretch',
      () =>
        withManifest(
          file,
          (m) => ((m.session as { stretches: { exercise: string }[] }).stretches[0]!.exercise = 'wall-angel'),
        ),
      /does not know \(“wall-angel”\).*Update the app/,
    ],
    [
      'a recording of a stretch not in the session',
      () => withManifest(file, (m) => ((m.recordings as { exercise: string }[])[0]!.exercise = 'ql-stretch')),
      /recording of a stretch not in the session/,
    ],
    [
      'a recording with the wrong frame count',
      () => withManifest(file, (m) => ((m.recordings as { frames: number }[])[0]!.frames = 13)),
      /the size of the single-knee-to-chest recording's frame times is wrong/,
    ],
    [
      'two things in one part',
      () => withManifest(file, (m) => ((m.videos as { part: number }[])[0]!.part = 0)),
      /no data for the cat-camel video/,
    ],
    [
      'a video without a type',
      () => withManifest(file, (m) => ((m.videos as { mimeType: string }[])[0]!.mimeType = 'text/html')),
      /no video type/,
    ],
    [
      'a video without its start time',
      () => withManifest(file, (m) => delete (m.videos as { offsetMs?: number }[])[0]!.offsetMs),
      /the cat-camel video has no start time/,
    ],
    [
      'a video with a negative length',
      () => withManifest(file, (m) => ((m.videos as { durationMs: number }[])[0]!.durationMs = -5)),
      /the cat-camel video has no length/,
    ],
    ['an unused part', () => withManifest(file, (m) => ((m.videos as unknown[]).length = 0)), /belong to nothing/],
  ])('refuses %s with a clear message', (_name, make, message) => {
    expect(refused(make())).toMatch(message);
  });

  it('refuses the file cut at every part boundary, and one byte either side, as incomplete', () => {
    for (const at of boundaries(file).flatMap((b) => [b - 1, b, b + 1])) {
      if (at < 0 || at >= file.length) continue;
      expect(refused(file.slice(0, at)), `cut at ${at}`).toMatch(at === 0 ? /empty/ : /incomplete/);
    }
  });

  it('refuses the file with any single byte flipped (every 3rd byte of a 3-frame file tried), never throwing', () => {
    const messages = new Set<string>();
    const small = encodeSessionFile(bundle(3), EXPORTED);
    for (let at = 0; at < small.length; at += 3) {
      const f = small.slice();
      f[at] = f[at]! ^ 0xff;
      messages.add(refused(f).replace(/“.*”/, '“…”'));
    }
    // each kind of damage has its sentence: the header, the manifest's checksum, a part's checksum
    expect([...messages].some((m) => /not a Spine Coach session file/.test(m))).toBe(true);
    expect([...messages].some((m) => /list of contents does not match/.test(m))).toBe(true);
    expect(
      [...messages].some((m) =>
        /checksum of the (single-knee-to-chest|cat-camel) recording's landmarks does not match/.test(m),
      ),
    ).toBe(true);
    expect([...messages].some((m) => /checksum of the cat-camel video does not match/.test(m))).toBe(true);
  });

  it('refuses random garbage after the magic without throwing', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 256;
    for (let n = 0; n < 200; n++) {
      const f = Uint8Array.from({ length: 20 + (n % 50) * 13 }, rand);
      f.set(file.subarray(0, 12));
      expect(decodeSessionFile(f).ok).toBe(false);
    }
  });
});
