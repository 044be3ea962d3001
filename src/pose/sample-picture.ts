/**
 * A decoded video sample as the detector's picture (an ImageBitmap at the analysis size, rotation and flip applied),
 * made on the CPU: the frame's own YUV planes are copied out (`VideoFrame.copyTo`, no conversion) and scaled and
 * converted to RGBA here (yuv-to-rgba.ts).
 *
 * Why not let the browser convert (`drawImage(videoFrame)`, or `copyTo` with format RGBA): in a worker, Chromium's
 * video painter asks the main thread for a GPU context on every frame and waits for the answer
 * (shared_gpu_context.cc, CreateContextProviderIfNeeded, seen in a Chromium trace); where there is no GPU the answer
 * is "none" and the next frame asks again. The decoding worker then stood still for as long as the main thread was
 * busy with the detector (40-70 ms a frame), so decoding could not run ahead of it and the detector waited 5-7 ms
 * for every frame (13 % of the analysis). Frames in another layout (10-bit, RGB, GPU-only) take `sample.draw`.
 */
import type { VideoSample } from 'mediabunny';
import { isYuvFormat, yuvToRgba } from './yuv-to-rgba.ts';
import type { RgbPixels } from './create-detector.ts';

/** A sample as the detector's picture, and the same picture's RGB values (see `RgbPixels`). */
export interface SamplePicture {
  readonly image: ImageBitmap;
  readonly rgb: RgbPixels;
}

/** RGB values of RGBA bytes (alpha dropped), as floats: what the tfjs detectors read from a picture. */
function rgbOf(rgba: Uint8ClampedArray): RgbPixels {
  const rgb = new Float32Array((rgba.length / 4) * 3);
  for (let i = 0, o = 0; i < rgba.length; i += 4, o += 3) {
    rgb[o] = rgba[i] ?? 0;
    rgb[o + 1] = rgba[i + 1] ?? 0;
    rgb[o + 2] = rgba[i + 2] ?? 0;
  }
  return rgb;
}

/** Turns samples into pictures of `width` x `height` (the display size, after rotation). */
export function samplePictures(width: number, height: number): (sample: VideoSample) => Promise<SamplePicture> {
  const canvas = new OffscreenCanvas(width, height);
  // a software canvas: reading it and drawing bitmaps into it need no GPU
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2D canvas for the decoded frames');
  let copyWorks = true;

  /** What the canvas holds now, handed over (the canvas is left blank). */
  const fromCanvas = (): SamplePicture => {
    const rgb = rgbOf(ctx.getImageData(0, 0, width, height).data);
    return { image: canvas.transferToImageBitmap(), rgb };
  };

  const byCanvas = (sample: VideoSample): SamplePicture => {
    sample.draw(ctx, 0, 0, width, height);
    return fromCanvas();
  };

  let yuv: Uint8Array<ArrayBuffer> | null = null;
  let rgba: Uint8ClampedArray<ArrayBuffer> | null = null;
  const byCopy = async (sample: VideoSample): Promise<SamplePicture> => {
    const { format } = sample;
    if (!isYuvFormat(format)) throw new Error(`no CPU conversion for ${format ?? 'an opaque'} frame`);
    const size = sample.allocationSize();
    if (yuv?.length !== size) yuv = new Uint8Array(size);
    const layout = await sample.copyTo(yuv);
    const quarter = (((sample.rotation % 360) + 360) % 360) / 90;
    // the picture before rotation: a quarter turn swaps its sides
    const [dw, dh] = quarter % 2 ? [height, width] : [width, height];
    if (rgba?.length !== dw * dh * 4) rgba = new Uint8ClampedArray(dw * dh * 4);
    const { width: w, height: h } = sample.visibleRect;
    const { matrix, fullRange } = sample.colorSpace;
    yuvToRgba({ data: yuv, format, width: w, height: h, layout, matrix, fullRange }, dw, dh, rgba);
    const upright = await createImageBitmap(new ImageData(rgba, dw, dh));
    if (quarter === 0 && !sample.flip) return { image: upright, rgb: rgbOf(rgba) };
    ctx.setTransform(1, 0, 0, 1, width / 2, height / 2);
    if (sample.flip) ctx.scale(-1, 1);
    ctx.rotate((quarter * Math.PI) / 2);
    ctx.drawImage(upright, -dw / 2, -dh / 2);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    upright.close();
    return fromCanvas();
  };

  return async (sample) => {
    if (copyWorks) {
      try {
        return await byCopy(sample);
      } catch {
        copyWorks = false; // this browser cannot copy a frame's planes out: draw the frames (slower in a worker)
      }
    }
    return byCanvas(sample);
  };
}
