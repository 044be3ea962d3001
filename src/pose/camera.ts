/** The webcam source: getUserMedia, camera list, and errors a user can act on. */
import type { FrameSource } from './frame-source.ts';
import { pumpVideoFrames } from './pose-loop.ts';

/** Why the camera could not be opened, in terms a message can be chosen from. */
export type CameraErrorKind = 'no-camera' | 'permission-denied' | 'in-use' | 'unsupported' | 'lost' | 'unknown';

/** A camera failure with a kind the UI turns into a clear message. */
export class CameraError extends Error {
  readonly kind: CameraErrorKind;
  constructor(kind: CameraErrorKind, message: string) {
    super(message);
    this.name = 'CameraError';
    this.kind = kind;
  }
}

/** An open camera playing in the caller's <video>: a frame source for a PoseStream, and the device it came from. */
export interface CameraSource extends FrameSource {
  readonly deviceId: string;
}

/** Maps a getUserMedia DOMException name to our error kinds. */
export function cameraErrorKind(name: string): CameraErrorKind {
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return 'permission-denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'no-camera';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'in-use';
    case 'TypeError':
      return 'unsupported';
    default:
      return 'unknown';
  }
}

/** The user-facing sentence for each kind. */
export function cameraErrorMessage(kind: CameraErrorKind): string {
  switch (kind) {
    case 'no-camera':
      return 'No camera was found. Plug in a webcam (or pick another one) and try again.';
    case 'permission-denied':
      return 'Camera permission was denied. Allow the camera for this site in the browser’s address bar, then try again.';
    case 'in-use':
      return 'The camera is in use by another app or tab. Close it there and try again.';
    case 'unsupported':
      return 'This browser cannot open a camera here (it needs a secure https:// or localhost page).';
    case 'lost':
      return 'The camera stopped delivering pictures (unplugged, or taken by another app).';
    default:
      return 'The camera could not be started.';
  }
}

/** Lists video inputs (labels are empty until the user has granted camera permission once). */
export async function listCameras(): Promise<{ deviceId: string; label: string }[]> {
  if (!navigator.mediaDevices?.enumerateDevices) return [];
  const devices = await navigator.mediaDevices.enumerateDevices();
  return devices
    .filter((d) => d.kind === 'videoinput')
    .map((d, i) => ({ deviceId: d.deviceId, label: d.label || `Camera ${i + 1}` }));
}

/**
 * Opens a camera (the given one, or the default) into `video`, the element the page shows (requestVideoFrameCallback
 * only fires for a rendered <video>), and resolves once its first frame has a size. Closing the source releases the
 * device and empties `video`.
 */
export async function openCamera(
  video: HTMLVideoElement,
  opts: { deviceId?: string; width?: number; height?: number } = {},
): Promise<CameraSource> {
  if (!navigator.mediaDevices?.getUserMedia) throw new CameraError('unsupported', cameraErrorMessage('unsupported'));
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      audio: false,
      video: {
        deviceId: opts.deviceId ? { exact: opts.deviceId } : undefined,
        width: { ideal: opts.width ?? 640 },
        height: { ideal: opts.height ?? 480 },
      },
    });
  } catch (e) {
    const kind = cameraErrorKind(e instanceof Error ? e.name : '');
    throw new CameraError(kind, cameraErrorMessage(kind));
  }
  const close = () => {
    stream.getTracks().forEach((t) => t.stop());
    if (video.srcObject === stream) video.srcObject = null;
  };
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  try {
    await video.play();
    if (video.videoWidth === 0) await new Promise((r) => video.addEventListener('loadeddata', r, { once: true }));
  } catch (e) {
    close();
    throw new CameraError(
      'unknown',
      `The camera stream could not be played: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  // pose-detection reads the width/height attributes, which default to 0
  video.width = video.videoWidth;
  video.height = video.videoHeight;
  return {
    deviceId: stream.getVideoTracks()[0]?.getSettings().deviceId ?? opts.deviceId ?? '',
    width: video.videoWidth,
    height: video.videoHeight,
    warmupImage: video,
    frames: (onFrame, signal) =>
      watchTrack(stream.getVideoTracks()[0], signal, (pump) => pumpVideoFrames(video, onFrame, pump)),
    close,
  };
}

/** A muted track (no pictures) for this long counts as lost: long enough for a driver hiccup or a resolution change
 * (well under a second), short enough that a person is not left waiting with nothing said. */
export const MUTED_LOST_MS = 2000;
/** How often the track's state is read: a track stopped by the page itself fires no 'ended' event. */
const TRACK_POLL_MS = 500;

/** What the watch reads of a camera track (a fake stands in for it in tests). */
export type WatchedTrack = Pick<MediaStreamTrack, 'readyState' | 'muted' | 'addEventListener' | 'removeEventListener'>;

/**
 * Runs `pump` (the frame loop) while `track` delivers pictures. When the track ends (unplugged, taken by another app,
 * stopped) or stays muted for MUTED_LOST_MS, the loop is stopped and the promise rejects with a CameraError 'lost';
 * it resolves when `signal` aborts or the loop ends.
 */
export function watchTrack(
  track: WatchedTrack | undefined,
  signal: AbortSignal,
  pump: (signal: AbortSignal) => Promise<void>,
): Promise<void> {
  const inner = new AbortController();
  const stopInner = () => inner.abort();
  signal.addEventListener('abort', stopInner, { once: true });
  return new Promise<void>((resolve, reject) => {
    let mutedSinceMs: number | null = null;
    const done = () => {
      clearInterval(poll);
      track?.removeEventListener('ended', lost);
      track?.removeEventListener('mute', check);
      track?.removeEventListener('unmute', check);
      signal.removeEventListener('abort', stopInner);
    };
    function lost() {
      done();
      inner.abort();
      reject(new CameraError('lost', cameraErrorMessage('lost')));
    }
    function check() {
      if (!track || signal.aborted) return;
      if (track.readyState === 'ended') return lost();
      const now = performance.now();
      mutedSinceMs = track.muted ? (mutedSinceMs ?? now) : null;
      if (mutedSinceMs !== null && now - mutedSinceMs >= MUTED_LOST_MS) lost();
    }
    const poll = setInterval(check, TRACK_POLL_MS);
    track?.addEventListener('ended', lost);
    track?.addEventListener('mute', check);
    track?.addEventListener('unmute', check);
    pump(inner.signal).then(
      () => {
        done();
        resolve();
      },
      (e: unknown) => {
        done();
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
