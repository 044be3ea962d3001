/**
 * Frames of a video file by demuxing (mediabunny: MP4/MOV, WebM/MKV and more) and decoding with WebCodecs'
 * `VideoDecoder`, in presentation order with the container's timestamps. Only the sampled frames are drawn (scaled,
 * rotation applied) into an ImageBitmap for the detector; every decoded `VideoFrame` is closed at once, and a small
 * bounded queue lets decoding run ahead of detection without holding more than a few frames.
 */
import {
  BlobSource,
  Input,
  MATROSKA,
  MP4,
  QTFF,
  UnsupportedInputFormatError,
  VideoSampleSink,
  WEBM,
  type VideoSample,
} from 'mediabunny';
import type { FileFrame, VideoFrameSource, FrameSourceOptions } from './file-frames.ts';
import { prefetch } from './prefetch.ts';
import { fitSize, frameSampler, frameStartS, sampledFrameCount, sampleTimesS } from './sampling.ts';

/** Sampled frames decoded ahead of the detector. Each is one `maxSide` ImageBitmap (640x360x4 = 0.9 MB): 3 keep the
 * detector fed through a keyframe's longer decode while holding under 3 MB. */
const QUEUE_FRAMES = 3;

/** Containers a camera or phone records video in; other files fall back to the <video> element. */
const FORMATS = [MP4, QTFF, WEBM, MATROSKA];

/** Packets read to measure the frame rate from timestamps (about 2 s of a 30 fps clip). */
const RATE_PACKETS = 60;

/**
 * Opens `file` for decoding, or resolves null when this browser cannot demux or decode it (the caller then falls back
 * to seeking a <video>). Rejects only when reading the file itself fails.
 */
export async function openDecodedFrames(file: Blob, opts: FrameSourceOptions = {}): Promise<VideoFrameSource | null> {
  if (typeof VideoDecoder === 'undefined') return null;
  const input = new Input({ source: new BlobSource(file), formats: FORMATS });
  try {
    const found = await input.getPrimaryVideoTrack();
    if (!found || !(await found.canDecode())) {
      input.dispose();
      return null;
    }
    const track = found;
    const [codec, stats, durationS, displayW, displayH] = await Promise.all([
      track.getCodecParameterString(),
      track.computePacketStats(RATE_PACKETS),
      // the whole file (sound included), as a player's duration: the last picture stays on screen until then
      input.computeDuration(),
      track.getDisplayWidth(),
      track.getDisplayHeight(),
    ]);
    const sourceFps = stats.averagePacketRate > 0 ? stats.averagePacketRate : null;
    const fps = opts.fps ?? 10;
    const maxDurationS = opts.maxDurationS ?? Infinity;
    const [width, height] = fitSize(displayW, displayH, opts.maxSide ?? 640);
    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      input.dispose();
    };

    async function* sampled(): AsyncGenerator<FileFrame> {
      const pick = frameSampler(fps, 1 / (sourceFps ?? 30), maxDurationS);
      const canvas = new OffscreenCanvas(width, height);
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2D canvas for the decoded frames');
      /** The frame if it is on screen at a sample time within [its start, `endS`), drawn for the detector. */
      const take = (sample: VideoSample, endS: number): FileFrame | null => {
        if (!pick(sample.timestamp, endS)) return null;
        sample.draw(ctx, 0, 0, width, height);
        const image = canvas.transferToImageBitmap();
        return { image, tMs: Math.round(sample.timestamp * 1e6) / 1e3, close: () => image.close() };
      };
      // a frame is on screen until the next one starts; each is judged when the next arrives
      let prev: VideoSample | null = null;
      try {
        for await (const sample of new VideoSampleSink(track).samples()) {
          const frame = prev ? take(prev, sample.timestamp) : null;
          prev?.close();
          prev = sample;
          if (frame) yield frame;
          if (sample.timestamp >= maxDurationS) return;
        }
        if (!prev) return;
        const videoEndS = prev.timestamp + prev.duration;
        const frame = take(prev, videoEndS);
        if (frame) yield frame;
        // a player keeps showing the last picture while the rest of the file (its sound) plays: a sample time there
        // sees it again, at the start of that time's frame slot (as seeking the <video> did)
        const rate = sourceFps ?? 30;
        for (const tS of sampleTimesS(durationS, fps, rate, maxDurationS)) {
          if (tS < videoEndS) continue;
          prev.draw(ctx, 0, 0, width, height);
          const image = canvas.transferToImageBitmap();
          yield { image, tMs: Math.round(frameStartS(tS, rate) * 1e6) / 1e3, close: () => image.close() };
        }
      } finally {
        prev?.close();
      }
    }

    return {
      decodePath: 'webcodecs',
      codec,
      durationS,
      width,
      height,
      sourceFps,
      total: sampledFrameCount(durationS, fps, sourceFps ?? 30, maxDurationS),
      close,
      [Symbol.asyncIterator]: () => prefetch(sampled(), QUEUE_FRAMES, (f) => f.close())[Symbol.asyncIterator](),
    };
  } catch (e) {
    input.dispose();
    if (e instanceof UnsupportedInputFormatError) return null;
    throw e;
  }
}
