/** The camera watch: a track that ends or stays muted stops the frame loop with a CameraError 'lost'. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CameraError, MUTED_LOST_MS, watchTrack, type WatchedTrack } from './camera.ts';

class FakeTrack extends EventTarget implements WatchedTrack {
  readyState: MediaStreamTrackState = 'live';
  muted = false;
}

/** A frame loop that runs until its signal aborts, and says whether it was stopped. */
function loop() {
  const state = { stopped: false };
  const pump = (signal: AbortSignal) =>
    new Promise<void>((resolve) =>
      signal.addEventListener('abort', () => ((state.stopped = true), resolve()), { once: true }),
    );
  return { state, pump };
}

describe('watchTrack', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const lostError = (p: Promise<void>) =>
    p.then(
      () => null,
      (e: unknown) => e,
    );

  it.each([
    ['the track fires "ended" (unplugged)', (t: FakeTrack) => t.dispatchEvent(new Event('ended'))],
    ['the page stopped the track (no event: found by polling)', (t: FakeTrack) => void (t.readyState = 'ended')],
  ])('%s: the loop stops and the error is "lost"', async (_name, end) => {
    const track = new FakeTrack();
    const { state, pump } = loop();
    const result = lostError(watchTrack(track, new AbortController().signal, pump));
    end(track);
    await vi.advanceTimersByTimeAsync(600);
    const e = await result;
    expect(e).toBeInstanceOf(CameraError);
    expect((e as CameraError).kind).toBe('lost');
    expect(state.stopped).toBe(true);
  });

  it(`a track muted for ${MUTED_LOST_MS} ms is lost; a shorter mute is not`, async () => {
    const track = new FakeTrack();
    const { state, pump } = loop();
    const ac = new AbortController();
    let settled: unknown = 'pending';
    void lostError(watchTrack(track, ac.signal, pump)).then((e) => (settled = e));
    track.muted = true;
    track.dispatchEvent(new Event('mute'));
    await vi.advanceTimersByTimeAsync(MUTED_LOST_MS / 2);
    track.muted = false;
    track.dispatchEvent(new Event('unmute'));
    await vi.advanceTimersByTimeAsync(MUTED_LOST_MS * 2);
    expect(settled).toBe('pending');
    track.muted = true;
    track.dispatchEvent(new Event('mute'));
    await vi.advanceTimersByTimeAsync(MUTED_LOST_MS + 600);
    expect((settled as CameraError).kind).toBe('lost');
    expect(state.stopped).toBe(true);
  });

  it('resolves when the caller stops it, and then reports nothing', async () => {
    const track = new FakeTrack();
    const { pump } = loop();
    const ac = new AbortController();
    const result = lostError(watchTrack(track, ac.signal, pump));
    ac.abort();
    track.readyState = 'ended';
    await vi.advanceTimersByTimeAsync(1000);
    expect(await result).toBeNull();
  });
});
