/**
 * A decoded video sample painted as the detector's picture: scaled to the analysis size with the file's rotation and
 * mirror flags applied, as an ImageBitmap, with the same picture's RGB values for the tfjs detectors (`RgbPixels`).
 * Painted by the browser (drawImage), so the pictures are the ones seeking a `<video>` drew: the labelled tracks and
 * the thresholds were measured on those. An own YUV conversion in the worker, tried on 2026-12-02, avoided the wait
 * below but changed two labelled counts.
 *
 * Runs in the decoding worker. There Chromium paints a video frame only after asking the main thread for a GPU
 * context and waiting for the answer (shared_gpu_context.cc, CreateContextProviderIfNeeded; with no GPU the answer is
 * "none" and every frame asks again), so the worker stands still while the detector holds the main thread (40-70 ms
 * a frame in a Chromium trace). Painting on the page instead was measured as no faster (the page then paints).
 */
import type { VideoSample } from 'mediabunny';
import type { RgbPixels } from './create-detector.ts';

/** A frame as the detector's picture, and the same picture's RGB values. */
export interface FramePicture {
  readonly image: ImageBitmap;
  readonly rgb: RgbPixels;
}

/** RGB values of RGBA bytes (alpha dropped), as floats: what the tfjs detectors read from a picture. An indexed loop
 * over the bytes: 1.7 ms for 360x640 in Node, where for-of over the pixels as 32-bit words took 7.5 ms. */
function rgbOf(rgba: Uint8ClampedArray): RgbPixels {
  const n = rgba.length;
  const rgb = new Float32Array((n / 4) * 3);
  for (let i = 0, o = 0; i < n; i += 4, o += 3) {
    rgb[o] = rgba[i] ?? 0;
    rgb[o + 1] = rgba[i + 1] ?? 0;
    rgb[o + 2] = rgba[i + 2] ?? 0;
  }
  return rgb;
}

/** Paints samples into pictures of `width` x `height` (the display size: mediabunny's `draw` applies the rotation
 * and mirror flags). */
export function framePictures(width: number, height: number): (sample: VideoSample) => FramePicture {
  const canvas = new OffscreenCanvas(width, height);
  // read back on every frame: keep the canvas in memory rather than on a GPU
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2D canvas for the decoded frames');
  return (sample) => {
    sample.draw(ctx, 0, 0, width, height);
    const rgb = rgbOf(ctx.getImageData(0, 0, width, height).data);
    return { image: canvas.transferToImageBitmap(), rgb };
  };
}
