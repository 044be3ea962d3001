/**
 * `npm run bench:long`: a 2-hour guided session through the session reducer, the engine tracker, the recorder and
 * the IndexedDB store (fake-indexeddb), the way the session controller runs them: what grows with time? It prints,
 * every 15 minutes of session time, the JS heap and array-buffer memory after a GC, the size of the state the reducer
 * carries and of the last draft written, then what was stored (record, draft writes, the stretch's landmark
 * recording) and that History's list and Watch's replay read it back. A measurement, not a test: numbers go to the
 * README's reliability section.
 */
import 'fake-indexeddb/auto';
import { createTracker, getExercise } from '../src/exercises/registry.ts';
import { synthesize } from '../src/exercises/synthesize.ts';
import { INITIAL_SESSION, sessionStep, type Action, type SessionState } from '../src/sessions/session-flow.ts';
import { recordingTrack, SessionRecorder } from '../src/sessions/recording.ts';
import { openSpineStore } from '../src/sessions/storage/spine-store.ts';
import type { SessionDraft } from '../src/sessions/draft.ts';
import type { ExerciseTracker } from '../src/exercises/types.ts';

const SESSION_MS = 2 * 3600_000;
const REPORT_EVERY_MS = 15 * 60_000;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc (npm run bench:long does)');

const MB = (n: number) => (n / 1e6).toFixed(1);
const KB = (n: number) => (n / 1e3).toFixed(1);
const jsonBytes = (v: unknown) => JSON.stringify(v).length;

async function main() {
  const store = await openSpineStore('long-session');
  // pelvic tilts with a target no one reaches: one stretch counted for the whole 2 hours (the worst case for growth)
  const def = { ...getExercise('pelvic-tilt'), targets: { reps: { min: 1e6, max: 1e6 }, sides: 'none' as const } };
  const clip = synthesize('pelvic-tilt', { reps: 10 }).track.frames;
  const recorder = new SessionRecorder();
  let tracker: ExerciseTracker | null = null;
  let s: SessionState = INITIAL_SESSION;
  let drafts = 0;
  let lastDraft: SessionDraft | null = null;
  let draftBytesMax = 0;
  const writes: Promise<void>[] = [];
  const dispatch = (a: Action) => {
    const r = sessionStep(s, a);
    s = r.state;
    for (const e of r.effects) {
      if (e.type === 'record') recorder.add(e.exercise, e.frame);
      else if (e.type === 'new-tracker') tracker = createTracker(e.def.id, { calibratedDepth: e.calibratedDepth });
      else if (e.type === 'save-draft') {
        lastDraft = { ...e.draft, savedIso: new Date().toISOString() };
        draftBytesMax = Math.max(draftBytesMax, jsonBytes(lastDraft));
        drafts++;
        writes.push(store.saveDraft(lastDraft));
      } else if (e.type === 'stretch-ended') {
        const rec = recorder.take(e.exercise, e.sessionId, { backend: 'synthetic', model: 'full' });
        if (rec) writes.push(store.saveRecording(rec));
      } else if (e.type === 'save-session') writes.push(store.saveSession(e.record));
    }
  };
  const calibration = {
    exercise: def.id,
    side: 'none' as const,
    depth: 25,
    unit: 'deg' as const,
    atIso: '2026-03-02T07:00:00.000Z',
  };
  dispatch({ type: 'people-counter', status: 'unavailable', nowMs: 0 });
  dispatch({
    type: 'start',
    routine: [def],
    calibrations: [calibration],
    marginPct: 50,
    nowMs: 0,
    nowIso: '2026-03-02T08:00:00.000Z',
  });
  dispatch({ type: 'begin', nowMs: 0 });

  const heap = () => {
    gc!();
    const m = process.memoryUsage();
    return { heap: m.heapUsed, buffers: m.arrayBuffers };
  };
  const start = heap();
  console.log('session min | heap MB | array buffers MB | reducer state KB | last draft KB | reps | holds');
  const t0 = performance.now();
  for (let tMs = 0, i = 0; tMs < SESSION_MS; tMs += 100, i++) {
    const c = clip[i % clip.length]!;
    const frame = { ...c, tMs };
    const t = tracker as ExerciseTracker | null;
    if (t)
      dispatch({
        type: 'frame',
        frame,
        update: t.step(frame),
        nowMs: tMs,
        nowIso: new Date(Date.UTC(2026, 2, 2, 8) + tMs).toISOString(),
      });
    if (writes.length > 50) await Promise.all(writes.splice(0));
    if ((tMs + 100) % REPORT_EVERY_MS === 0) {
      const m = heap();
      const { routine: _r, ...carried } = s;
      console.log(
        `${String((tMs + 100) / 60_000).padStart(11)} | ${MB(m.heap).padStart(7)} | ${MB(m.buffers).padStart(16)} | ${KB(jsonBytes(carried)).padStart(16)} | ${KB(lastDraft ? jsonBytes(lastDraft) : 0).padStart(13)} | ${String(s.run?.reps ?? 0).padStart(4)} | ${s.run?.holds.length ?? 0}`,
      );
    }
  }
  const loopS = (performance.now() - t0) / 1000;
  dispatch({ type: 'finish-stretch', nowMs: SESSION_MS });
  dispatch({ type: 'rate', relief: 'same', pain: 0, nowMs: SESSION_MS });
  await Promise.all(writes.splice(0));
  const end = heap();

  const [record] = await store.listSessions();
  const rec = record ? await store.loadRecording(record.id, def.id) : undefined;
  const recBytes = rec ? rec.tMs.byteLength + rec.score.byteLength + rec.image.byteLength + rec.world.byteLength : 0;
  const replay = rec ? recordingTrack(rec) : null;
  console.log(`\n${SESSION_MS / 60_000} min of frames at 10 fps (${SESSION_MS / 100} frames) in ${loopS.toFixed(1)} s`);
  console.log(
    `heap after GC: ${MB(start.heap)} MB at the start, ${MB(end.heap)} MB at the end (array buffers ${MB(start.buffers)} -> ${MB(end.buffers)} MB)`,
  );
  console.log(
    `session record: ${KB(record ? jsonBytes(record) : 0)} KB, ${record?.stretches[0]?.reps ?? 0} reps, ${record?.stretches[0]?.holds.length ?? 0} holds, ${record?.durationS ?? 0} s`,
  );
  console.log(
    `drafts: ${drafts} written (one per ${(SESSION_MS / 1000 / Math.max(1, drafts)).toFixed(1)} s on average), largest ${KB(draftBytesMax)} KB; left after the save: ${(await store.latestDraft()) ? 1 : 0}`,
  );
  console.log(
    `recording stored: ${rec?.tMs.length ?? 0} frames (${((rec?.tMs.at(-1) ?? 0) / 60_000).toFixed(1)} min), ${MB(recBytes)} MB`,
  );
  console.log(
    `History lists ${(await store.listSessions()).length} session; Watch replays ${replay?.frames.length ?? 0} frames (${replay?.durationS.toFixed(0) ?? 0} s)`,
  );
  store.close();
}

await main();
