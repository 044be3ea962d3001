/** The stretch videos kept on this device, as runes for History and Watch, and the app's one video store. */
import { recordingKey } from '../sessions/recording.ts';
import { openVideoStore, type StorageUsage, type VideoInfo, type VideoStore } from '../sessions/storage/video-store.ts';

let store: VideoStore | null = null;

/** The app's video store (the origin private file system), made on first use. */
export const videoStore = (): VideoStore => (store ??= openVideoStore());

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** A stored video to play: its bytes and what is stored with it. */
export interface StretchVideo {
  readonly blob: Blob;
  readonly info: VideoInfo;
}

/** One stretch's video, or null when none is kept (never recorded, or deleted). */
export async function loadStretchVideo(sessionId: string, exercise: string): Promise<StretchVideo | null> {
  const s = videoStore();
  const [blob, info] = await Promise.all([s.load(sessionId, exercise), s.info(sessionId, exercise)]);
  return blob && info ? { blob, info } : null;
}

class VideosState {
  /** By recordingKey(sessionId, exercise). */
  byKey: ReadonlyMap<string, VideoInfo> = $state.raw(new Map());
  usage: StorageUsage | null = $state.raw(null);
  error: string | null = $state(null);

  /** (Re)reads the list and the storage figures. */
  async refresh(): Promise<void> {
    try {
      const s = videoStore();
      const [list, usage] = await Promise.all([s.list(), s.usage()]);
      this.byKey = new Map(list.map((v) => [recordingKey(v.sessionId, v.exercise), v]));
      this.usage = usage;
      this.error = null;
    } catch (e) {
      this.error = message(e);
    }
  }

  /** Deletes one stretch's video (its landmarks and the session record stay). */
  async deleteStretch(sessionId: string, exercise: string): Promise<void> {
    try {
      await videoStore().deleteStretch(sessionId, exercise);
    } catch (e) {
      this.error = message(e);
    }
    await this.refresh();
  }

  /** Deletes every video of a session. */
  async deleteSession(sessionId: string): Promise<void> {
    try {
      await videoStore().deleteSession(sessionId);
    } catch (e) {
      this.error = message(e);
    }
    await this.refresh();
  }
}

/** The app's stretch videos. */
export const videos = new VideosState();
