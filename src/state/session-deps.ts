/** The guided session's browser services: the user's camera and detector settings, storage, speech, the clock. */
import { createPeopleCounter, createPoseDetector, openCamera, preloadPoseDetector } from '../pose/index.ts';
import { createTracker } from '../exercises/registry.ts';
import { SessionController, type SessionDeps } from './session.svelte.ts';
import { settings } from './settings.svelte.ts';
import { history } from './history.svelte.ts';
import { spineStore } from './store.ts';
import { beep, speak } from './voice.ts';
import { videoStore, videos } from './videos.svelte.ts';

export function browserSessionDeps(): SessionDeps {
  return {
    preloadDetector: () => preloadPoseDetector({ backend: settings.value.backend, model: settings.value.model }),
    openSource: (video) => {
      const id = settings.value.cameraId;
      return openCamera(video, id ? { deviceId: id } : {});
    },
    loadDetector: (source, onProgress) =>
      createPoseDetector({
        backend: settings.value.backend,
        model: settings.value.model,
        onProgress,
        warmupImage: source.warmupImage ?? undefined,
      }),
    loadPeopleCounter: createPeopleCounter,
    createTracker,
    store: spineStore,
    videoStore,
    settings: () => settings.value,
    speak: (text, interrupt) => speak(text, settings.value, interrupt),
    beep: () => beep(settings.value),
    stored: async () => void (await Promise.all([history.refresh(), videos.refresh()])),
    nowMs: () => performance.now(),
    nowIso: () => new Date().toISOString(),
  };
}

/** The app's guided session, with the browser's services. */
export const createSession = (): SessionController => new SessionController(browserSessionDeps());
