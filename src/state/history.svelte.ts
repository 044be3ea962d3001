/** Past sessions and calibrations from the device, as runes, for Home and History. */
import type { CalibrationRecord, SessionRecord } from '../sessions/types.ts';
import { spineStore } from './store.ts';

class HistoryState {
  sessions: SessionRecord[] = $state.raw([]);
  calibrations: CalibrationRecord[] = $state.raw([]);
  /** recordingKey() of the stretches whose landmarks are kept for review. */
  recordings: Set<string> = $state.raw(new Set());
  loaded = $state(false);
  error: string | null = $state(null);

  /** (Re)reads everything from the device. */
  async refresh(): Promise<void> {
    try {
      const store = await spineStore();
      [this.sessions, this.calibrations, this.recordings] = await Promise.all([
        store.listSessions(),
        store.listCalibrations(),
        store.listRecordingKeys(),
      ]);
      this.error = null;
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    }
    this.loaded = true;
  }
}

/** The app's history. */
export const history = new HistoryState();
