/** The frames of a video file, as the detector gets them: one plain async iterable, whichever way they were made. */

/** One analysed frame of a file: a picture scaled for the detector and its presentation time. */
export interface FileFrame {
  /** The picture, at most `maxSide` on its long side; valid until `close()`. */
  readonly image: ImageBitmap | HTMLCanvasElement;
  /** Presentation time of the source frame in ms (from the container when decoded). */
  readonly tMs: number;
  /** Releases the picture; the consumer calls it once it is done with the frame. */
  close(): void;
}

/** How the frames were obtained: WebCodecs decoding, or seeking a <video> (fallback). */
export type DecodePath = 'webcodecs' | 'seek';

/** The sampled frames of one video file, in presentation order, with their teardown. */
export interface VideoFrameSource extends AsyncIterable<FileFrame> {
  readonly decodePath: DecodePath;
  /** The codec string (e.g. `avc1.64001f`, `vp09.00.30.08`) when the file was demuxed, else null. */
  readonly codec: string | null;
  readonly durationS: number;
  /** Size of the pictures handed to the detector. */
  readonly width: number;
  readonly height: number;
  /** Source frame rate (from the frame timestamps, or measured by playing when seeking); null when unknown. */
  readonly sourceFps: number | null;
  /** How many frames the iteration will yield (from the duration and the sampling rate). */
  readonly total: number;
  /** Stops decoding and frees the file; safe to call more than once. */
  close(): void;
}

/** Options shared by both ways of reading a file. */
export interface FrameSourceOptions {
  /** Sampling rate in frames per second; 0 analyses every source frame. Default 10. */
  readonly fps?: number;
  /** Analyse only the first this-many seconds. */
  readonly maxDurationS?: number;
  /** Longest side of the picture fed to the detector, in pixels. Default 640. */
  readonly maxSide?: number;
}

/** Thrown when the browser cannot read the file as a video. */
export class VideoFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VideoFileError';
  }
}
