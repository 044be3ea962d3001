/** Stored recordings of past sessions' stretches, for History's Watch (the video page replays them). */
import type { ExerciseId } from '../exercises/types.ts';
import type { StretchRecording } from '../sessions/recording.ts';
import type { SessionMarks } from '../analysis/timeline.ts';
import { spineStore } from './store.ts';

export interface StoredStretchRecording {
  readonly recording: StretchRecording;
  /** When its session started, as stored with the session (null when the session record is gone). */
  readonly sessionStartedIso: string | null;
  /** The stretch's limits and stops from the session record, for the timeline (null when the record is gone). */
  readonly marks: SessionMarks | null;
}

/** One stretch's recording of a session, or null when it is no longer on this device. */
export async function loadStretchRecording(
  sessionId: string,
  exercise: ExerciseId,
): Promise<StoredStretchRecording | null> {
  const store = await spineStore();
  const [recording, session] = await Promise.all([
    store.loadRecording(sessionId, exercise),
    store.getSession(sessionId),
  ]);
  if (!recording) return null;
  const result = session?.stretches.find((s) => s.exercise === exercise);
  const marks = result
    ? { calibrated: result.calibrated, stops: result.stops, recordingStartSessionMs: recording.startSessionMs ?? null }
    : null;
  return { recording, sessionStartedIso: session?.startedIso ?? null, marks };
}
