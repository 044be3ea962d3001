/**
 * What the review timeline drives: something that plays over time and can be sought, played, paused and slowed. Two
 * kinds: a `<video>` element (the video page, and a recorded video on Watch), and a landmark track's skeleton replayed
 * on the page clock (Watch without a video). Browser glue: the time follows requestAnimationFrame while playing.
 */
import { nearestIndex } from '../analysis/timeline.ts';
import type { LandmarkTrack, PoseFrame } from '../pose/types.ts';
import { videoMsOf } from '../sessions/video-recording.ts';

/** The speeds offered for review. */
export const PLAYBACK_RATES = [0.25, 0.5, 1] as const;
export type PlaybackRate = (typeof PLAYBACK_RATES)[number];

export interface Playback {
  /** Where it is, ms from the start. */
  readonly timeMs: number;
  readonly playing: boolean;
  readonly rate: PlaybackRate;
  seekTo(tMs: number): void;
  play(): void;
  pause(): void;
  setRate(rate: PlaybackRate): void;
  /** Stops following the clock (the page is leaving). */
  dispose(): void;
}

/** Calls `tick` on every animation frame until `stop()`. */
function frameLoop(tick: (nowMs: number) => void): { stop(): void } {
  let id = requestAnimationFrame(function loop(now) {
    tick(now);
    id = requestAnimationFrame(loop);
  });
  return { stop: () => cancelAnimationFrame(id) };
}

/** A `<video>` element as a Playback; `offsetMs` is the video time at which the timeline's 0 is shown (a recorded
 * session video starts before or after its landmark track's tMs 0). */
export class VideoPlayback implements Playback {
  timeMs = $state(0);
  playing = $state(false);
  rate: PlaybackRate = $state(1);
  readonly #video: HTMLVideoElement;
  #loop: { stop(): void } | null = null;
  readonly #off: () => void;

  readonly #offsetMs: number;

  constructor(video: HTMLVideoElement, offsetMs = 0) {
    this.#video = video;
    this.#offsetMs = offsetMs;
    const sync = () => (this.timeMs = video.currentTime * 1000 - offsetMs);
    const onPlay = () => {
      this.playing = true;
      this.#loop?.stop();
      this.#loop = frameLoop(sync);
    };
    const onPause = () => {
      this.playing = false;
      this.#loop?.stop();
      this.#loop = null;
      sync();
    };
    const events: [string, () => void][] = [
      ['play', onPlay],
      ['pause', onPause],
      ['ended', onPause],
      ['seeked', sync],
      ['timeupdate', sync],
      ['emptied', onPause],
    ];
    for (const [e, f] of events) video.addEventListener(e, f);
    this.#off = () => {
      for (const [e, f] of events) video.removeEventListener(e, f);
    };
    sync();
  }

  seekTo(tMs: number): void {
    this.#video.currentTime = Math.max(0, videoMsOf(tMs, this.#offsetMs) / 1000);
    this.timeMs = this.#video.currentTime * 1000 - this.#offsetMs;
  }
  play(): void {
    void this.#video.play().catch(() => (this.playing = false));
  }
  pause(): void {
    this.#video.pause();
  }
  setRate(rate: PlaybackRate): void {
    this.rate = rate;
    this.#video.playbackRate = rate;
    this.#video.defaultPlaybackRate = rate;
  }
  dispose(): void {
    this.#loop?.stop();
    this.#off();
  }
}

/** A landmark track replayed as a skeleton on the page clock; `frame` is the analysed frame at the play time. */
export class TrackPlayback implements Playback {
  timeMs = $state(0);
  playing = $state(false);
  rate: PlaybackRate = $state(1);
  readonly #frames: readonly PoseFrame[];
  readonly #times: Float64Array;
  readonly #endMs: number;
  #loop: { stop(): void } | null = null;
  readonly frame: PoseFrame | null = $derived.by(() => this.#frames[nearestIndex(this.#times, this.timeMs)] ?? null);

  constructor(track: LandmarkTrack) {
    this.#frames = track.frames;
    this.#times = Float64Array.from(track.frames, (f) => f.tMs);
    this.#endMs = this.#times.at(-1) ?? 0;
  }

  seekTo(tMs: number): void {
    this.timeMs = Math.min(Math.max(0, tMs), this.#endMs);
  }
  play(): void {
    if (this.playing) return;
    if (this.timeMs >= this.#endMs) this.timeMs = 0;
    this.playing = true;
    let last = performance.now();
    this.#loop = frameLoop((now) => {
      this.timeMs = Math.min(this.#endMs, this.timeMs + (now - last) * this.rate);
      last = now;
      if (this.timeMs >= this.#endMs) this.pause();
    });
  }
  pause(): void {
    this.playing = false;
    this.#loop?.stop();
    this.#loop = null;
  }
  setRate(rate: PlaybackRate): void {
    this.rate = rate;
  }
  dispose(): void {
    this.pause();
  }
}
