/** Stored recordings of past sessions' stretches, for History's Watch (the video page replays them). */
import type { ExerciseId } from '../exercises/types.ts';
import type { StretchRecording } from '../sessions/recording.ts';
import { spineStore } from './store.ts';

export interface StoredStretchRecording {
  readonly recording: StretchRecording;
  /** When its session started, as stored with the session (null when the session record is gone). */
  readonly sessionStartedIso: string | null;
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
  return recording ? { recording, sessionStartedIso: session?.startedIso ?? null } : null;
}
