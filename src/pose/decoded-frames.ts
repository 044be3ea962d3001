/**
 * Frames of a video file by demuxing (mediabunny: MP4/MOV, WebM/MKV and more) and decoding with WebCodecs'
 * `VideoDecoder`, in presentation order with the container's timestamps. Only the sampled frames are painted (scaled,
 * rotation applied: frame-picture.ts) into an ImageBitmap for the detector, with their RGB values; every decoded
 * `VideoFrame` is closed at once, and a small bounded queue lets decoding run ahead of detection without holding more
 * than a few frames.
 */
import {
  BlobSource,
  EncodedPacketSink,
  Input,
  MATROSKA,
  MP4,
  QTFF,
  UnsupportedInputFormatError,
  VideoSampleSink,
  WEBM,
  type EncodedPacket,
  type InputVideoTrack,
  type VideoSample,
} from 'mediabunny';
import type { FileFrame, FileFrameReader, FrameSourceOptions } from './file-frames.ts';
import { framePictures } from './frame-picture.ts';
import { prefetch } from './prefetch.ts';
import {
  fitSize,
  frameSampler,
  frameStartS,
  frameTimeMs,
  inFrameRange,
  sampledFrameCount,
  sampleTimesS,
  WHOLE_FILE,
  type FrameRange,
} from './sampling.ts';
import { avccLengthSize, isNonReferenceAvc } from './avc-references.ts';

/** Sampled frames decoded ahead of the detector. Each is one `maxSide` ImageBitmap (640x360x4 = 0.9 MB) and its RGB
 * values (2.8 MB): 3 keep the detector fed through a keyframe's longer decode while holding about 11 MB. */
const QUEUE_FRAMES = 3;

/** Containers a camera or phone records video in; other files fall back to the <video> element. */
const FORMATS = [MP4, QTFF, WEBM, MATROSKA];

/** Packets read to measure the frame rate from timestamps (about 2 s of a 30 fps clip). */
const RATE_PACKETS = 60;

/** A timestamp (s) as whole microseconds, to look frames up by (the decoder's own unit). */
const usKey = (tS: number) => Math.round(tS * 1e6);

/**
 * Which frames the analysis looks at, decided before decoding from the packets' timestamps alone (the frame on screen
 * at each sample time, as `frameSampler` picks in presentation order). `needed` adds the last frame, which the tail
 * of the file shows.
 */
async function samplePlan(
  track: InputVideoTrack,
  fps: number,
  frameDurationS: number,
  maxDurationS: number,
): Promise<{ sampled: Set<number>; needed: Set<number>; lastKey: number | null; videoEndS: number }> {
  const starts: number[] = [];
  let videoEndS = 0;
  for await (const p of new EncodedPacketSink(track).packets(undefined, undefined, { metadataOnly: true })) {
    starts.push(p.timestamp);
    videoEndS = Math.max(videoEndS, p.timestamp + p.duration);
  }
  starts.sort((a, b) => a - b);
  const pick = frameSampler(fps, frameDurationS, maxDurationS);
  const sampled = new Set<number>();
  starts.forEach((t, i) => {
    if (pick(t, starts[i + 1] ?? videoEndS)) sampled.add(usKey(t));
  });
  const last = starts.at(-1);
  const lastKey = last === undefined ? null : usKey(last);
  const needed = new Set(sampled);
  if (lastKey !== null) needed.add(lastKey);
  return { sampled, needed, lastKey, videoEndS };
}

/**
 * A sample sink whose decoder never sees the packets `skip` names. mediabunny 1.61 builds its decode loop on
 * `_createPacketSink()` (internal, so not in its types); where a later version lacks it, every packet is decoded, which
 * is slower but gives the same frames.
 */
function sampleSink(track: InputVideoTrack, skip: (p: EncodedPacket) => boolean): VideoSampleSink {
  class SkippingPacketSink extends EncodedPacketSink {
    override async *packets(...args: Parameters<EncodedPacketSink['packets']>): AsyncGenerator<EncodedPacket, void> {
      for await (const p of super.packets(...args)) if (!skip(p)) yield p;
    }
  }
  class SkippingSampleSink extends VideoSampleSink {
    _createPacketSink(): EncodedPacketSink {
      return new SkippingPacketSink(track);
    }
  }
  return '_createPacketSink' in VideoSampleSink.prototype ? new SkippingSampleSink(track) : new VideoSampleSink(track);
}

/**
 * Opens `file` for decoding, or resolves null when this browser cannot demux or decode it (the caller then falls back
 * to seeking a <video>). Rejects only when reading the file itself fails.
 */
export async function openDecodedFrames(
  file: Blob,
  opts: FrameSourceOptions = {},
  range: FrameRange = WHOLE_FILE,
): Promise<FileFrameReader | null> {
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
      const plan = await samplePlan(track, fps, 1 / (sourceFps ?? 30), maxDurationS);
      const paint = framePictures(width, height);
      const draw = (sample: VideoSample, tMs: number): FileFrame => {
        const { image, rgb } = paint(sample);
        return { image, rgb, tMs, close: () => image.close() };
      };
      const lengthSize =
        (await track.getCodec()) === 'avc' ? avccLengthSize((await track.getDecoderConfig())?.description) : null;
      // a non-reference picture that is not sampled is never decoded (avc-references.ts); the last one is kept for the
      // tail below
      const skip = (p: EncodedPacket) =>
        lengthSize !== null && !plan.needed.has(usKey(p.timestamp)) && isNonReferenceAvc(p.data, lengthSize);
      let last: VideoSample | null = null;
      try {
        // decoding starts at the keyframe before `fromMs` (mediabunny) and stops at `toMs`
        const samples = sampleSink(track, skip).samples(range.fromMs / 1000, range.toMs / 1000);
        for await (const sample of samples) {
          if (sample.timestamp >= maxDurationS) {
            sample.close();
            return;
          }
          const key = usKey(sample.timestamp);
          if (key === plan.lastKey) last = sample;
          const tMs = frameTimeMs(sample.timestamp);
          const frame = plan.sampled.has(key) && inFrameRange(range, tMs) ? draw(sample, tMs) : null;
          if (sample !== last) sample.close();
          if (frame) yield frame;
        }
        if (!last) return;
        // a player keeps showing the last picture while the rest of the file (its sound) plays: a sample time there
        // sees it again, at the start of that time's frame slot (as seeking the <video> did)
        const rate = sourceFps ?? 30;
        for (const tS of sampleTimesS(durationS, fps, rate, maxDurationS)) {
          const tMs = frameTimeMs(frameStartS(tS, rate));
          if (tS < plan.videoEndS || !inFrameRange(range, tMs)) continue;
          yield draw(last, tMs);
        }
      } finally {
        last?.close();
      }
    }

    return {
      decodePath: 'webcodecs',
      codec,
      durationS,
      width,
      height,
      sourceFps,
      total: sampledFrameCount(durationS, fps, sourceFps ?? 30, maxDurationS, range),
      close,
      [Symbol.asyncIterator]: () => prefetch(sampled(), QUEUE_FRAMES, (f) => f.close())[Symbol.asyncIterator](),
    };
  } catch (e) {
    input.dispose();
    if (e instanceof UnsupportedInputFormatError) return null;
    throw e;
  }
}
